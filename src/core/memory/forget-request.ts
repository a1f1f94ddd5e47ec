// "Forget my brother's name", "forget that I like broccoli", "forget that", "forget everything":
// what the user wants forgotten, and which memories that is.

import { normalizeUtterance } from '../tools/utterance.ts';
import { keywords } from './memory-retrieval.ts';
import type { MemoryRecord } from './memory-types.ts';

export type ForgetTarget = { kind: 'everything' } | { kind: 'last' } | { kind: 'about'; query: string };

/** Null when the utterance is not a request to forget something. */
export function parseForgetRequest(utterance: string): ForgetTarget | null {
  const text = normalizeUtterance(utterance).replace(/^hearth\s+/, '');
  const m =
    /^(?:can you |could you |i want you to |you can )?(?:forget|delete|erase|dont remember)(?: about)? (.+)$/.exec(
      text,
    );
  const what = m?.[1]?.trim();
  if (!what) return null;
  if (/^(?:everything|all(?: of it)?|all about me|everything about me|everything you know(?: about me)?)$/.test(what))
    return { kind: 'everything' };
  if (/^(?:that|it|this|what i (?:just )?said)$/.test(what)) return { kind: 'last' };
  return { kind: 'about', query: what.replace(/^(?:that|about)\s+/, '') };
}

/** Memories matching the target; "last" is the newest memory from `conversationId`. */
export function selectMemoriesToForget(
  target: ForgetTarget,
  memories: readonly MemoryRecord[],
  conversationId: string | null,
): MemoryRecord[] {
  if (target.kind === 'everything') return [...memories];
  if (target.kind === 'last') {
    const fromHere = memories.filter((m) => conversationId !== null && m.conversationId === conversationId);
    const newest = [...fromHere].sort((a, b) => b.updatedAt - a.updatedAt)[0];
    return newest ? [newest] : [];
  }
  const wanted = keywords(target.query);
  // "my brother's name" is about the brother: "name" only picks the name slot when said alone.
  if (wanted.size > 1) wanted.delete('name');
  if (wanted.size === 0) return [];
  // A word naming the slot ("brother", "name", "dog") counts double: it says what the memory is about.
  const scored = memories.map((memory) => {
    const slotWords = keywords(memory.slot.replace(/[:_-]/g, ' '));
    if (memory.slot === 'name') slotWords.add('called');
    const textWords = keywords(memory.text);
    let score = 0;
    for (const word of wanted) score += slotWords.has(word) ? 2 : textWords.has(word) ? 1 : 0;
    return { memory, score };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best === 0) return [];
  return scored.filter((s) => s.score === best).map((s) => s.memory);
}
