import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { adminToken, toneWav, upload } from './catalog-client.ts';

// Issue 12, finding 3: ten uploads of the same file name at the same moment all got 201 but only
// two files remained, and the losers' ids pointed at another upload's content. Every 201 must be
// its own stored file, and its id must serve exactly the bytes that request sent.

let server: RunningServer;
let token: string;
beforeAll(async () => {
  server = await startHearthServer({ media: 'empty', args: ['--starter-library', 'off'] });
  token = await adminToken(server);
}, 240_000);
afterAll(async () => server?.stop(), 120_000);

describe('same-name uploads at the same moment (finding 3)', { timeout: 120_000 }, () => {
  it('stores every acknowledged upload as its own file, served back byte for byte', async () => {
    const bodies = Array.from({ length: 10 }, (_, i) => toneWav(300 + 40 * i, 0.4 + 0.05 * i));
    const results = await Promise.all(
      bodies.map((data, i) => upload(server, token, 'Lullaby.wav', data, { title: `Lullaby ${i}` })),
    );

    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ids = results.map((r) => r.body.item!.id);
    expect(new Set(ids).size).toBe(10);
    for (const [i, id] of ids.entries()) {
      const served = Buffer.from(await (await fetch(`${server.url}/media/${id}`)).arrayBuffer());
      expect(served.equals(bodies[i]!), `upload ${i} (id ${id}) serves its own bytes`).toBe(true);
      expect(results[i]!.body.item!.title).toBe(`Lullaby ${i}`);
    }
    const stored = fs.readdirSync(path.join(server.mediaDir, 'uploads')).filter((f) => f.endsWith('.wav'));
    expect(stored).toHaveLength(10);
    const listed = (
      (await (await fetch(`${server.url}/api/catalog`)).json()) as { items: { id: string; title: string }[] }
    ).items;
    expect(listed.map((i) => i.id).sort()).toEqual([...ids].sort());
  });
});
