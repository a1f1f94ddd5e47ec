import { parseForgetRequest } from '../forget-request.ts';
import type { Tool } from '../../tools/types.ts';

/** What the forget tool needs from the memory store (the conversation is known to it). */
export interface ForgetService {
  /** Deletes the memories `what` points at ("my brother's name", "that", "everything"); returns their texts. */
  forget(what: string): Promise<{ forgotten: string[] }>;
}

/** Deletes memories on request: "forget my brother's name", "forget that", "forget everything". */
export function createForgetTool(memory: ForgetService): Tool {
  return {
    name: 'forget',
    description:
      'Forget something you remembered about the user, e.g. "my brother\'s name", "that I like broccoli", "that" (the last thing), or "everything".',
    parameters: {
      type: 'object',
      properties: { what: { type: 'string', description: "What to forget, in the user's words." } },
      required: ['what'],
    },

    async execute(args) {
      const what = String(args.what ?? '').trim();
      if (!what) return { content: 'Error: say what to forget.', isError: true };
      const { forgotten } = await memory.forget(what);
      if (forgotten.length === 0) {
        return { content: 'Nothing matched; nothing was forgotten.', say: 'I don’t remember anything about that.' };
      }
      const everything = parseForgetRequest(`forget ${what}`)?.kind === 'everything';
      return {
        content: `Forgotten: ${forgotten.join(' ')}`,
        say: everything ? 'Okay. I’ve forgotten everything you told me.' : 'Okay, I’ve forgotten that.',
      };
    },

    directCommand(utterance) {
      const target = parseForgetRequest(utterance);
      if (!target) return null;
      const what = target.kind === 'everything' ? 'everything' : target.kind === 'last' ? 'that' : target.query;
      return { what };
    },
  };
}
