import { splitSentences } from '../sentences.ts';

/** A text story as sentences to read aloud: markdown marks dropped, the heading read as a title. */
export function storySentences(markdown: string): string[] {
  const plain = markdown
    .replace(/^\s*#+\s*(.+)$/gm, '$1.\n')
    .replace(/[*_`>#]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return splitSentences(plain).filter((s) => /[\p{L}\p{N}]/u.test(s));
}
