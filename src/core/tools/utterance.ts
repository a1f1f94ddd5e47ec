// Shared normalisation so each tool's direct-command patterns stay short.

/** Lower-cases, drops punctuation and apostrophes, collapses spaces, strips polite filler. */
export function normalizeUtterance(utterance: string): string {
  return utterance
    .toLowerCase()
    .replace(/['\u2019\u0060]/g, '') // apostrophes, curly ones and backticks
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:(?:hey|hi|ok|okay|so|um|uh|please)\s+)+/, '')
    .replace(/\s+please$/, '');
}
