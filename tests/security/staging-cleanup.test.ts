import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { adminToken, catalogItems, toneWav, upload } from './catalog-client.ts';

// Issue 12, finding 9: a partial upload left 37 MB in media/.incoming/ after a kill -9 and a
// restart. Whatever a crashed run left in staging is removed when the server starts again.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-staging-data-'));
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-staging-media-'));
const staging = path.join(mediaDir, '.incoming');
const running: RunningServer[] = [];
afterAll(async () => {
  for (const s of running) await s.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(mediaDir, { recursive: true, force: true });
}, 120_000);

const start = async () => {
  const server = await startHearthServer({ dataDir, args: ['--media-dir', mediaDir, '--starter-library', 'off'] });
  running.push(server);
  return server;
};

/** Bytes under the staging folder. */
function stagedBytes(): number {
  if (!fs.existsSync(staging)) return 0;
  return fs
    .readdirSync(staging, { recursive: true, withFileTypes: true })
    .reduce((sum, e) => (e.isFile() ? sum + fs.statSync(path.join(e.parentPath, e.name)).size : sum), 0);
}

/** Sends the head of an upload and 2 MB of its file, then keeps the request open (never ends it). */
function startEndlessUpload(server: RunningServer, token: string): http.ClientRequest {
  const boundary = 'hearth-crash';
  const req = http.request(`${server.url}/api/catalog/items`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${token}` },
  });
  req.on('error', () => undefined); // the server dies mid-request: that is the point
  req.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="long-story.wav"\r\nContent-Type: audio/wav\r\n\r\n`,
  );
  req.write(toneWav(220, 60)); // 1.9 MB
  return req;
}

describe('crash leftovers in staging (finding 9)', { timeout: 400_000 }, () => {
  it('removes a half-received upload left by kill -9 when the server starts again', async () => {
    const first = await start();
    const token = await adminToken(first);
    const req = startEndlessUpload(first, token);
    // Wait until the server has written most of what was sent into staging.
    while (stagedBytes() < 1_000_000) await new Promise((r) => setTimeout(r, 50));
    await first.kill();
    req.destroy();
    expect(stagedBytes()).toBeGreaterThan(1_000_000);

    const second = await start();
    await catalogItems(second); // the first scan is done: start-up cleaning is behind us
    expect(stagedBytes()).toBe(0);
    expect(fs.existsSync(staging) ? fs.readdirSync(staging) : []).toEqual([]);
    const token2 = await adminToken(second);
    expect((await upload(second, token2, 'after.wav', toneWav(330, 0.3))).status).toBe(201);
    expect(await catalogItems(second)).toHaveLength(1);
  });
});
