// A stream that starts now and is read later: it pulls everything its source yields into a buffer
// from the moment it is made, and its one reader gets the buffer first, then the rest as it comes.
// Preemptive generation uses it: the language model starts on the words heard in a pause while the
// speaker may still go on, and the turn reads what was already written when it begins.

export class PrestartedStream<T> implements AsyncIterable<T> {
  private readonly buffer: T[] = [];
  private finished = false;
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;

  constructor(source: AsyncIterable<T>) {
    void this.pump(source);
  }

  /** Items pulled so far (for tests and metrics). */
  get buffered(): number {
    return this.buffer.length;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (let next = 0; ;) {
      if (next < this.buffer.length) {
        yield this.buffer[next++]!;
        continue;
      }
      if (this.failure) throw this.failure.error;
      if (this.finished) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private async pump(source: AsyncIterable<T>): Promise<void> {
    try {
      for await (const item of source) {
        this.buffer.push(item);
        this.wakeReader();
      }
    } catch (error) {
      // Kept for the reader (an abort is the owner's doing; nobody may read it).
      this.failure = { error };
    } finally {
      this.finished = true;
      this.wakeReader();
    }
  }

  private wakeReader(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
