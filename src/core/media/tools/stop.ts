import { playerFrom } from '../services.ts';
import type { Tool } from '../../tools/types.ts';
import { normalizeUtterance } from '../../tools/utterance.ts';

const STOP = /^(?:stop|stop it|stop that|stop (?:the )?(?:music|song|story|playing)|stop playing(?: that| it)?|turn it off|turn (?:the )?(?:music|song|story) off|thats enough|enough|be quiet|quiet|shush|hush)$/;

/** Stops whatever song or story is playing. */
export const stopTool: Tool = {
  name: 'stop',
  description: 'Stop the song or story that is playing.',
  parameters: { type: 'object', properties: {} },

  async execute(_args, ctx) {
    const player = playerFrom(ctx);
    const was = player.current;
    player.stop();
    return was ? { content: `Stopped "${was.title}".`, say: 'Okay, stopped.', endTurn: true } : { content: 'Nothing was playing.', say: 'Okay.', endTurn: true };
  },

  directCommand(utterance) {
    return STOP.test(normalizeUtterance(utterance).replace(/^hearth\s+/, '')) ? {} : null;
  },
};
