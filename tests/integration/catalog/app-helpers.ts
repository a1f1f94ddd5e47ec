// A Fastify app with the real admin routes and the catalog routes, for inject() tests.
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import type { CatalogService } from '../../../server/catalog/catalog-service.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { registerAdminRoutes } from '../../../server/http/routes/admin.ts';
import { setupCatalog } from '../../../server/http/routes/catalog-setup.ts';
import type { ModelStore } from '../../../server/models/store.ts';

export interface CatalogApp {
  app: FastifyInstance;
  catalog: CatalogService;
  db: HearthDatabase;
  /** An admin session token (PIN set to 2468). */
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

export async function buildCatalogApp(
  mediaDir: string,
  models: ModelStore,
  options: { watch?: boolean } = {},
): Promise<CatalogApp> {
  const db = openDatabase(':memory:');
  const app = Fastify();
  await app.register(fastifyStatic, { root: mediaDir, serve: false, acceptRanges: true, cacheControl: false });
  registerAdminRoutes(app, db);
  const catalog = setupCatalog(app, { mediaDir, db, models, starter: false, watch: options.watch ?? false });
  await app.ready();
  await catalog.whenReady();
  let token: string | null = null;
  return {
    app,
    catalog,
    db,
    async adminToken() {
      if (token) return token;
      await app.inject({ method: 'POST', url: '/api/admin/pin', payload: { pin: '2468' } });
      token = (
        (await app.inject({ method: 'POST', url: '/api/admin/session', payload: { pin: '2468' } })).json() as {
          token: string;
        }
      ).token;
      return token;
    },
    async close() {
      await app.close();
      db.close();
    },
  };
}

/** A multipart/form-data body with an optional metadata field and one file. */
export function multipartBody(
  fileName: string,
  data: Buffer,
  metadata?: unknown,
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----hearth-test-boundary';
  const parts: Buffer[] = [];
  if (metadata !== undefined) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n${typeof metadata === 'string' ? metadata : JSON.stringify(metadata)}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
