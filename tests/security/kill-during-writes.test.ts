import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { adminToken, catalogItems, toneWav, upload } from './catalog-client.ts';
import { TEST_CONSENT } from '../helpers/toy-consent.ts';

// Issue 12, "Also": kill -9 the server while uploads and API writes are in flight, restart it on
// the same data, and check that the database is intact (PRAGMA integrity_check) and that every
// write the server acknowledged (every 2xx) is there. Writes cut off by the kill were never
// acknowledged, so they may or may not have landed; nothing acknowledged may be missing.

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-kill-data-'));
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-kill-media-'));
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

interface Acknowledged {
  uploads: { id: string; bytes: Buffer }[];
  devices: { id: string; name: string }[];
  /** PATCH /api/catalog/items/:id titles in the order sent: the last acknowledged one, or one sent after it, must stick. */
  titles: { sent: string[]; acked: number };
}

describe('kill -9 during writes', { timeout: 500_000 }, () => {
  it('keeps the database intact and every acknowledged write after a restart', async () => {
    const first = await start();
    const token = await adminToken(first);
    const auth = { authorization: `Bearer ${token}` };
    const seed = await upload(first, token, 'seed.wav', toneWav(200, 0.3));
    expect(seed.status).toBe(201);
    const seedId = seed.body.item!.id;

    const acked: Acknowledged = { uploads: [], devices: [], titles: { sent: [], acked: -1 } };
    let killed = false;
    let enoughAcked: () => void = () => undefined;
    const enough = new Promise<void>((resolve) => (enoughAcked = resolve));
    const checkEnough = () => {
      if (acked.uploads.length >= 6 && acked.devices.length >= 6 && acked.titles.acked >= 5) enoughAcked();
    };

    // Each worker writes until the server is gone; a failed request (the kill) ends it.
    const uploader = async (worker: number) => {
      for (let i = 0; !killed; i++) {
        const bytes = toneWav(300 + worker * 100 + i, 2 + (i % 3)); // 64-160 KB: some are mid-transfer at the kill
        const res = await upload(first, token, `story-${worker}-${i}.wav`, bytes).catch(() => null);
        if (!res) return;
        if (res.status === 201) acked.uploads.push({ id: res.body.item!.id, bytes });
        checkEnough();
      }
    };
    const deviceMaker = async () => {
      for (let i = 0; !killed; i++) {
        const name = `Bear ${i}`;
        const res = await fetch(`${first.url}/api/devices`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ name, consent: TEST_CONSENT }),
        }).catch(() => null);
        if (!res) return;
        if (res.status === 201) acked.devices.push({ id: ((await res.json()) as { id: string }).id, name });
        checkEnough();
      }
    };
    const retitler = async () => {
      for (let i = 0; !killed; i++) {
        const title = `Seed take ${i}`;
        acked.titles.sent.push(title);
        const res = await fetch(`${first.url}/api/catalog/items/${seedId}`, {
          method: 'PATCH',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ title }),
        }).catch(() => null);
        if (!res) return;
        if (res.status === 200) acked.titles.acked = i;
        checkEnough();
      }
    };
    const workers = Promise.all([uploader(0), uploader(1), deviceMaker(), retitler()]);
    await enough;
    killed = true;
    await first.kill();
    await workers;

    // The database as the crash left it (opening it replays the WAL, as the next start would).
    const db = new Database(path.join(dataDir, 'hearth.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const second = await start();
    const items = await catalogItems(second);
    const token2 = await adminToken(second);
    const missing: string[] = [];
    for (const u of acked.uploads) {
      if (!items.some((i) => i.id === u.id)) missing.push(`upload ${u.id} not listed`);
      const served = await fetch(`${second.url}/media/${u.id}`);
      if (served.status !== 200 || !Buffer.from(await served.arrayBuffer()).equals(u.bytes))
        missing.push(`upload ${u.id} does not serve its bytes`);
    }
    const devices = (
      (await (await fetch(`${second.url}/api/devices`, { headers: { authorization: `Bearer ${token2}` } })).json()) as {
        devices: { id: string; name: string }[];
      }
    ).devices;
    for (const d of acked.devices)
      if (!devices.some((x) => x.id === d.id && x.name === d.name)) missing.push(`device ${d.name} (${d.id})`);
    const seedTitle = items.find((i) => i.id === seedId)?.title;
    const allowed = acked.titles.sent.slice(acked.titles.acked);
    if (!seedTitle || !allowed.includes(seedTitle))
      missing.push(`seed title "${seedTitle}" is not "${allowed[0]}" or a later one`);
    console.log(
      `kill -9 with writes in flight: ${acked.uploads.length} uploads, ${acked.devices.length} devices, ${acked.titles.acked + 1} retitles acknowledged; ${missing.length} missing`,
    );
    expect(missing).toEqual([]);
    expect(
      fs.existsSync(path.join(mediaDir, '.incoming')) ? fs.readdirSync(path.join(mediaDir, '.incoming')) : [],
    ).toEqual([]);
  });
});
