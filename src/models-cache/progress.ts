// Download speed and time left, from timestamped byte counts. Pure: the clock is passed in.

export interface TransferProgress {
  /** Bytes of the file on this device so far (including a resumed partial). */
  bytes: number;
  /** Size of the whole file, when known. */
  total: number | null;
  /** Bytes per second over the recent window; null until there is enough to say. */
  bytesPerSecond: number | null;
  /** Seconds until done at the current speed; null when unknown. */
  secondsLeft: number | null;
  /** 0..1, or null when the total is unknown. */
  fraction: number | null;
}

interface Sample {
  atMs: number;
  bytes: number;
}

/**
 * Speed over a sliding window (default 3 s): quick to follow a changing connection, steady
 * enough that "time left" does not jump every chunk. Bytes already on the device when a download
 * resumes never count as speed.
 */
export class SpeedMeter {
  private samples: Sample[] = [];

  constructor(private readonly windowMs = 3_000) {}

  /** Starts (or restarts after a resume) measuring from `bytes` at `atMs`. */
  reset(atMs: number, bytes: number): void {
    this.samples = [{ atMs, bytes }];
  }

  record(atMs: number, bytes: number): void {
    this.samples.push({ atMs, bytes });
    // Keep one sample at or before the window's start so the window is always fully covered.
    while (this.samples.length > 2 && this.samples[1]!.atMs <= atMs - this.windowMs) this.samples.shift();
  }

  /** Bytes per second, or null with under 200 ms of data (too little to be meaningful). */
  bytesPerSecond(): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.atMs - first.atMs < 200) return null;
    return ((last.bytes - first.bytes) * 1000) / (last.atMs - first.atMs);
  }
}

export function secondsLeft(bytes: number, total: number | null, bytesPerSecond: number | null): number | null {
  if (total === null) return null;
  if (bytes >= total) return 0;
  if (bytesPerSecond === null || bytesPerSecond <= 0) return null;
  return (total - bytes) / bytesPerSecond;
}

export function progressOf(bytes: number, total: number | null, bytesPerSecond: number | null): TransferProgress {
  return {
    bytes,
    total,
    bytesPerSecond,
    secondsLeft: secondsLeft(bytes, total, bytesPerSecond),
    fraction: total === null ? null : total === 0 ? 1 : Math.min(1, bytes / total),
  };
}

/** 75 -> "1 min 15 s left", 4000 -> "1 h 7 min left": words a parent reads at a glance. */
export function formatTimeLeft(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return 'working out time left…';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return s <= 1 ? 'almost done' : `${s} s left`;
  if (s < 3600) {
    const rest = s % 60;
    return rest === 0 ? `${Math.floor(s / 60)} min left` : `${Math.floor(s / 60)} min ${rest} s left`;
  }
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min left`;
}
