// A full Hearth app (buildApp, embedded room server) on a temp data dir, for the devices API tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../../server/config.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { buildApp } from '../../../server/http/app.ts';
import { ModelStore } from '../../../server/models/store.ts';

export interface BuiltApp {
  app: FastifyInstance;
  db: HearthDatabase;
  householdKey: string;
  close(): Promise<void>;
}

/** `beforeStart` may put rows in the database before the app (and its start-up chores) runs. */
export async function buildTestApp(beforeStart?: (db: HearthDatabase) => void): Promise<BuiltApp> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-devices-'));
  const dataDir = path.join(root, 'data');
  const manifestPath = path.join(root, 'manifest.json');
  fs.writeFileSync(manifestPath, JSON.stringify({ version: 1, packs: [] }));
  const config = loadConfig(
    [
      '--data-dir',
      dataDir,
      '--models-dir',
      root,
      '--manifest',
      manifestPath,
      '--app-dir',
      path.join(root, 'dist'),
      '--media-dir',
      path.join(root, 'media'),
      '--log-level',
      'silent',
      '--host',
      '127.0.0.1',
    ],
    {},
  );
  const db = openDatabase(path.join(dataDir, 'hearth.db'));
  beforeStart?.(db);
  const models = await ModelStore.open({ manifestPath, modelsDir: root, extraDirs: [] });
  const app = await buildApp({ config, db, models, version: '0.0.0-test' });
  await app.ready();
  const householdKey = fs.readFileSync(path.join(dataDir, 'secrets', 'household-key'), 'utf8').trim();
  return {
    app,
    db,
    householdKey,
    async close() {
      await app.close();
      db.close();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Sets the parent PIN and returns an admin session token. */
export async function adminToken(app: FastifyInstance, pin = '2468'): Promise<string> {
  await app.inject({ method: 'POST', url: '/api/admin/pin', payload: { pin } });
  const res = await app.inject({ method: 'POST', url: '/api/admin/session', payload: { pin } });
  return (res.json() as { token: string }).token;
}
