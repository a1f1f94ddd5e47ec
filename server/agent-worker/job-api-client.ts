// A worker's calls to the Hearth server's toy job API with the job's room token: the token is
// renewed before it runs out (one renewal at a time for every call of the job), and a refusal
// becomes an error that says what was refused and why.
import { TOY_JOB_TOKEN_PATH } from './job-token-auth.ts';

/** The worker refreshes when its token has less than this left. */
const REFRESH_BEFORE_EXPIRY_MS = 10 * 60_000;

export interface JobApiCaller {
  readonly hearthUrl: string;
  /** `method path` with the job's token and `body` as JSON; rejects unless the answer is 2xx. */
  call(method: string, path: string, body: unknown, what: string, init?: { signal?: AbortSignal }): Promise<Response>;
}

export function jobApiCaller(hearthUrl: string, jobToken: string): JobApiCaller {
  let token = jobToken;
  let refreshing: Promise<void> | null = null;
  const refresh = async (): Promise<void> => {
    const res = await fetch(new URL(TOY_JOB_TOKEN_PATH, hearthUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json().catch(() => ({}))) as { token?: unknown; error?: string };
    if (!res.ok || typeof body.token !== 'string')
      throw new Error(
        `the Hearth server did not renew the job's token (HTTP ${res.status}): ${body.error ?? 'no token'}`,
      );
    token = body.token;
  };
  const fresh = async (): Promise<void> => {
    if (msLeft(token) > REFRESH_BEFORE_EXPIRY_MS) return;
    refreshing ??= refresh().finally(() => (refreshing = null));
    await refreshing;
  };
  return {
    hearthUrl,
    async call(method, path, body, what, init) {
      await fresh();
      const res = await fetch(new URL(path, hearthUrl), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        ...(init?.signal ? { signal: init.signal } : {}),
      });
      if (res.ok) return res;
      const { error } = (await res.json().catch(() => ({}))) as { error?: string };
      throw new Error(
        `the Hearth server refused the toy's ${what} (HTTP ${res.status}): ${error ?? 'no reason given'}`,
      );
    },
  };
}

/** Time until a JWT's `exp` (Infinity when it has none or cannot be read: nothing to renew). */
function msLeft(jwt: string): number {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' ? payload.exp * 1000 - Date.now() : Infinity;
  } catch {
    return Infinity;
  }
}
