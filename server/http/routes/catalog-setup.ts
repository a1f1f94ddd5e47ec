import type { FastifyInstance } from 'fastify';
import { CatalogService } from '../../catalog/catalog-service.ts';
import type { HearthDatabase } from '../../db/database.ts';
import type { MediaLimits } from '../../catalog/media-limits.ts';
import type { ModelStore } from '../../models/store.ts';
import { registerCatalogAdminRoutes } from './catalog-admin.ts';
import { registerCatalogRoutes } from './catalog.ts';
import { registerMediaRoutes } from './media.ts';

/**
 * The media library: starts it in the background (starter library, scan, index, watcher) and
 * registers /media, /api/catalog and the admin routes. Stopped with the app. Needs the admin
 * routes registered first (requireAdmin uses app.adminSessions).
 */
export function setupCatalog(
  app: FastifyInstance,
  deps: {
    mediaDir: string;
    db: HearthDatabase;
    models: ModelStore;
    starter?: boolean;
    watch?: boolean;
    limits?: MediaLimits;
  },
): CatalogService {
  const catalog = new CatalogService({ ...deps, log: app.log });
  registerMediaRoutes(app, catalog);
  registerCatalogRoutes(app, catalog);
  registerCatalogAdminRoutes(app, catalog);
  app.addHook('onReady', async () => {
    void catalog.start();
  });
  app.addHook('onClose', async () => catalog.close());
  return catalog;
}
