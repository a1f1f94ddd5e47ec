import type { Tool } from '../../tools/types.ts';
import { normalizeUtterance } from '../../tools/utterance.ts';

/** What the remember tool needs from the memory store (the conversation is known to it). */
export interface RememberService {
  /** Saves the note; `saved` are the memory texts written, empty when memory is switched off. */
  remember(text: string): Promise<{ enabled: boolean; saved: string[] }>;
}

/** Saves something the user asks Hearth to remember ("remember that my brother is Leo"). */
export function createRememberTool(memory: RememberService): Tool {
  return {
    name: 'remember',
    description:
      'Remember a fact the user asked you to keep, in their words, e.g. "my brother is Leo" or "I have swimming on Tuesdays".',
    parameters: {
      type: 'object',
      properties: { fact: { type: 'string', description: 'The fact to remember, as the user said it.' } },
      required: ['fact'],
    },

    async execute(args) {
      const fact = String(args.fact ?? '').trim();
      if (!fact) return { content: 'Error: nothing to remember.', isError: true };
      const { enabled, saved } = await memory.remember(fact);
      if (!enabled) {
        return {
          content: 'Memory is switched off by a parent; nothing was saved.',
          say: 'My memory is switched off right now, so I can’t keep that.',
        };
      }
      if (saved.length === 0) return { content: 'Already remembered.', say: 'I already know that!' };
      return { content: `Saved: ${saved.join(' ')}`, say: 'Okay, I’ll remember that.' };
    },

    directCommand(utterance) {
      const text = normalizeUtterance(utterance).replace(/^hearth\s+/, '');
      // Only commands: "do you remember ..." is a question for the LLM.
      const m = /^(?:can you |could you |i want you to |please )?remember (?:that |this )?(.+)$/.exec(text);
      const fact = m?.[1];
      if (!fact || /^(?:me|it|this|that|what)$/.test(fact)) return null;
      // Keep the user's own casing and apostrophes for names ("Leo", "I'm").
      const original = utterance
        .trim()
        .replace(/^.*?\bremember\s+(?:that\s+|this\s+)?/i, '')
        .replace(/[.!?]+$/, '');
      return { fact: original || fact };
    },
  };
}
