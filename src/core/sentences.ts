// Streaming sentence segmentation: LLM text deltas in, speakable sentences out as soon as a
// boundary is certain, so TTS can start on sentence 1 while the LLM is still writing.

const TERMINAL_MARKS = '.!?…';
const CLOSERS = `"'”’)]}»`;

/** Words that are always followed by more of the same sentence ("Dr. Who"). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'mx',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'cf',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'approx',
  'fig',
  'mt',
  'ft',
  'rev',
  'gen',
  'capt',
  'lt',
  'sgt',
  'col',
  'gov',
  'sen',
  'rep',
  'hon',
]);

export interface SentenceSegmenterOptions {
  /** A clause longer than this with no sentence end is split at its last comma/semicolon. */
  maxChars?: number;
  /** Past this length with no punctuation at all, split at the last space. */
  hardMaxChars?: number;
}

export class SentenceSegmenter {
  private buffer = '';
  /** Everything before this index has been checked and holds no boundary. */
  private scanFrom = 0;
  private readonly maxChars: number;
  private readonly hardMaxChars: number;

  constructor(options: SentenceSegmenterOptions = {}) {
    this.maxChars = options.maxChars ?? 200;
    this.hardMaxChars = options.hardMaxChars ?? this.maxChars * 2;
  }

  /** Adds a text delta; returns the sentences that are now complete. */
  push(delta: string): string[] {
    this.buffer += delta;
    const sentences: string[] = [];
    for (;;) {
      const cut = this.findBoundary() ?? this.findLongClauseCut();
      if (cut === null) break;
      const sentence = this.buffer.slice(0, cut).trim();
      this.buffer = this.buffer.slice(cut).replace(/^\s+/, '');
      this.scanFrom = 0;
      if (sentence) sentences.push(sentence);
    }
    return sentences;
  }

  /** Ends the stream: returns the remaining text (or null when there is none). */
  flush(): string | null {
    const rest = this.buffer.trim();
    this.buffer = '';
    this.scanFrom = 0;
    return rest || null;
  }

  /** Index just past a certain sentence end, or null if none is certain yet. */
  private findBoundary(): number | null {
    const text = this.buffer;
    let i = this.scanFrom;
    while (i < text.length) {
      const ch = text[i] ?? '';
      if (ch === '\n') {
        if (text.slice(0, i).trim()) return i + 1;
        i++;
        continue;
      }
      if (!TERMINAL_MARKS.includes(ch)) {
        i++;
        continue;
      }
      let end = i;
      while (end < text.length && TERMINAL_MARKS.includes(text[end] ?? '')) end++;
      const marks = text.slice(i, end);
      while (end < text.length && CLOSERS.includes(text[end] ?? '')) end++;
      let next = end;
      while (next < text.length && /[ \t\r]/.test(text[next] ?? '')) next++;
      if (next >= text.length) {
        // Cannot tell yet ("Dr" + "." + ?); resume here when more text arrives.
        this.scanFrom = i;
        return null;
      }
      const nextChar = text[next] ?? '';
      if (next === end && nextChar !== '\n') {
        // No space after the mark: "3.14", "example.com", "e.g." mid-word.
        i = end;
        continue;
      }
      if (nextChar === '\n' || this.endsSentence(text, i, marks, nextChar)) return end;
      i = end;
    }
    this.scanFrom = text.length;
    return null;
  }

  private endsSentence(text: string, markIndex: number, marks: string, nextChar: string): boolean {
    // A lowercase word after the mark continues the sentence
    // ("Well... maybe", "approx. five", "etc. and so on", '"Wow!" she said').
    if (/\p{Ll}/u.test(nextChar)) return false;
    if (marks !== '.') return true;
    const word = wordBefore(text, markIndex);
    if (ABBREVIATIONS.has(word.toLowerCase())) return false;
    // Initials: "J. R. R. Tolkien".
    if (/^\p{Lu}$/u.test(word)) return false;
    // A numbered list item at the start of a line: "1. First".
    if (/^\d+$/.test(word) && /(^|\n)[ \t]*$/.test(text.slice(0, markIndex - word.length))) return false;
    return true;
  }

  /** For a long run with no sentence end: where to cut so TTS can start, or null. */
  private findLongClauseCut(): number | null {
    const text = this.buffer;
    if (text.length <= this.maxChars) return null;
    const clause = /[,;:](?=\s)/g;
    let cut = -1;
    for (let m = clause.exec(text); m; m = clause.exec(text)) {
      if (m.index > this.maxChars) break;
      cut = m.index + 1;
    }
    if (cut > 0) return cut;
    if (text.length <= this.hardMaxChars) return null;
    const space = text.lastIndexOf(' ', this.hardMaxChars);
    return space > 0 ? space : this.hardMaxChars;
  }
}

/** The word (letters and inner dots, as in "e.g") right before `index`. */
function wordBefore(text: string, index: number): string {
  let start = index;
  while (start > 0 && /[\p{L}\d.]/u.test(text[start - 1] ?? '')) start--;
  return text.slice(start, index).replace(/^\.+/, '');
}

/** Splits a complete text into sentences (convenience for non-streaming callers). */
export function splitSentences(text: string, options?: SentenceSegmenterOptions): string[] {
  const segmenter = new SentenceSegmenter(options);
  const sentences = segmenter.push(text);
  const rest = segmenter.flush();
  if (rest) sentences.push(rest);
  return sentences;
}
