// The parent's admin session for this page: the household PIN (held by the Hearth server,
// /api/admin/*) traded for a short-lived token. Screens behind <PinGate> show only while it is
// unlocked. The token lives in sessionStorage so a reload does not ask again, a new tab does.

export type AdminStatus = 'unknown' | 'no-pin' | 'locked' | 'unlocked' | 'offline';

interface StoredSession {
  token: string;
  expiresAt: number;
}

const STORAGE_KEY = 'hearth.admin-session';

export class AdminSession {
  status = $state<AdminStatus>('unknown');
  /** The last problem, in words for the parent. */
  error = $state<string | null>(null);
  busy = $state(false);
  /** No PIN yet and this device is not the home box: choosing one needs the setup code `npm start` printed. */
  setupCodeRequired = $state(false);
  private session: StoredSession | null = readStored();
  private expiryTimer: ReturnType<typeof setTimeout> | null = null;

  get token(): string | null {
    return this.session && this.session.expiresAt > Date.now() ? this.session.token : null;
  }

  get unlocked(): boolean {
    return this.status === 'unlocked';
  }

  /** Asks the server whether a PIN is set and whether our token still works. */
  async refresh(): Promise<void> {
    try {
      const response = await fetch('/api/admin/status', { headers: this.headers(), cache: 'no-store' });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const body = (await response.json()) as { pinSet?: unknown; session?: unknown; setupCodeRequired?: unknown };
      this.setupCodeRequired = body.setupCodeRequired === true;
      if (body.pinSet !== true) {
        this.status = 'no-pin';
        this.forget();
      } else if (this.token && body.session !== false) {
        this.status = 'unlocked';
        this.scheduleExpiry();
      } else {
        this.status = 'locked';
        this.forget();
      }
    } catch {
      this.status = 'offline';
    }
  }

  /** First run: choose the PIN, then unlock with it. */
  async choosePin(pin: string, setupCode = ''): Promise<boolean> {
    const ok = await this.post(
      '/api/admin/pin',
      setupCode.trim() ? { pin, setupCode: setupCode.trim() } : { pin },
      (r) => r.status === 204,
    );
    return ok ? this.unlock(pin) : false;
  }

  async unlock(pin: string): Promise<boolean> {
    return this.post('/api/admin/session', { pin }, async (response) => {
      if (!response.ok) return false;
      const body = (await response.json()) as { token?: unknown; expiresAt?: unknown };
      if (typeof body.token !== 'string') return false;
      const expiresAt = typeof body.expiresAt === 'number' ? body.expiresAt : Date.parse(String(body.expiresAt));
      this.session = {
        token: body.token,
        expiresAt: Number.isFinite(expiresAt) ? expiresAt : Date.now() + 15 * 60_000,
      };
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(this.session));
      this.status = 'unlocked';
      this.scheduleExpiry();
      return true;
    });
  }

  lock(): void {
    const token = this.token;
    if (token)
      void fetch('/api/admin/session', { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } }).catch(
        () => {},
      );
    this.forget();
    if (this.status === 'unlocked') this.status = 'locked';
  }

  /** Authorization header for admin-only server routes. */
  headers(): Record<string, string> {
    const token = this.token;
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  private async post(
    path: string,
    body: unknown,
    accept: (response: Response) => boolean | Promise<boolean>,
  ): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...this.headers() },
        body: JSON.stringify(body),
      });
      if (await accept(response)) return true;
      this.error = await problemText(response);
      return false;
    } catch {
      this.error = 'The home server can’t be reached. Check that Hearth is running, then try again.';
      return false;
    } finally {
      this.busy = false;
    }
  }

  private scheduleExpiry(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    const left = (this.session?.expiresAt ?? 0) - Date.now();
    // Lock again when the server's session runs out, so the screens never act on a dead token.
    this.expiryTimer = setTimeout(() => this.lock(), Math.max(0, Math.min(left, 2 ** 31 - 1)));
  }

  private forget(): void {
    this.session = null;
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    this.expiryTimer = null;
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage may be unavailable (private mode); the session just won't survive a reload.
    }
  }
}

async function problemText(response: Response): Promise<string> {
  if (response.status === 429) return 'Too many tries. Please wait a little, then try again.';
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // fall through
  }
  return response.status === 401 ? 'That PIN is not right.' : `The home server answered ${response.status}.`;
}

function readStored(): StoredSession | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<StoredSession>) : null;
    return parsed && typeof parsed.token === 'string' && typeof parsed.expiresAt === 'number'
      ? { token: parsed.token, expiresAt: parsed.expiresAt }
      : null;
  } catch {
    return null;
  }
}

/** One admin session per page, shared by every gated screen. */
export const adminSession = new AdminSession();
