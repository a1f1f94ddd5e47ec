import { playerFrom } from '../services.ts';
import type { Tool } from '../../tools/types.ts';
import { normalizeUtterance } from '../../tools/utterance.ts';

const PAUSE = /^(?:pause|pause it|pause that|pause (?:the )?(?:music|song|story)|hold on|wait a (?:minute|moment|second))$/;

/** Pauses the song or story; resume picks up where it left off. */
export const pauseTool: Tool = {
  name: 'pause',
  description: 'Pause the song or story that is playing, to resume later.',
  parameters: { type: 'object', properties: {} },

  async execute(_args, ctx) {
    const paused = playerFrom(ctx).pause();
    // Saying nothing keeps the pause instant; a word confirms when there was nothing to pause.
    return paused ? { content: 'Paused.', endTurn: true } : { content: 'Nothing was playing.', say: 'Nothing is playing right now.', endTurn: true };
  },

  directCommand(utterance) {
    return PAUSE.test(normalizeUtterance(utterance).replace(/^hearth\s+/, '')) ? {} : null;
  },
};
