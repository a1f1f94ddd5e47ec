import { playFromCatalog } from '../play-from-catalog.ts';
import type { Tool } from '../../tools/types.ts';
import { normalizeUtterance } from '../../tools/utterance.ts';

// "tell me a story", "tell me the story about the tortoise and the hare", "play the story of
// the lion and the mouse", "read me a story about a fox", "story time".
const ASK = /^(?:can you |could you |will you |would you )?(?:tell|play|read|put on)(?: me| us)? (?:a|the|another|some|one|your)? ?(?:story|stories|tale|fable)(?: (?:about|of|called|named|with) (.+))?$/;
const STORY_TIME = /^(?:its )?(?:story ?time|bedtime story|a story|story)$/;

/** Finds a story in the library and plays (or reads) it. */
export const tellStoryTool: Tool = {
  name: 'tell_story',
  description: 'Tell a story from the home media library (recorded stories play; text stories are read aloud).',
  parameters: {
    type: 'object',
    properties: {
      query: { type: 'string', description: 'Title or topic of the story, e.g. "the tortoise and the hare" or "a brave turtle". Empty for any story.' },
      language: { type: 'string', description: 'Optional language code, e.g. "en".' },
    },
  },

  async execute(args, ctx) {
    return playFromCatalog(
      { kind: 'story', query: typeof args.query === 'string' ? args.query : '', ...(typeof args.language === 'string' ? { language: args.language } : {}) },
      ctx,
    );
  },

  directCommand(utterance) {
    const text = normalizeUtterance(utterance).replace(/^hearth\s+/, '');
    if (STORY_TIME.test(text)) return { query: '' };
    const match = ASK.exec(text);
    if (!match) return null;
    return { query: (match[1] ?? '').trim() };
  },
};
