import { playerFrom } from '../services.ts';
import type { Tool } from '../../tools/types.ts';
import { normalizeUtterance } from '../../tools/utterance.ts';

const RESUME = /^(?:resume|unpause|continue|carry on|go on|keep (?:playing|going)|play|play it again|continue (?:the )?(?:music|song|story))$/;

/** Resumes a paused song or story. */
export const resumeTool: Tool = {
  name: 'resume',
  description: 'Resume the paused song or story.',
  parameters: { type: 'object', properties: {} },

  async execute(_args, ctx) {
    const resumed = playerFrom(ctx).resume();
    return resumed ? { content: 'Resumed.', endTurn: true } : { content: 'Nothing was paused.', say: 'There is nothing paused to carry on with.', endTurn: true };
  },

  directCommand(utterance) {
    return RESUME.test(normalizeUtterance(utterance).replace(/^hearth\s+/, '')) ? {} : null;
  },
};
