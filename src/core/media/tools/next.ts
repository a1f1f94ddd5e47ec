import { playerFrom } from '../services.ts';
import type { Tool } from '../../tools/types.ts';
import { normalizeUtterance } from '../../tools/utterance.ts';

const NEXT = /^(?:next|next one|next (?:song|story|track)|skip|skip (?:it|this|that)(?: one| song| story)?|play the next (?:one|song|story)|another one)$/;

/** Skips to the next item queued after the current one. */
export const nextTool: Tool = {
  name: 'next',
  description: 'Skip to the next song or story in the queue.',
  parameters: { type: 'object', properties: {} },

  async execute(_args, ctx) {
    const item = await playerFrom(ctx).next();
    return item
      ? { content: `Now playing "${item.title}" (id ${item.id}).`, say: `Next: ${item.title}.`, endTurn: true }
      : { content: 'The queue is empty.', say: 'That was the last one.', endTurn: true };
  },

  directCommand(utterance) {
    return NEXT.test(normalizeUtterance(utterance).replace(/^hearth\s+/, '')) ? {} : null;
  },
};
