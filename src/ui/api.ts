// Typed helpers for the Hearth server's same-origin JSON API. Never throws: every call
// resolves to an ApiResult so screens can show clear loading / offline / error states.

export type ModelRole = 'vad' | 'stt' | 'llm-webgpu' | 'llm-cpu' | 'tts' | 'embeddings' | 'end-of-turn';
export type RoleState = 'ready' | 'missing' | 'corrupt' | 'verifying';
export type PackState = 'ready' | 'missing' | 'partial' | 'corrupt' | 'verifying';

export interface PackFile {
  path: string;
  state: string;
  bytes: number | null;
  location: string | null;
  /** What the file's sha256 is (or must be), when the server knows it; browsers verify their cached copy with it. */
  sha256?: string | null;
}

export interface PackStatus {
  id: string;
  role: string;
  title: string;
  tier: string;
  engine: string;
  bytes: number | null;
  /** The manifest's estimate of the download while exact sizes are unknown. */
  approxBytes?: number | null;
  state: PackState;
  files: PackFile[];
  fix: string | null;
}

export interface RoleStatus {
  role: ModelRole;
  label: string;
  status: RoleState;
  pack: PackStatus | null;
  better: PackStatus[];
  fix: string | null;
  packs: PackStatus[];
}

export interface ModelsResponse {
  roles: RoleStatus[];
}

/** `/api/health` body (server/http/routes/health.ts). Only `ok` is relied on. */
export interface HealthResponse {
  ok: boolean;
  name?: string;
  version?: string;
  uptimeS?: number;
  time?: string;
  /** Set when the server also serves Hearth over HTTPS (`--https`). */
  httpsPort?: number;
}

export type ApiErrorKind = 'offline' | 'timeout' | 'http' | 'bad-response';

export interface ApiError {
  kind: ApiErrorKind;
  status?: number;
  message: string;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

type Parser<T> = (body: unknown) => T | null;

const DEFAULT_TIMEOUT_MS = 8000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const parseHealth: Parser<HealthResponse> = (body) => {
  if (!isRecord(body)) return null;
  const ok = typeof body.ok === 'boolean' ? body.ok : true;
  const health: HealthResponse = { ok };
  if (typeof body.name === 'string') health.name = body.name;
  if (typeof body.version === 'string') health.version = body.version;
  if (typeof body.uptimeS === 'number') health.uptimeS = body.uptimeS;
  if (typeof body.time === 'string') health.time = body.time;
  if (typeof body.httpsPort === 'number' && Number.isInteger(body.httpsPort) && body.httpsPort > 0)
    health.httpsPort = body.httpsPort;
  return health;
};

function isPack(value: unknown): value is PackStatus {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.title === 'string' &&
    typeof value.state === 'string' &&
    Array.isArray(value.files)
  );
}

function isRole(value: unknown): value is RoleStatus {
  return (
    isRecord(value) &&
    typeof value.role === 'string' &&
    typeof value.label === 'string' &&
    typeof value.status === 'string' &&
    (value.pack === null || isPack(value.pack)) &&
    Array.isArray(value.better) &&
    value.better.every(isPack) &&
    Array.isArray(value.packs) &&
    value.packs.every(isPack)
  );
}

export const parseModels: Parser<ModelsResponse> = (body) => {
  if (!isRecord(body) || !Array.isArray(body.roles)) return null;
  if (!body.roles.every(isRole)) return null;
  return { roles: body.roles };
};

async function getJson<T>(
  path: `/api/${string}`,
  parse: Parser<T>,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<ApiResult<T>> {
  // A manual controller (rather than AbortSignal.any/timeout) keeps older tablet browsers working.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const onAbort = (): void => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Accept: 'application/json' },
      cache: 'no-store',
      credentials: 'same-origin',
      signal: controller.signal,
    });
  } catch (err) {
    if (timedOut) {
      return { ok: false, error: { kind: 'timeout', message: 'The home server took too long to answer.' } };
    }
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, error: { kind: 'offline', message } };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (!response.ok) {
    return {
      ok: false,
      error: { kind: 'http', status: response.status, message: `The home server answered ${response.status}.` },
    };
  }
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    return { ok: false, error: { kind: 'bad-response', message: 'The answer was not from a Hearth server.' } };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { ok: false, error: { kind: 'bad-response', message: 'The home server sent an unreadable answer.' } };
  }
  const data = parse(body);
  if (data === null) {
    return { ok: false, error: { kind: 'bad-response', message: 'The home server sent an unexpected answer.' } };
  }
  return { ok: true, data };
}

export function getHealth(signal?: AbortSignal): Promise<ApiResult<HealthResponse>> {
  return getJson('/api/health', parseHealth, { timeoutMs: 4000, ...(signal ? { signal } : {}) });
}

export function getModels(signal?: AbortSignal): Promise<ApiResult<ModelsResponse>> {
  return getJson('/api/models', parseModels, signal ? { signal } : {});
}
