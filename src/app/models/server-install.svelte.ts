// The home server installing models for a parent (#13): the choices it offers, its install job as
// reactive state (read back from the server, so a reload or another tab shows the same progress),
// and starting, cancelling or importing from a drive. Parent-only calls take the admin headers.
import type { ImportSource, InstallStatus, ModelSetupInfo, SetupChoiceId } from '../../core/model-setup.ts';

export type { ImportSource, InstallStatus, SetupChoice, SetupChoiceId } from '../../core/model-setup.ts';

/** How often a running job is read back: often enough for a moving bar, cheap for the server. */
const POLL_MS = 1_000;

type AdminHeaders = Record<string, string>;

class ServerInstall {
  info = $state<ModelSetupInfo | null>(null);
  status = $state<InstallStatus | null>(null);
  sources = $state<ImportSource[] | null>(null);
  /** The last request that failed, in words for a parent. */
  error = $state<string | null>(null);
  private pollTimer: ReturnType<typeof setTimeout> | null = null;
  private finishedListeners = new Set<() => void>();

  get running(): boolean {
    return this.status?.state === 'running';
  }

  /** Called once a job ends well, so the page can load what was installed. */
  onInstalled(listener: () => void): () => void {
    this.finishedListeners.add(listener);
    return () => this.finishedListeners.delete(listener);
  }

  /** Reads the choices and the job; keeps reading while a job runs. */
  async load(): Promise<void> {
    try {
      const response = await fetch('/api/models/setup', { cache: 'no-store' });
      if (!response.ok) throw new Error(`status ${response.status}`);
      const info = (await response.json()) as ModelSetupInfo;
      this.info = info;
      this.accept(info.install);
    } catch {
      this.error = 'The home server can’t be reached. Check that Hearth is running, then try again.';
    }
  }

  async start(choice: SetupChoiceId, headers: AdminHeaders): Promise<void> {
    await this.post('/api/models/install', { choice }, headers);
  }

  async importFrom(dir: string, headers: AdminHeaders): Promise<void> {
    await this.post('/api/models/install', { importDir: dir }, headers);
  }

  async cancel(headers: AdminHeaders): Promise<void> {
    await this.post('/api/models/install/cancel', null, headers);
  }

  async findSources(headers: AdminHeaders): Promise<void> {
    try {
      const response = await fetch('/api/models/import-sources', { headers, cache: 'no-store' });
      if (!response.ok) throw new Error(await problem(response));
      this.sources = ((await response.json()) as { sources: ImportSource[] }).sources;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async post(path: string, body: unknown, headers: AdminHeaders): Promise<void> {
    this.error = null;
    try {
      const response = await fetch(path, {
        method: 'POST',
        headers: body === null ? headers : { 'Content-Type': 'application/json', ...headers },
        ...(body === null ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(await problem(response));
      this.accept((await response.json()) as InstallStatus);
    } catch (error) {
      this.error =
        error instanceof TypeError
          ? 'The home server can’t be reached. Check that Hearth is running, then try again.'
          : error instanceof Error
            ? error.message
            : String(error);
    }
  }

  private accept(status: InstallStatus): void {
    const wasRunning = this.status?.state === 'running';
    this.status = status;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
    if (status.state === 'running') this.pollTimer = setTimeout(() => void this.poll(), POLL_MS);
    else if (wasRunning && status.state === 'done') {
      for (const listener of this.finishedListeners) listener();
      void this.load(); // the choices shrink to what is still missing
    }
  }

  private async poll(): Promise<void> {
    try {
      const response = await fetch('/api/models/install', { cache: 'no-store' });
      if (!response.ok) throw new Error(`status ${response.status}`);
      this.accept((await response.json()) as InstallStatus);
    } catch {
      // The server may be restarting: keep asking.
      this.pollTimer = setTimeout(() => void this.poll(), POLL_MS * 3);
    }
  }
}

async function problem(response: Response): Promise<string> {
  if (response.status === 401) return 'Unlock with the parent PIN first.';
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // fall through
  }
  return `The home server answered ${response.status}.`;
}

/** One per page: Talk's checklist and Settings read the same job. */
export const serverInstall = new ServerInstall();
