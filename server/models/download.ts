// Resumable, verified download of one file: bytes go to <target>.part, a dropped connection
// continues from what is on disk (Range + If-Range), and only a file whose sha256 matches is
// moved into place.
import { createHash, type Hash } from 'node:crypto';
import { mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isStrongEtag, sha256FromEtag } from './etag.ts';
import { commitFile, fsyncFile } from './fs-atomic.ts';
import { hashFilePrefix } from './hash.ts';
import { httpGet } from './http-get.ts';

export interface DownloadProgress {
  label: string;
  bytesDone: number;
  bytesTotal: number | null;
  bytesPerSecond: number;
}

export interface DownloadFileOptions {
  url: string;
  target: string;
  /** Shown in progress and errors, e.g. "whisper-tiny-en/config.json". */
  label: string;
  expectedSha256: string | null;
  expectedBytes: number | null;
  /** false: never treat this server's ETag as the content hash. */
  etagIsSha256?: boolean;
  onProgress?: (p: DownloadProgress) => void;
  /** Retries after network errors, dropped connections and 5xx (default 5). */
  retries?: number;
  /** First backoff delay; doubles each retry, capped at 30 s (default 1000). */
  retryDelayMs?: number;
  /** Limit for a response's headers to arrive (default 30 s). */
  requestTimeoutMs?: number;
  /** Limit for silence while the body streams (default 60 s). */
  idleTimeoutMs?: number;
  /** Stops the download; what arrived stays in <target>.part, so the next try resumes from it. */
  signal?: AbortSignal;
}

export interface DownloadedFile {
  sha256: string;
  bytes: number;
  /** Where the expected hash came from; null when nothing vouched for the content. */
  verifiedAgainst: 'manifest' | 'server' | null;
}

export class DownloadError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
}

/** The download was stopped on purpose (a parent pressed Cancel); its .part is kept for resuming. */
export class DownloadCancelledError extends Error {
  constructor(readonly label: string) {
    super(`${label}: download cancelled`);
    this.name = 'DownloadCancelledError';
  }
}

export class HashMismatchError extends Error {
  constructor(
    readonly label: string,
    readonly expectedSha256: string,
    readonly actualSha256: string,
  ) {
    super(`${label}: sha256 mismatch — expected ${expectedSha256}, got ${actualSha256}; the download was discarded`);
    this.name = 'HashMismatchError';
  }
}

interface PartMeta {
  url: string;
  etag: string | null;
}

export async function downloadFile(opts: DownloadFileOptions): Promise<DownloadedFile> {
  const job = new ResumableDownload(opts);
  await job.prepare();
  const retries = opts.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      await job.attempt();
      break;
    } catch (err) {
      if (opts.signal?.aborted) throw new DownloadCancelledError(opts.label);
      const retryable = err instanceof DownloadError ? err.retryable : !(err instanceof HashMismatchError) && !looksOffline(err);
      if (!retryable || attempt >= retries) throw asDownloadError(err, opts);
      await sleep(Math.min((opts.retryDelayMs ?? 1000) * 2 ** attempt, 30_000), undefined, { signal: opts.signal }).catch(() => {
        throw new DownloadCancelledError(opts.label);
      });
    }
  }
  return job.finish();
}

class ResumableDownload {
  private readonly part: string;
  private readonly metaPath: string;
  private hash: Hash = createHash('sha256');
  private offset = 0;
  private total: number | null = null;
  private etag: string | null = null;
  private serverSha256: string | null = null;

  constructor(private readonly o: DownloadFileOptions) {
    this.part = `${o.target}.part`;
    this.metaPath = `${o.target}.part.json`;
  }

  /** Picks up a .part left by an earlier run, if it came from the same URL. */
  async prepare(): Promise<void> {
    await mkdir(dirname(this.o.target), { recursive: true });
    const meta = await readPartMeta(this.metaPath);
    const size = (await stat(this.part).catch(() => null))?.size ?? 0;
    const tooBig = this.o.expectedBytes !== null && size > this.o.expectedBytes;
    if (size === 0 || !meta || meta.url !== this.o.url || tooBig) {
      await this.restart();
      return;
    }
    this.etag = meta.etag;
    this.offset = size;
    await hashFilePrefix(this.part, this.hash, size);
  }

