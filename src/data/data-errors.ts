// A failed write is reported, never silently dropped: every write goes through `reportingWrite`,
// which tells the UI (a banner) and still rejects so the caller knows.

export interface DataWriteFailure {
  /** What was being saved, in words a parent understands ("a memory", "the conversation"). */
  what: string;
  error: Error;
  at: number;
}

type FailureListener = (failure: DataWriteFailure) => void;

const listeners = new Set<FailureListener>();

export function onDataWriteFailure(listener: FailureListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export class DataWriteError extends Error {
  override name = 'DataWriteError';
  constructor(
    readonly what: string,
    override readonly cause: Error,
  ) {
    super(`Could not save ${what}: ${cause.message}`);
  }
}

export async function reportingWrite<T>(what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    const failure: DataWriteFailure = { what, error, at: Date.now() };
    if (listeners.size === 0) console.error(`Hearth: could not save ${what}`, error);
    for (const listener of listeners) listener(failure);
    throw new DataWriteError(what, error);
  }
}
