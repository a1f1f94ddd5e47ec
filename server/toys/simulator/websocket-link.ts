// The simulated toy's WebSocket link, as WebsocketProtocol::OpenAudioChannel connects: the token as
// `Authorization: Bearer`, Protocol-Version, Device-Id and Client-Id headers (or, with `query`, the
// same as query parameters, the way browser test clients must), binary frames in that version.
import WebSocket from 'ws';
import { decodeAudioFrame, encodeAudioFrame, type ProtocolVersion } from '../xiaozhi/binary-protocol.ts';
import type { XiaozhiLink } from './xiaozhi-toy.ts';

export interface WebSocketLinkOptions {
  url: string;
  token: string;
  mac: string;
  clientId: string;
  version?: ProtocolVersion;
  /** Credentials as query parameters instead of headers. */
  query?: boolean;
}

export class WebSocketLinkError extends Error {
  override name = 'WebSocketLinkError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly body: string,
  ) {
    super(message);
  }
}

export class WebSocketLink implements XiaozhiLink {
  readonly transport = 'websocket' as const;
  private readonly jsonListeners: ((message: Record<string, unknown>) => void)[] = [];
  private readonly opusListeners: ((packet: Uint8Array, timestampMs: number) => void)[] = [];
  private readonly closeListeners: ((reason: string) => void)[] = [];

  private constructor(
    readonly socket: WebSocket,
    readonly version: ProtocolVersion,
  ) {
    socket.on('message', (data, isBinary) => {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? Buffer.from(data) : data;
      if (!isBinary) {
        const message = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
        for (const l of this.jsonListeners) l(message);
        return;
      }
      const { payload, timestampMs } = decodeAudioFrame(version, bytes);
      for (const l of this.opusListeners) l(payload, timestampMs);
    });
    socket.on('close', (code, reason) => {
      for (const l of this.closeListeners) l(reason.toString() || `closed (${code})`);
    });
  }

  static connect(opts: WebSocketLinkOptions): Promise<WebSocketLink> {
    const version = opts.version ?? 1;
    const url = new URL(opts.url);
    const fields = {
      authorization: `Bearer ${opts.token}`,
      'protocol-version': String(version),
      'device-id': opts.mac,
      'client-id': opts.clientId,
    };
    if (opts.query) for (const [k, v] of Object.entries(fields)) url.searchParams.set(k, v);
    const socket = new WebSocket(
      url,
      opts.query
        ? {}
        : {
            headers: {
              Authorization: fields.authorization,
              'Protocol-Version': fields['protocol-version'],
              'Device-Id': fields['device-id'],
              'Client-Id': fields['client-id'],
            },
          },
    );
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new WebSocketLink(socket, version)));
      socket.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          reject(
            new WebSocketLinkError(
              `the server refused the WebSocket: HTTP ${res.statusCode} ${body}`,
              res.statusCode ?? null,
              body,
            ),
          ),
        );
      });
      socket.once('error', (error) => reject(new WebSocketLinkError(error.message, null, '')));
    });
  }

  sendJson(message: Record<string, unknown>): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  sendOpus(packet: Uint8Array, timestampMs: number): void {
    if (this.socket.readyState === WebSocket.OPEN)
      this.socket.send(encodeAudioFrame(this.version, packet, timestampMs), { binary: true });
  }

  /** Raw bytes, for tests of what the server does with bad frames. */
  sendRaw(data: Uint8Array | string, binary: boolean): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(data, { binary });
  }

  onJson(listener: (message: Record<string, unknown>) => void): void {
    this.jsonListeners.push(listener);
  }

  onOpus(listener: (packet: Uint8Array, timestampMs: number) => void): void {
    this.opusListeners.push(listener);
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    this.socket.close(1000, 'goodbye');
  }
}
