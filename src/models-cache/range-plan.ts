// Resuming a download: which request to make for the bytes still missing, and whether the
// server's answer continues the partial file or starts it over. Pure.

export type ResumeDecision =
  /** The partial file is already the whole file: verify it, fetch nothing. */
  | { kind: 'complete' }
  /** Ask for the rest with this Range header (or the whole file when `range` is null). */
  | { kind: 'fetch'; range: string | null; keepBytes: number }
  /** The partial is longer than the file can be: throw it away and start again. */
  | { kind: 'discard' };

/** What to do with `have` bytes already on the device for a file of `expected` bytes (if known). */
export function planResume(have: number, expected: number | null): ResumeDecision {
  if (expected !== null && have > expected) return { kind: 'discard' };
  if (expected !== null && have === expected) return { kind: 'complete' };
  if (have === 0) return { kind: 'fetch', range: null, keepBytes: 0 };
  return { kind: 'fetch', range: `bytes=${have}-`, keepBytes: have };
}

export type ResponsePlan =
  /** Append the body after the first `offset` bytes kept on the device. */
  | { kind: 'append'; offset: number; total: number | null }
  /** The body is the whole file: drop the partial bytes and write from 0. */
  | { kind: 'restart'; total: number | null }
  | { kind: 'error'; message: string };

export interface ResponseFacts {
  status: number;
  contentRange: string | null;
  contentLength: string | null;
}

/** `bytes 100-199/200` -> {start, end, total}; total null for `*`. */
export function parseContentRange(value: string): { start: number; end: number; total: number | null } | null {
  const m = /^bytes\s+(\d+)-(\d+)\/(\d+|\*)$/i.exec(value.trim());
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  const total = m[3] === '*' ? null : Number(m[3]);
  if (end < start || (total !== null && end >= total)) return null;
  return { start, end, total };
}

function lengthOf(value: string | null): number | null {
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value);
}

/** How to use the server's answer to a request made with `planResume`'s decision. */
export function planResponse(requestedFrom: number, facts: ResponseFacts): ResponsePlan {
  if (facts.status === 206) {
    const range = facts.contentRange ? parseContentRange(facts.contentRange) : null;
    if (!range)
      return {
        kind: 'error',
        message: `the server sent part of the file without a valid Content-Range (${facts.contentRange ?? 'none'})`,
      };
    // A range starting anywhere but where the partial ends would leave a gap or an overlap.
    if (range.start !== requestedFrom)
      return { kind: 'error', message: `asked for bytes from ${requestedFrom}, the server sent from ${range.start}` };
    return { kind: 'append', offset: requestedFrom, total: range.total };
  }
  if (facts.status === 200) return { kind: 'restart', total: lengthOf(facts.contentLength) };
  return { kind: 'error', message: `HTTP ${facts.status}` };
}

/** Wait before retry `attempt` (0-based): 0.5 s, 1 s, 2 s, 4 s... capped. */
export function retryDelayMs(attempt: number, baseMs = 500, maxMs = 8_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
}
