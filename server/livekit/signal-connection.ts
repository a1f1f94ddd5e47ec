import { Pong, SignalRequest, SignalResponse } from '@livekit/protocol';

/** The little of a `ws` WebSocket we use (no @types/ws in the project, and it keeps tests simple). */
export interface SignalSocket {
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  on(event: 'message', listener: (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

const OPEN = 1;

export type SignalMessage = SignalResponse['message'];
export type SignalRequestMessage = SignalRequest['message'];

/**
 * One client's signalling WebSocket: protobuf SignalRequest in, SignalResponse out. Keep-alive
 * pings are answered here so they never wait behind room work; a missed-ping timer reports a dead
 * connection the way a dropped TCP connection would.
 */
export class SignalConnection {
  private requestHandler: (msg: SignalRequestMessage) => void = () => {};
  private closeHandler: () => void = () => {};
  private closed = false;
  private pingTimer: NodeJS.Timeout | undefined;
  /** Keep-alive pings answered on this connection (the room's health view and tests count them). */
  pingsAnswered = 0;

  constructor(
    private readonly socket: SignalSocket,
    private readonly pingTimeoutMs: number,
  ) {
    socket.on('message', (data, isBinary) => this.receive(data, isBinary));
    socket.on('close', () => this.markClosed());
    socket.on('error', () => this.markClosed());
    this.armPingTimer();
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === OPEN;
  }

  onRequest(handler: (msg: SignalRequestMessage) => void): void {
    this.requestHandler = handler;
  }

  onClose(handler: () => void): void {
    this.closeHandler = handler;
  }

  send(message: SignalMessage): void {
    if (!this.isOpen) return;
    this.socket.send(new SignalResponse({ message }).toBinary());
  }

  /** Closes cleanly (after a leave): the client sees a normal close. */
  close(): void {
    if (this.closed) return;
    this.socket.close(1000, 'leave');
    this.markClosed();
  }

  /** Drops the connection without a close handshake, as a network failure would. */
  terminate(): void {
    this.socket.terminate();
    this.markClosed();
  }

  private receive(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
    this.armPingTimer();
    let request: SignalRequest;
    try {
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      request = isBinary
        ? SignalRequest.fromBinary(bytes)
        : SignalRequest.fromJsonString(bytes.toString('utf8'), { ignoreUnknownFields: true });
    } catch {
      return; // a malformed frame is dropped, as livekit-server does
    }
    const msg = request.message;
    if (msg.case === 'ping') {
      this.pingsAnswered += 1;
      this.send({ case: 'pong', value: BigInt(Date.now()) });
      return;
    }
    if (msg.case === 'pingReq') {
      this.pingsAnswered += 1;
      this.send({
        case: 'pongResp',
        value: new Pong({ lastPingTimestamp: msg.value.timestamp, timestamp: BigInt(Date.now()) }),
      });
      return;
    }
    this.requestHandler(msg);
  }

  private armPingTimer(): void {
    clearTimeout(this.pingTimer);
    if (this.closed) return;
    this.pingTimer = setTimeout(() => this.terminate(), this.pingTimeoutMs);
    this.pingTimer.unref();
  }

  private markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.pingTimer);
    this.closeHandler();
  }
}
