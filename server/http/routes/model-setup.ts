// Setting Hearth up from the browser: what can be installed (sized, in plain words), the home
// server's install job (any page may watch it), and starting, cancelling or importing (parents only).
import os from 'node:os';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireAdmin } from '../../auth/require-admin.ts';
import { findImportSources } from '../../models/import-sources.ts';
import { InstallBusyError, type ModelInstaller } from '../../models/installer.ts';
import { setupChoices } from '../../models/setup-choices.ts';
import type { ModelStore } from '../../models/store.ts';

const installBody = z.union([
  z.strictObject({ choice: z.enum(['small', 'better']) }),
  z.strictObject({ packs: z.array(z.string().min(1).max(200)).min(1).max(50) }),
  z.strictObject({ importDir: z.string().min(1).max(4096) }),
]);

export interface ModelSetupDeps {
  store: ModelStore;
  installer: ModelInstaller;
  /** Folders searched for packs to import (removable drives). */
  importRoots: string[];
}

export function registerModelSetupRoutes(app: FastifyInstance, deps: ModelSetupDeps): void {
  const { store, installer } = deps;
  const packIds = (): Set<string> => new Set(store.context.manifest.packs.map((p) => p.id));

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith('/api/models/')) reply.header('Cache-Control', 'no-store');
  });

  app.get('/api/models/setup', async () => ({
    choices: setupChoices(await store.roles(), store.context.manifest),
    serverMemoryBytes: os.totalmem(),
    install: installer.status(),
  }));

  app.get('/api/models/install', async () => installer.status());

  app.get('/api/models/import-sources', { preHandler: requireAdmin }, async () => ({
    sources: await findImportSources(deps.importRoots, packIds()),
  }));

  app.post('/api/models/install', { preHandler: requireAdmin }, async (request, reply) => {
    const parsed = installBody.safeParse(request.body);
    if (!parsed.success)
      return badRequest(
        reply,
        'send {"choice": "small" | "better"}, {"packs": [pack ids]} or {"importDir": a folder from /api/models/import-sources}',
      );
    const body = parsed.data;
    try {
      if ('importDir' in body) {
        const sources = await findImportSources(deps.importRoots, packIds());
        // Only a folder the server offered: the browser never names arbitrary paths to read.
        if (!sources.some((s) => s.dir === body.importDir))
          return badRequest(reply, `${body.importDir} is not a folder with model packs on this server's drives`);
        return reply.code(202).send(installer.startImport(body.importDir));
      }
      let ids: string[];
      if ('choice' in body) {
        const choice = setupChoices(await store.roles(), store.context.manifest).find((c) => c.id === body.choice);
        if (!choice)
          return reply
            .code(409)
            .send({ error: 'nothing_to_install', message: 'Everything in that choice is installed already.' });
        ids = choice.packs.map((p) => p.id);
      } else {
        const unknown = body.packs.filter((id) => !packIds().has(id));
        if (unknown.length > 0) return badRequest(reply, `unknown model pack(s): ${unknown.join(', ')}`);
        ids = body.packs;
      }
      return reply.code(202).send(installer.startDownload(ids));
    } catch (err) {
      if (err instanceof InstallBusyError)
        return reply.code(409).send({ error: 'install_running', message: err.message });
      throw err;
    }
  });

  app.post('/api/models/install/cancel', { preHandler: requireAdmin }, async (_request, reply) => {
    if (!installer.cancel())
      return reply.code(409).send({ error: 'nothing_running', message: 'No installation is running.' });
    await installer.settled();
    return installer.status();
  });
}

function badRequest(reply: FastifyReply, message: string): FastifyReply {
  return reply.code(400).send({ error: 'bad_request', message });
}