  async attempt(): Promise<void> {
    // A .part from an earlier run may already hold every byte: nothing left to fetch.
    if (this.o.expectedBytes !== null && this.offset === this.o.expectedBytes && this.offset > 0) return;
    if (this.o.signal?.aborted) throw new DownloadCancelledError(this.o.label);
    const controller = new AbortController();
    const cancel = (): void => controller.abort(new DownloadCancelledError(this.o.label));
    this.o.signal?.addEventListener('abort', cancel, { once: true });
    let timer: NodeJS.Timeout | undefined;
    const arm = (ms: number, what: string): void => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new DownloadError(`${this.o.label}: ${what} timed out after ${ms} ms`, true)), ms);
    };
    try {
      arm(this.o.requestTimeoutMs ?? 30_000, 'request');
      const headers: Record<string, string> = { 'accept-encoding': 'identity' };
      if (this.offset > 0) {
        headers.range = `bytes=${this.offset}-`;
        if (isStrongEtag(this.etag)) headers['if-range'] = this.etag;
      }
      const { response, linkedSha256 } = await httpGet(this.o.url, headers, controller.signal);
      await this.acceptResponse(response, linkedSha256);
      if (response.status === 416) return;
      const body = response.body;
      if (!body) throw new DownloadError(`${this.o.label}: empty response body`, true);
      const fh = await open(this.part, 'a');
      try {
        const reader = body.getReader();
        for (;;) {
          arm(this.o.idleTimeoutMs ?? 60_000, 'transfer');
          const { done, value } = await reader.read();
          if (done) break;
          // Written before hashed, so the hash always covers exactly the bytes on disk.
          await fh.write(value);
          this.hash.update(value);
          this.offset += value.byteLength;
          this.progress();
        }
        await fh.sync();
      } finally {
        await fh.close();
      }
      if (this.total !== null && this.offset < this.total) {
        throw new DownloadError(`${this.o.label}: connection closed at ${this.offset} of ${this.total} bytes`, true);
      }
    } catch (err) {
      const reason: unknown = controller.signal.reason;
      if (controller.signal.aborted && (reason instanceof DownloadError || reason instanceof DownloadCancelledError)) throw reason;
      throw err;
    } finally {
      clearTimeout(timer);
      this.o.signal?.removeEventListener('abort', cancel);
    }
  }

  private speedStart = { at: Date.now(), bytes: 0 };

  private progress(): void {
    if (!this.o.onProgress) return;
    const seconds = (Date.now() - this.speedStart.at) / 1000;
    this.o.onProgress({
      label: this.o.label,
      bytesDone: this.offset,
      bytesTotal: this.total ?? this.o.expectedBytes,
      bytesPerSecond: seconds > 0 ? (this.offset - this.speedStart.bytes) / seconds : 0,
    });
  }

  /** Decides from status and headers whether the body continues our .part or replaces it. */
  private async acceptResponse(response: Response, linkedSha256: string | null): Promise<void> {
    const { status } = response;
    if (status === 416 && this.offset > 0) {
      await response.body?.cancel();
      const total = parseContentRangeTotal(response.headers.get('content-range'));
      if (total === this.offset) return; // the .part already holds the whole file
      await this.restart();
      throw new DownloadError(`${this.o.label}: server refused to resume; starting over`, true);
    }
    if (status !== 200 && status !== 206) {
      await response.body?.cancel();
      const retryable = status >= 500 || status === 408 || status === 429;
      throw new DownloadError(`${this.o.label}: HTTP ${status} from ${this.o.url}`, retryable);
    }
    if (status === 206) {
      const range = parseContentRange(response.headers.get('content-range'));
      if (!range || range.start !== this.offset) {
        await response.body?.cancel();
        await this.restart();
        throw new DownloadError(`${this.o.label}: server resumed at the wrong offset; starting over`, true);
      }
      this.total = range.total;
    } else {
      // 200: the server sent the whole file (no range support, or the file changed): start over.
      if (this.offset > 0) await this.restart();
      const length = response.headers.get('content-length');
      this.total = length !== null ? Number(length) : null;
    }
    this.etag = response.headers.get('etag');
    await writeFile(this.metaPath, JSON.stringify({ url: this.o.url, etag: this.etag } satisfies PartMeta));
    const fromEtag = this.o.etagIsSha256 === false ? null : sha256FromEtag(this.etag);
    this.serverSha256 = linkedSha256 ?? fromEtag ?? this.serverSha256;
    const expected = this.o.expectedSha256;
    if (expected && this.serverSha256 && this.serverSha256 !== expected) {
      await response.body?.cancel();
      await this.discard();
      throw new DownloadError(
        `${this.o.label}: the server offers a different file (sha256 ${this.serverSha256}, expected ${expected}); nothing was downloaded`,
        false,
      );
    }
    if (this.o.expectedBytes !== null && this.total !== null && this.total !== this.o.expectedBytes) {
      await response.body?.cancel();
      throw new DownloadError(`${this.o.label}: server reports ${this.total} bytes, expected ${this.o.expectedBytes}`, false);
    }
    this.speedStart = { at: Date.now(), bytes: this.offset };
  }

  async finish(): Promise<DownloadedFile> {
    const actual = this.hash.digest('hex');
    const expected = this.o.expectedSha256 ?? this.serverSha256;
    if (expected !== null && actual !== expected) {
      await this.discard();
      throw new HashMismatchError(this.o.label, expected, actual);
    }
    if (this.o.expectedBytes !== null && this.offset !== this.o.expectedBytes) {
      await this.discard();
      throw new DownloadError(`${this.o.label}: got ${this.offset} bytes, expected ${this.o.expectedBytes}; the download was discarded`, false);
    }
    await fsyncFile(this.part);
    await commitFile(this.part, this.o.target);
    await rm(this.metaPath, { force: true });
    const verifiedAgainst = this.o.expectedSha256 ? 'manifest' : this.serverSha256 ? 'server' : null;
    return { sha256: actual, bytes: this.offset, verifiedAgainst };
  }

  private async restart(): Promise<void> {
    await this.discard();
    this.hash = createHash('sha256');
    this.offset = 0;
    this.etag = null;
  }

  private async discard(): Promise<void> {
    await rm(this.part, { force: true });
    await rm(this.metaPath, { force: true });
  }
}

