// Downloads one model file into Cache Storage: streamed to a partial file, resumed with a Range
// request after a dropped connection, retried with backoff, verified by sha256 (or by size where
// the server knows no hash), and only then stored whole.
import { isAbort, isQuotaError, ModelCacheError, quotaError } from './errors.ts';
import { removeFile, sha256OfBlob, storeFile } from './cache-store.ts';
import type { PartialStore } from './partial-store.ts';
import { progressOf, SpeedMeter, type TransferProgress } from './progress.ts';
import { planResponse, planResume, retryDelayMs } from './range-plan.ts';
import type { ModelFile } from './wanted-packs.ts';

export type FilePhase = 'downloading' | 'verifying';

export interface DownloadOptions {
  partials: PartialStore;
  signal?: AbortSignal;
  onProgress?: (phase: FilePhase, progress: TransferProgress) => void;
  /** Consecutive failed attempts without any new bytes before giving up. */
  maxRetries?: number;
  /** Makes a partial durable every this many bytes (a reload then resumes from there). */
  checkpointBytes?: number;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface DownloadResult {
  sha256: string;
  bytes: number;
  verified: 'sha256' | 'size';
  /** Requests made, and how many resumed with a Range header. */
  requests: number;
  resumed: number;
}

const PROGRESS_EVERY_MS = 100;

function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new ModelCacheError('cancelled', 'Download cancelled.'));
      },
      { once: true },
    );
  });
}

export function partialKey(file: ModelFile): string {
  return `${file.packId}/${file.path}`;
}

export async function downloadFile(file: ModelFile, opts: DownloadOptions): Promise<DownloadResult> {
  const now = opts.now ?? (() => performance.now());
  const sleep = opts.sleep ?? sleepFor;
  const maxRetries = opts.maxRetries ?? 5;
  const partial = opts.partials.file(partialKey(file));
  const label = partialKey(file);
  const meter = new SpeedMeter();
  let total = file.bytes;
  let contentType = 'application/octet-stream';
  let failures = 0;
  let requests = 0;
  let resumed = 0;

  for (;;) {
    if (opts.signal?.aborted) throw new ModelCacheError('cancelled', 'Download cancelled.');
    let have = await partial.size();
    const decision = planResume(have, total);
    if (decision.kind === 'discard') {
      await partial.remove();
      continue;
    }
    if (decision.kind === 'complete') break;

    let gotBytes = false;
    try {
      requests++;
      if (decision.range) resumed++;
      // no-store: the partial file is the cache here; the browser's HTTP cache must not answer
      // a Range request from an older half-copy.
      const response = await fetch(file.url, {
        cache: 'no-store',
        headers: decision.range ? { Range: decision.range } : {},
        ...(opts.signal ? { signal: opts.signal } : {}),
      });
      const plan = planResponse(decision.keepBytes, {
        status: response.status,
        contentRange: response.headers.get('content-range'),
        contentLength: response.headers.get('content-length'),
      });
      if (plan.kind === 'error') {
        // 4xx other than 408/429: asking again gives the same answer.
        const permanent =
          response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
        void response.body?.cancel();
        if (permanent || response.status === 200 || response.status === 206) {
          throw new ModelCacheError('http', `The home server could not send ${label}: ${plan.message}.`);
        }
        throw new TypeError(plan.message); // retried like a network error
      }
      contentType = response.headers.get('content-type') ?? contentType;
      if (plan.total !== null) {
        if (total !== null && plan.total !== total) {
          void response.body?.cancel();
          throw new ModelCacheError(
            'integrity',
            `${label} on the server is ${plan.total} bytes, but it was listed as ${total} bytes.`,
          );
        }
        total = plan.total;
      }
      have = plan.kind === 'append' ? plan.offset : 0;
      if (!response.body) throw new TypeError('empty response body');
      const writer = await partial.openWriter(have);
      meter.reset(now(), have);
      let lastReport = -Infinity;
      let sinceCheckpoint = 0;
      const checkpointBytes = opts.checkpointBytes ?? 8 * 1024 * 1024;
      const reader = response.body.getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          await writer.write(value);
          gotBytes = true;
          have += value.length;
          sinceCheckpoint += value.length;
          if (sinceCheckpoint >= checkpointBytes) {
            await writer.checkpoint();
            sinceCheckpoint = 0;
          }
          const t = now();
          meter.record(t, have);
          if (t - lastReport >= PROGRESS_EVERY_MS) {
            lastReport = t;
            opts.onProgress?.('downloading', progressOf(have, total, meter.bytesPerSecond()));
          }
        }
      } finally {
        // Closing keeps the bytes received so far, also when the connection dropped.
        await writer.close();
      }
      opts.onProgress?.('downloading', progressOf(have, total, meter.bytesPerSecond()));
      if (total === null) total = have; // no length known: the server's end of body is the end
      if (have < total) throw new TypeError(`connection closed after ${have} of ${total} bytes`);
    } catch (error) {
      if (opts.signal?.aborted || isAbort(error)) throw new ModelCacheError('cancelled', 'Download cancelled.');
      if (error instanceof ModelCacheError) {
        if (error.kind === 'integrity') await partial.remove();
        throw error;
      }
      if (isQuotaError(error)) throw await quotaError(label, total);
      failures = gotBytes ? 0 : failures + 1;
      if (failures > maxRetries) {
        throw new ModelCacheError(
          'network',
          `Could not download ${label} from the home server after ${maxRetries + 1} tries (${error instanceof Error ? error.message : String(error)}). It will continue from where it stopped next time.`,
        );
      }
      await sleep(retryDelayMs(Math.max(0, failures - 1)), opts.signal);
    }
  }

  return { ...(await verifyAndStore(file, partial, total, contentType, opts, label)), requests, resumed };
}

async function verifyAndStore(
  file: ModelFile,
  partial: ReturnType<PartialStore['file']>,
  total: number | null,
  contentType: string,
  opts: DownloadOptions,
  label: string,
): Promise<Omit<DownloadResult, 'requests' | 'resumed'>> {
  const body = await partial.read();
  opts.onProgress?.('verifying', progressOf(0, body.size, null));
  const sha256 = await sha256OfBlob(body, (done) => opts.onProgress?.('verifying', progressOf(done, body.size, null)));
  if (total !== null && body.size !== total) {
    await partial.remove();
    throw new ModelCacheError(
      'integrity',
      `${label} arrived with ${body.size} bytes instead of ${total}; it was not kept.`,
    );
  }
  if (file.sha256 && sha256 !== file.sha256) {
    await partial.remove();
    await removeFile(file.url); // whatever else may have put under this URL is not to be trusted either
    throw new ModelCacheError(
      'integrity',
      `${label} arrived damaged (sha256 ${sha256.slice(0, 12)}…, the home server lists ${file.sha256.slice(0, 12)}…), so it was not kept.`,
    );
  }
  const verified = file.sha256 ? 'sha256' : 'size';
  try {
    await storeFile(file, body, sha256, verified, contentType);
  } catch (error) {
    if (isQuotaError(error)) throw await quotaError(label, body.size);
    throw new ModelCacheError(
      'storage',
      `Could not keep ${label} on this device: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  await partial.remove();
  return { sha256, bytes: body.size, verified };
}
