// One background task at a time (learning memories from the last turn): starting the next one,
// or stop(), aborts the one still running, so a new turn never waits on the shared model.

export class LatestRun {
  private controller: AbortController | null = null;

  /** Aborts the previous run, then starts `task` with a signal that the next start or stop() aborts. */
  start<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.stop();
    const controller = (this.controller = new AbortController());
    return task(controller.signal).finally(() => {
      if (this.controller === controller) this.controller = null;
    });
  }

  /** Aborts the run in progress, if any. */
  stop(): void {
    this.controller?.abort();
    this.controller = null;
  }
}
