import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installStarterLibrary, STARTER_VERSION } from '../../server/catalog/starter/install-starter.ts';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
/** Small real model files kept in the repo with their licences (SOURCES.txt in each folder of tests/fixtures/models). */
export const FIXTURE_MODELS = path.resolve(PROJECT_ROOT, 'tests', 'fixtures', 'models');

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** The media folder it serves: its own temporary one unless the test named one. */
  mediaDir: string;
  /** With `https: true`: the HTTPS origin and port, signed by the home CA in `<dataDir>/tls`. */
  httpsUrl: string | null;
  httpsPort: number | null;
  /** The server process id. */
  pid: number;
  output: () => string;
  stop: () => Promise<void>;
  /** kill -9, as a crash or power cut would stop it; the data and media folders are kept for a restart. */
  kill: () => Promise<void>;
}

export interface ServerOptions {
  args?: string[];
  env?: Record<string, string>;
  /**
   * What the server's own temporary media folder starts with when neither args nor env name one:
   * a copy of the starter library (default, as a fresh install has) or nothing.
   */
  media?: 'starter' | 'empty';
  /** Also serve HTTPS (--https) on a free port. */
  https?: boolean;
  /** Use this data folder (a restart on the same data); it is kept after stop. */
  dataDir?: string;
}

/** Narrated once per machine (flite is slow), then copied for each server. */
const STARTER_CACHE = path.join(PROJECT_ROOT, 'tests', '.tmp', `starter-media-v${STARTER_VERSION}`);

/**
 * The starter library, built once (read-only: copy it to change it). Test files run in parallel
 * workers, so it is built in a private folder and renamed into place whole: the cache folder exists
 * only once it is complete, and a copy of it never holds a file still being narrated.
 */
export async function starterCache(): Promise<string> {
  if (fs.existsSync(STARTER_CACHE)) return STARTER_CACHE;
  fs.mkdirSync(path.dirname(STARTER_CACHE), { recursive: true });
  const building = fs.mkdtempSync(`${STARTER_CACHE}-building-`);
  await installStarterLibrary(building);
  try {
    fs.renameSync(building, STARTER_CACHE);
  } catch {
    // Another worker finished first; its copy is the same.
    fs.rmSync(building, { recursive: true, force: true });
  }
  return STARTER_CACHE;
}

/** The media folder named by the test, or a fresh temporary one so no test writes into ./media. */
async function mediaDirFor(opts: ServerOptions): Promise<{ dir: string; temporary: boolean }> {
  const flag = opts.args?.indexOf('--media-dir') ?? -1;
  const named = flag >= 0 ? opts.args?.[flag + 1] : opts.env?.HEARTH_MEDIA_DIR;
  if (named) return { dir: path.resolve(PROJECT_ROOT, named), temporary: false };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-test-media-'));
  if (opts.media !== 'empty') {
    fs.cpSync(await starterCache(), dir, { recursive: true });
  }
  return { dir, temporary: true };
}

/** Starts the real Hearth server (as `npm start` runs it) on a free loopback port. */
export async function startHearthServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const media = await mediaDirFor(opts);
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-test-data-'));
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(PROJECT_ROOT, 'server', 'main.ts'),
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data-dir',
      dataDir,
      ...(media.temporary ? ['--media-dir', media.dir] : []),
      ...(opts.https ? ['--https', '--https-port', '0'] : []),
      ...(opts.args ?? []),
    ],
    {
      cwd: PROJECT_ROOT,
      env: { ...process.env, HEARTH_LOG_LEVEL: 'warn', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));

  const ports = await new Promise<{ port: number; httpsPort: number | null }>((resolve, reject) => {
    // Startup ends with the report (resolve) or the process exiting (reject). The timer only turns a
    // hung server into an error that carries its output; it is long because a loaded machine (both
    // cores busy, several servers starting at once) can take well over 30 s to transpile and start.
    const timer = setTimeout(() => reject(new Error(`server did not start in 240 s:\n${output}`)), 240_000);
    const check = () => {
      // Bound to 127.0.0.1 the report names it; a test that binds --host 0.0.0.0 gets localhost.
      const m = /http:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(output);
      const tls = /https:\/\/(?:127\.0\.0\.1|localhost):(\d+)/.exec(output);
      if (m?.[1] && (!opts.https || tls?.[1])) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), httpsPort: tls?.[1] ? Number(tls[1]) : null });
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });

  return {
    url: `http://127.0.0.1:${ports.port}`,
    port: ports.port,
    httpsUrl: ports.httpsPort ? `https://127.0.0.1:${ports.httpsPort}` : null,
    httpsPort: ports.httpsPort,
    dataDir,
    mediaDir: media.dir,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      if (media.temporary) fs.rmSync(media.dir, { recursive: true, force: true });
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
