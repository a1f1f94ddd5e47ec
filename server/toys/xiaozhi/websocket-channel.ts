// A xiaozhi toy's WebSocket as a XiaozhiChannel: text frames are JSON messages, binary frames are
// Opus in the protocol version the toy announced (binary-protocol.ts). Bad frames are dropped with
// one log line; a toy that keeps sending them, or one frame too large to be audio, is closed with
// the reason.
import type { WebSocket } from 'ws';
import { BinaryFrameError, decodeAudioFrame, encodeAudioFrame, type ProtocolVersion } from './binary-protocol.ts';
import type { XiaozhiChannel } from './channel.ts';

/** Largest text message a toy sends (an MCP tools answer is the biggest, a few KB). */
const MAX_JSON_BYTES = 64 * 1024;
/** Largest binary frame: an Opus packet with the v2 header, with room to spare. */
const MAX_BINARY_BYTES = 8 * 1024;
const MAX_BAD_FRAMES = 50;

export class WebSocketChannel implements XiaozhiChannel {
  readonly transport = 'websocket' as const;
  private readonly jsonListeners: ((message: Record<string, unknown>) => void)[] = [];
  private readonly opusListeners: ((packet: Uint8Array, timestampMs: number) => void)[] = [];
  private readonly closeListeners: ((reason: string) => void)[] = [];
  private jsonBacklog: Record<string, unknown>[] = [];
  private opusBacklog: [Uint8Array, number][] = [];
  private badFrames = 0;
  private closedReason: string | null = null;

  constructor(
    private readonly socket: WebSocket,
    readonly deviceId: string,
    readonly version: ProtocolVersion,
    private readonly log: (msg: string, extra: Record<string, unknown>) => void,
  ) {
    socket.on('message', (data, isBinary) => this.onMessage(toBytes(data), isBinary));
    socket.on('close', (code, reason) => this.closed(reason.toString() || `connection closed (${code})`));
    socket.on('error', (error) => this.closed(`connection error: ${error.message}`));
  }

  helloExtras(): Record<string, unknown> {
    return {};
  }

  sendJson(message: Record<string, unknown>): void {
    if (this.closedReason !== null || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(JSON.stringify(message));
  }

  sendOpus(packet: Uint8Array, timestampMs: number): void {
    if (this.closedReason !== null || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(encodeAudioFrame(this.version, packet, timestampMs), { binary: true });
  }

  onJson(listener: (message: Record<string, unknown>) => void): void {
    this.jsonListeners.push(listener);
    const backlog = this.jsonBacklog;
    this.jsonBacklog = [];
    for (const message of backlog) listener(message);
  }

  onOpus(listener: (packet: Uint8Array, timestampMs: number) => void): void {
    this.opusListeners.push(listener);
    const backlog = this.opusBacklog;
    this.opusBacklog = [];
    for (const [packet, ts] of backlog) listener(packet, ts);
  }

  onClose(listener: (reason: string) => void): void {
    if (this.closedReason !== null) listener(this.closedReason);
    else this.closeListeners.push(listener);
  }

  close(reason: string): void {
    if (this.closedReason !== null) return;
    // Close reasons are at most 123 bytes on the wire.
    const wire = Buffer.from(reason).subarray(0, 123).toString();
    this.socket.close(closeCodeFor(reason), wire);
    this.closed(reason);
  }

  private closed(reason: string): void {
    if (this.closedReason !== null) return;
    this.closedReason = reason;
    this.jsonBacklog = [];
    this.opusBacklog = [];
    for (const listener of this.closeListeners.splice(0)) listener(reason);
  }

  private onMessage(data: Uint8Array, isBinary: boolean): void {
    if (this.closedReason !== null) return;
    if (!isBinary) {
      if (data.length > MAX_JSON_BYTES) return this.close(`a ${data.length}-byte text message is too large`);
      const message = parseJsonObject(data);
      if (!message) return this.bad('a text message that is not a JSON object with a type');
      if (this.jsonListeners.length === 0) this.jsonBacklog.push(message);
      for (const listener of this.jsonListeners) listener(message);
      return;
    }
    if (data.length > MAX_BINARY_BYTES) return this.close(`a ${data.length}-byte binary frame is too large for audio`);
    try {
      const { payload, timestampMs } = decodeAudioFrame(this.version, data);
      if (this.opusListeners.length === 0) {
        // Audio before anyone listens (a toy talking before its hello was read) is not worth keeping for long.
        if (this.opusBacklog.length < 100) this.opusBacklog.push([payload, timestampMs]);
        return;
      }
      for (const listener of this.opusListeners) listener(payload, timestampMs);
    } catch (error) {
      if (!(error instanceof BinaryFrameError)) throw error;
      this.bad(error.message);
    }
  }

  private bad(what: string): void {
    if (this.badFrames++ === 0)
      this.log('xiaozhi toy sent a bad frame (dropped; further ones are not logged)', {
        toy: this.deviceId,
        problem: what,
      });
    if (this.badFrames >= MAX_BAD_FRAMES) this.close(`${MAX_BAD_FRAMES} bad frames: ${what}`);
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

function parseJsonObject(data: Uint8Array): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('utf8'));
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    return typeof (value as { type?: unknown }).type === 'string' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** 1000 for an ordinary end, 1008 (policy) for refusals, 1009 for sizes, 1007 for bad data. */
function closeCodeFor(reason: string): number {
  if (/too large/.test(reason)) return 1009;
  if (/bad frames|malformed|did not decode/.test(reason)) return 1007;
  if (/not paired|not registered|token|refused|deleted|switched|not a MAC/.test(reason)) return 1008;
  return 1000;
}
