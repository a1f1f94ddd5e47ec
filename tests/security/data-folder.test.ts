import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { rawRequest } from './raw-http.ts';

// Issue 12, finding 6: a second server on the same data folder started silently (writes then
// failed with "database is locked"), and the folder was 0755 with 0644 files holding the PIN
// hash, children's memories and history.

const servers: RunningServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}, 120_000);

const start = async (dataDir: string) => {
  const server = await startHearthServer({ media: 'empty', args: ['--starter-library', 'off', '--data-dir', dataDir] });
  servers.push(server);
  return server;
};

const mode = (file: string) => fs.statSync(file).mode & 0o777;

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe('the data folder (finding 6)', { timeout: 400_000 }, () => {
  it('refuses a second server on the same folder, naming the process that holds it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-sec-data-'));
    dirs.push(dataDir);
    const first = await start(dataDir);
    const holder = JSON.parse(fs.readFileSync(path.join(dataDir, 'hearth.lock'), 'utf8')) as { pid: number };
    await expect(start(dataDir)).rejects.toThrow(
      new RegExp(`server exited with 1:[\\s\\S]*in use by another Hearth server \\(process ${holder.pid} `),
    );
    // The first one is untouched and keeps writing.
    expect((await rawRequest(first.url, '/api/admin/pin', { body: { pin: '1234' } })).status).toBe(204);

    // Stopped, it lets go: the next server starts on the same data.
    await first.stop();
    servers.splice(0);
    expect(fs.existsSync(path.join(dataDir, 'hearth.lock'))).toBe(false);
    const next = await start(dataDir);
    expect((await rawRequest(next.url, '/api/admin/status')).json()).toMatchObject({ pinSet: true });
  });

  it('takes over the lock of a server that died without letting go', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-sec-data-'));
    dirs.push(dataDir);
    // A lock left by a process that no longer exists (as after kill -9).
    const gone = {
      pid: 2 ** 22 + 17,
      hostname: os.hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
      command: 'server/main.ts',
    };
    fs.writeFileSync(path.join(dataDir, 'hearth.lock'), JSON.stringify(gone));
    const server = await start(dataDir);
    expect((await rawRequest(server.url, '/api/health')).status).toBe(200);
  });

  it('makes the folder 0700 and every file in it 0600, fixing an older install', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-sec-data-'));
    dirs.push(dataDir);
    // As an earlier Hearth left it: world-readable folder, database and secret.
    fs.chmodSync(dataDir, 0o755);
    fs.mkdirSync(path.join(dataDir, 'secrets'), { mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'secrets', 'household-key'), 'ABCDE-FGHJK-LMNPQ-RSTUV\n', { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'secrets', 'household-key'), 0o644);
    const server = await start(dataDir);
    expect((await rawRequest(server.url, '/api/admin/pin', { body: { pin: '1234' } })).status).toBe(204);

    expect(mode(dataDir)).toBe(0o700);
    expect(mode(path.join(dataDir, 'secrets'))).toBe(0o700);
    const files = filesUnder(dataDir);
    expect(files.map((f) => path.basename(f))).toEqual(
      expect.arrayContaining(['hearth.db', 'household-key', 'livekit-api-secret']),
    );
    for (const file of files) expect(mode(file), file).toBe(0o600);
  });
});
