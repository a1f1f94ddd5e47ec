// The WebSocket transport the OTA answer points stock xiaozhi toys at: `/xiaozhi/v1/` on the Hearth
// port. The toy authenticates with its per-device token (Authorization: Bearer, or the same as query
// parameters for clients that cannot set headers) and names itself with Device-Id; the binary
// protocol version comes from Protocol-Version. Refusals happen before the upgrade, with an HTTP
// status and a message, and one log line.
import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AddressLimiter } from './address-limiter.ts';
import { parseProtocolVersion, type ProtocolVersion } from './binary-protocol.ts';
import type { XiaozhiSessions } from './channel.ts';
import { hearthDeviceId, parseMac } from './mac.ts';
import type { ToyTransportRepository } from './toy-transports.ts';
import { WebSocketChannel } from './websocket-channel.ts';

export const XIAOZHI_WS_PATH = '/xiaozhi/v1/';

interface Admitted {
  mac: string;
  version: ProtocolVersion;
  release: () => void;
}

export interface XiaozhiWebSocketOptions {
  sessions: XiaozhiSessions;
  transports: ToyTransportRepository;
  limiter?: AddressLimiter;
}

type Query = Record<string, string | undefined>;

/** A header, else the same name as a query parameter (browser test clients cannot set headers). */
function param(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers[name];
  if (typeof header === 'string' && header.trim()) return header.trim();
  const query = (request.query as Query)[name];
  return typeof query === 'string' && query.trim() ? query.trim() : undefined;
}

function tokenOf(request: FastifyRequest): string | undefined {
  const raw = param(request, 'authorization') ?? (request.query as Query).access_token;
  if (!raw) return undefined;
  const match = /^Bearer\s+(.+)$/i.exec(raw.trim());
  return (match?.[1] ?? raw).trim();
}

export async function registerXiaozhiWebSocket(app: FastifyInstance, options: XiaozhiWebSocketOptions): Promise<void> {
  // The embedded LiveKit room server registers the plugin too; it may only be registered once.
  if (!app.hasDecorator('websocketServer')) await app.register(fastifyWebsocket, { options: { maxPayload: 1 << 20 } });
  const limiter = options.limiter ?? new AddressLimiter();
  const admitted = new WeakMap<FastifyRequest, Admitted>();

  await app.register(async (scope) => {
    scope.addHook('preValidation', async (request, reply) => {
      const refuse = (status: number, message: string, extra: Record<string, unknown> = {}) => {
        request.log.warn({ xiaozhi: true, address: request.ip, ...extra }, `xiaozhi connection refused: ${message}`);
        return reply
          .code(status)
          .type('application/json')
          .send({ error: status === 429 ? 'too_many_connections' : 'unauthorized', message });
      };
      const gate = limiter.admit(request.ip);
      if (!gate.ok) {
        if (gate.firstRefusal)
          request.log.warn({ xiaozhi: true, address: request.ip }, `xiaozhi connections refused: ${gate.reason}`);
        return reply.code(429).type('application/json').send({ error: 'too_many_connections', message: gate.reason });
      }
      const mac = parseMac(param(request, 'device-id'));
      if (!mac) {
        gate.release();
        return refuse(401, "Device-Id must be the toy's MAC address");
      }
      const versionRaw = param(request, 'protocol-version');
      const version = versionRaw === undefined ? 1 : parseProtocolVersion(versionRaw);
      if (version === null) {
        gate.release();
        return refuse(400, `Protocol-Version ${JSON.stringify(versionRaw)} is not 1, 2 or 3`, { toy: mac });
      }
      const deviceId = hearthDeviceId(mac);
      const record = options.transports.get(deviceId);
      if (!record) {
        gate.release();
        return refuse(401, 'this toy is not paired with Hearth: pair it in Settings → Toys', { toy: mac });
      }
      if (!options.transports.verifyToken(deviceId, tokenOf(request))) {
        gate.release();
        return refuse(401, 'wrong or revoked token: restart the toy so it fetches a new one from Hearth', { toy: mac });
      }
      if (record.transport !== 'xiaozhi-ws') {
        gate.release();
        return refuse(401, 'this toy is set to use MQTT: restart it so it fetches its settings from Hearth', {
          toy: mac,
        });
      }
      admitted.set(request, { mac, version, release: gate.release });
    });
    const handler = (socket: import('ws').WebSocket, request: FastifyRequest) => {
      const entry = admitted.get(request);
      if (!entry) return socket.close(1008, 'unauthorized');
      socket.once('close', entry.release);
      const channel = new WebSocketChannel(socket, entry.mac, entry.version, (msg, extra) =>
        request.log.warn({ xiaozhi: true, ...extra }, msg),
      );
      options.sessions.attach(channel);
    };
    scope.get(XIAOZHI_WS_PATH, { websocket: true }, handler);
    scope.get(XIAOZHI_WS_PATH.replace(/\/$/, ''), { websocket: true }, handler);
  });
}
