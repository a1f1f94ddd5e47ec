// What can go wrong while keeping a model file, in words a parent can act on.
import { formatBytes } from '../core/format-bytes.ts';

export type ModelCacheErrorKind = 'integrity' | 'quota' | 'http' | 'network' | 'cancelled' | 'storage';

export class ModelCacheError extends Error {
  override readonly name = 'ModelCacheError';
  constructor(
    readonly kind: ModelCacheErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export function isQuotaError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
}

export function isAbort(error: unknown): boolean {
  return (
    (error instanceof DOMException && error.name === 'AbortError') ||
    (error instanceof ModelCacheError && error.kind === 'cancelled')
  );
}

/** The quota message, with the sizes involved. Pure. */
export function quotaMessage(
  fileLabel: string,
  fileBytes: number | null,
  usage: number | null,
  quota: number | null,
): string {
  const need = fileBytes === null ? '' : ` (${formatBytes(fileBytes)})`;
  const used =
    usage !== null && quota !== null
      ? ` This browser lets Hearth use ${formatBytes(quota)} and ${formatBytes(usage)} is already used.`
      : '';
  return `Not enough storage on this device to keep ${fileLabel}${need}.${used} Free some space on the device, or clear models you no longer use in Settings → Storage.`;
}

export async function quotaError(fileLabel: string, fileBytes: number | null): Promise<ModelCacheError> {
  const estimate = await navigator.storage?.estimate?.().catch(() => null);
  return new ModelCacheError(
    'quota',
    quotaMessage(fileLabel, fileBytes, estimate?.usage ?? null, estimate?.quota ?? null),
  );
}
