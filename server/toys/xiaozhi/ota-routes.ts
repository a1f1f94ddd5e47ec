// The bootstrap a stock xiaozhi toy runs at every boot (main/ota.cc): `POST|GET /xiaozhi/ota/`
// with its MAC in Device-Id, its Client-Id and its system info, then `POST /xiaozhi/ota/activate`
// while it is being paired. A paired toy gets the server time, its running firmware version and
// exactly one transport (WebSocket by default, MQTT when the parent chose it and it is available);
// an unknown toy gets only an activation code to speak, and no transport, until a parent types the
// code in Settings → Toys (pairing-routes.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ActivationRateLimitError, type PendingActivations } from './pending-activations.ts';
import { hearthDeviceId, parseMac } from './mac.ts';
import type { ToyTransportRepository } from './toy-transports.ts';
import { XIAOZHI_WS_PATH } from './ws-routes.ts';

export const XIAOZHI_OTA_PATH = '/xiaozhi/ota/';

export interface XiaozhiOtaOptions {
  pending: PendingActivations;
  transports: ToyTransportRepository;
  /** E's MQTT bootstrap (mqtt/bootstrap.ts): the `mqtt` block for a toy set to MQTT, or null when MQTT is unavailable. */
  mqttBootstrap?: (deviceId: string, requestHost: string) => Record<string, unknown> | null;
  /** A paired toy is booting: start loading what its session will need. */
  onPairedCheckIn?: (deviceId: string) => void;
  log: (level: 'info' | 'warn', msg: string, extra?: Record<string, unknown>) => void;
}

/** What the toy says about itself in its system-info body (board.GetSystemInfoJson()). */
export interface ToySystemInfo {
  board: string | null;
  firmwareVersion: string | null;
  mac: string | null;
}

export function systemInfoOf(body: unknown): ToySystemInfo {
  const info = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const board = info.board as Record<string, unknown> | undefined;
  const app = info.application as Record<string, unknown> | undefined;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 64) : null);
  return {
    board: text(board?.name) ?? text(board?.type) ?? text(info.board_name) ?? null,
    firmwareVersion: text(app?.version) ?? null,
    mac: parseMac(info.mac_address),
  };
}

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}

/** ws(s)://<the host the toy used>/xiaozhi/v1/ */
export function websocketUrlFor(request: FastifyRequest): string {
  const host = request.headers.host ?? `${request.hostname}`;
  return `${request.protocol === 'https' ? 'wss' : 'ws'}://${host}${XIAOZHI_WS_PATH}`;
}

export function registerXiaozhiOtaRoutes(app: FastifyInstance, options: XiaozhiOtaOptions): void {
  const { pending, transports } = options;
  let mqttFallbackLogged = false;

  const check = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('Cache-Control', 'no-store');
    const info = systemInfoOf(request.body);
    const mac = parseMac(header(request, 'device-id')) ?? info.mac;
    if (!mac)
      return reply
        .code(400)
        .send({ error: 'bad_request', message: "Device-Id must be the toy's MAC address, like AA:BB:CC:DD:EE:FF" });
    const clientId = header(request, 'client-id')?.slice(0, 64) ?? null;
    const deviceId = hearthDeviceId(mac);
    const now = new Date();
    const answer: Record<string, unknown> = {
      server_time: { timestamp: now.getTime(), timezone_offset: -now.getTimezoneOffset() },
      // The running version and no URL: Hearth has no firmware file to offer, so the toy never updates.
      firmware: { version: info.firmwareVersion ?? '0.0.0' },
    };
    const record = transports.get(deviceId);
    if (!record) {
      try {
        const activation = pending.checkIn({
          mac,
          clientId,
          board: info.board,
          firmwareVersion: info.firmwareVersion,
          address: request.ip,
        });
        answer.activation = {
          code: activation.code,
          message: `Hearth\n${activation.code}`,
          challenge: activation.challenge,
          timeout_ms: Math.max(0, activation.expiresAt - Date.now()),
        };
        return answer;
      } catch (error) {
        if (error instanceof ActivationRateLimitError)
          return reply.code(429).send({ error: 'too_many_activations', message: error.message });
        throw error;
      }
    }
    if (record.clientId && clientId && record.clientId !== clientId) {
      options.log('warn', 'xiaozhi OTA check from a paired MAC with another Client-Id: no transport', {
        toy: deviceId,
      });
      return reply.code(403).send({
        error: 'forbidden',
        message:
          'this toy was paired with another Client-Id (was it reset?): delete it in Settings → Toys and pair it again',
      });
    }
    transports.seen(deviceId, { board: info.board, firmwareVersion: info.firmwareVersion });
    options.onPairedCheckIn?.(deviceId);
    if (record.transport === 'xiaozhi-mqtt') {
      const mqtt = options.mqttBootstrap?.(deviceId, request.headers.host ?? request.hostname) ?? null;
      if (mqtt) {
        answer.mqtt = mqtt;
        return answer;
      }
      if (!mqttFallbackLogged)
        options.log('warn', 'a toy is set to MQTT but MQTT is not available: it gets the WebSocket transport', {
          toy: deviceId,
        });
      mqttFallbackLogged = true;
    }
    answer.websocket = { url: websocketUrlFor(request), token: transports.tokenFor(record) };
    return answer;
  };

  app.post(XIAOZHI_OTA_PATH, check);
  app.get(XIAOZHI_OTA_PATH, check);

  app.post(`${XIAOZHI_OTA_PATH}activate`, async (request, reply) => {
    reply.header('Cache-Control', 'no-store');
    const mac = parseMac(header(request, 'device-id'));
    if (!mac) return reply.code(400).send({ error: 'bad_request', message: "Device-Id must be the toy's MAC address" });
    if (transports.get(hearthDeviceId(mac))) return reply.code(200).send({ status: 'activated' });
    const waiting = pending.get(mac);
    if (!waiting)
      return reply
        .code(404)
        .send({ error: 'not_found', message: 'no pairing in progress for this toy: restart it to get a new code' });
    const body = (request.body ?? {}) as { challenge?: unknown };
    if (typeof body.challenge === 'string' && body.challenge !== waiting.challenge) {
      return reply.code(400).send({ error: 'bad_request', message: 'this is not the challenge Hearth gave the toy' });
    }
    // Not yet: the parent has not typed the code. The firmware polls again after 202.
    return reply
      .code(202)
      .send({ status: 'waiting', message: 'Type the code the toy says in Settings → Toys → Add a toy' });
  });
}