async function readPartMeta(path: string): Promise<PartMeta | null> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<PartMeta>;
    return typeof value.url === 'string' ? { url: value.url, etag: typeof value.etag === 'string' ? value.etag : null } : null;
  } catch {
    return null;
  }
}

function parseContentRange(value: string | null): { start: number; total: number | null } | null {
  const m = value?.match(/^bytes (\d+)-(\d+)\/(\d+|\*)$/);
  if (!m?.[1] || !m[3]) return null;
  return { start: Number(m[1]), total: m[3] === '*' ? null : Number(m[3]) };
}

function parseContentRangeTotal(value: string | null): number | null {
  const m = value?.match(/\/(\d+)$/);
  return m?.[1] ? Number(m[1]) : null;
}

/** No DNS or no route: retrying for half a minute would only delay the "import from a folder" hint. */
function looksOffline(err: unknown): boolean {
  const code = err instanceof Error && err.cause && typeof err.cause === 'object' && 'code' in err.cause ? err.cause.code : null;
  return code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH';
}

function asDownloadError(err: unknown, opts: DownloadFileOptions): Error {
  if (err instanceof DownloadError || err instanceof HashMismatchError || err instanceof DownloadCancelledError) return err;
  const cause = err instanceof Error ? (err.cause instanceof Error ? `${err.message} (${err.cause.message})` : err.message) : String(err);
  return new DownloadError(`${opts.label}: could not download ${opts.url}: ${cause}`, false);
}
