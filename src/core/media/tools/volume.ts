import { playerFrom } from '../services.ts';
import type { Tool } from '../../tools/types.ts';
import { normalizeUtterance } from '../../tools/utterance.ts';

/** One "louder" or "quieter" moves the volume by this much (of 100). */
export const VOLUME_STEP = 20;

const UP = /^(?:louder|(?:a bit |a little )?louder|turn it up|turn (?:the )?(?:volume|music|sound) up|volume up|(?:make it|play it|a bit|a little) louder|i cant hear(?: it)?)$/;
const DOWN = /^(?:quieter|softer|(?:a bit |a little )?(?:quieter|softer)|turn it down|turn (?:the )?(?:volume|music|sound) down|volume down|(?:make it|play it) (?:quieter|softer)|too loud)$/;
const SET = /^(?:set )?(?:the )?volume (?:to |at )?(\d{1,3})(?: percent)?$/;
const MUTE = /^(?:mute|mute it)$/;

/** Sets the media volume (0-100) or moves it up or down a step. */
export const volumeTool: Tool = {
  name: 'volume',
  description: 'Change the volume of songs and stories: set a level from 0 to 100, or go up or down a step.',
  parameters: {
    type: 'object',
    properties: {
      level: { type: 'integer', description: 'Volume from 0 (silent) to 100 (full).' },
      change: { type: 'string', enum: ['up', 'down'], description: 'Louder or quieter by one step.' },
    },
  },

  async execute(args, ctx) {
    const player = playerFrom(ctx);
    const now = Math.round(player.volume * 100);
    let target: number;
    if (typeof args.level === 'number') target = args.level;
    else if (args.change === 'up') target = now + VOLUME_STEP;
    else if (args.change === 'down') target = now - VOLUME_STEP;
    else return { content: 'Error: give a level (0-100) or a change (up or down).', isError: true };
    const level = Math.max(0, Math.min(100, Math.round(target)));
    player.setVolume(level / 100);
    return { content: `Volume set to ${level} of 100.`, endTurn: true };
  },

  directCommand(utterance) {
    const text = normalizeUtterance(utterance).replace(/^hearth\s+/, '');
    if (UP.test(text)) return { change: 'up' };
    if (DOWN.test(text)) return { change: 'down' };
    if (MUTE.test(text)) return { level: 0 };
    const set = SET.exec(text);
    if (set?.[1]) {
      const n = Number(set[1]);
      // "volume 5" means 5 of 10, the way people say it; 11 and up are percentages.
      return { level: n <= 10 ? n * 10 : Math.min(100, n) };
    }
    return null;
  },
};
