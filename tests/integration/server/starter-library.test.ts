// `--starter-library off`: the real server, started on an empty media folder, builds no starter
// songs or stories there, so its library stays empty once the first scan is done.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STARTER_FOLDER } from '../../../server/catalog/starter/install-starter.ts';
import { startHearthServer, type RunningServer } from '../../helpers/server.ts';

interface CatalogReply {
  phase: string;
  items: unknown[];
}

async function readyCatalog(server: RunningServer): Promise<CatalogReply> {
  for (;;) {
    const catalog = (await (await fetch(`${server.url}/api/catalog`)).json()) as CatalogReply;
    if (catalog.phase === 'ready') return catalog;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('starter library switched off', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startHearthServer({ args: ['--starter-library', 'off'], media: 'empty' });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('leaves the media folder and the library empty', async () => {
    const catalog = await readyCatalog(server);
    expect(catalog.items).toEqual([]);
    expect(fs.existsSync(path.join(server.mediaDir, STARTER_FOLDER))).toBe(false);
    expect(fs.readdirSync(server.mediaDir)).toEqual([]);
  }, 60_000);
});
