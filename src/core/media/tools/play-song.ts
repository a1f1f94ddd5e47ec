import { playFromCatalog } from '../play-from-catalog.ts';
import type { Tool } from '../../tools/types.ts';
import { normalizeUtterance } from '../../tools/utterance.ts';

// "play twinkle twinkle", "play me a song about the moon", "sing a lullaby"; story requests
// belong to tell_story, and "play" alone means resume.
const PLAY = /^(?:can you |could you |will you |would you )?(?:play|sing|put on)(?: me| us)?(?: (.+))?$/;
const NOT_A_SONG = /\b(?:story|stories|tale|game|games)\b/;
const GENERIC = /^(?:(?:a|some|any|the|another) )?(?:song|songs|music|tune|something)$/;

/** Finds a song in the library and plays it. */
export const playSongTool: Tool = {
  name: 'play_song',
  description: 'Play a song or tune from the home media library. Use for requests to play, sing or put on music.',
  parameters: {
    type: 'object',
    properties: {
      query: { type: 'string', description: 'Title or topic of the song, e.g. "twinkle twinkle" or "a song about the moon". Empty for any song.' },
      language: { type: 'string', description: 'Optional language code, e.g. "en".' },
    },
  },

  async execute(args, ctx) {
    return playFromCatalog(
      { kind: 'song', query: typeof args.query === 'string' ? args.query : '', ...(typeof args.language === 'string' ? { language: args.language } : {}) },
      ctx,
    );
  },

  directCommand(utterance) {
    const text = normalizeUtterance(utterance).replace(/^hearth\s+/, '');
    const match = PLAY.exec(text);
    if (!match?.[1] || NOT_A_SONG.test(text)) return null;
    const what = match[1].trim();
    return { query: GENERIC.test(what) ? '' : what };
  },
};
