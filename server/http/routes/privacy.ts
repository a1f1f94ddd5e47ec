// The parent's data ledger for toys (issue 14): GET /api/privacy/ledger lists every kind of data
// the home server keeps for each toy (what, where, how long, how many); per kind, GET exports
// exactly that kind as JSON and DELETE deletes all of it. Parent PIN or household key only.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { HearthDatabase } from '../../db/database.ts';
import { DeviceRepository } from '../../devices/device-repository.ts';
import type { LivekitSetup } from '../../livekit/setup.ts';
import {
  isToyDataKind,
  TOY_DATA_KINDS,
  type ServerLedger,
  type ToyDataKind,
} from '../../../src/core/privacy/data-ledger.ts';
import { requireAdminOrHouseholdKey } from './devices.ts';
import { ToyDataLedger } from './privacy-toy-data.ts';

type KindParams = { Params: { id: string; kind: string } };

export function registerPrivacyRoutes(
  app: FastifyInstance,
  db: HearthDatabase,
  setup: LivekitSetup,
  defaultHistoryDays: number,
): void {
  const devices = new DeviceRepository(db);
  const ledger = new ToyDataLedger(db, defaultHistoryDays);
  const guard = { preHandler: requireAdminOrHouseholdKey(setup) };

  app.addHook('onRequest', async (request, reply) => {
    // A child's data is never kept by a browser or proxy cache.
    if (request.url.startsWith('/api/privacy')) reply.header('Cache-Control', 'no-store');
  });

  app.get('/api/privacy/ledger', guard, async (): Promise<ServerLedger> => ({
    audioStored: false,
    toys: devices.list().map((device) => ({ id: device.id, name: device.name, entries: ledger.entries(device) })),
  }));

  /** The toy and the kind, or an answer saying which of them is wrong. */
  function resolve(reply: FastifyReply, params: KindParams['Params']) {
    if (!isToyDataKind(params.kind)) {
      void reply.code(400).send({
        error: 'bad_request',
        message: `kind: "${params.kind}" is not a kind of toy data; use one of ${TOY_DATA_KINDS.join(', ')}`,
      });
      return null;
    }
    const device = devices.get(params.id);
    if (!device) {
      void reply.code(404).send({ error: 'not_found', message: `no device with id ${params.id}` });
      return null;
    }
    return { device, kind: params.kind as ToyDataKind };
  }

  app.get<KindParams>('/api/privacy/toys/:id/:kind', guard, async (request, reply) => {
    const found = resolve(reply, request.params);
    if (!found) return reply;
    const { device, kind } = found;
    const items = ledger.export(device, kind);
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('Content-Disposition', `attachment; filename="hearth-${device.id}-${kind}-${day}.json"`)
      .send({ kind, deviceId: device.id, exportedAt: new Date().toISOString(), count: items.length, items });
  });

  app.delete<KindParams>('/api/privacy/toys/:id/:kind', guard, async (request, reply) => {
    const found = resolve(reply, request.params);
    if (!found) return reply;
    const { device, kind } = found;
    if (kind !== 'history' && kind !== 'memories' && kind !== 'usage') {
      const note = ledger.entries(device).find((e) => e.kind === kind)?.deleteNote ?? '';
      return reply.code(409).send({ error: 'goes_with_toy', message: `${kind} cannot be deleted alone. ${note}` });
    }
    return { kind, deleted: ledger.deleteAll(device, kind) };
  });
}
