// A XiaozhiChannel for a toy on MQTT + UDP: JSON goes over the toy's MQTT reply topic, Opus over its
// encrypted UDP session. What arrives before the conversation listens is kept and handed over when
// it does (the hello is the first thing on every channel).
import type { XiaozhiChannel } from '../channel.ts';

export interface UdpChannelLink {
  /** The hello's `udp` block for this session. */
  readonly udp: Record<string, unknown>;
  /** Publish one JSON message on the toy's reply topic. */
  publish(message: Record<string, unknown>): void;
  /** Send one downlink Opus packet; false when it could not go (the toy has not been heard on UDP yet). */
  sendAudio(opus: Uint8Array, timestampMs: number): boolean;
  /** The session is over: forget its UDP keys. */
  release(): void;
}

class Buffered<A extends unknown[]> {
  private readonly listeners: Array<(...args: A) => void> = [];
  private pending: A[] | null = [];

  listen(listener: (...args: A) => void): void {
    this.listeners.push(listener);
    const pending = this.pending;
    this.pending = null;
    for (const args of pending ?? []) listener(...args);
  }

  emit(...args: A): void {
    if (this.pending) this.pending.push(args);
    else for (const listener of this.listeners) listener(...args);
  }
}

export class UdpXiaozhiChannel implements XiaozhiChannel {
  readonly transport = 'udp' as const;
  private readonly json = new Buffered<[Record<string, unknown>]>();
  private readonly opus = new Buffered<[Uint8Array, number]>();
  private readonly closeListeners: Array<(reason: string) => void> = [];
  private sessionId: string | null = null;
  private closedWith: string | null = null;
  private unsentAudio = 0;

  constructor(
    readonly deviceId: string,
    private readonly link: UdpChannelLink,
    private readonly onUnsentAudio: (count: number) => void,
  ) {}

  get closed(): boolean {
    return this.closedWith !== null;
  }

  helloExtras(): Record<string, unknown> {
    return { udp: this.link.udp };
  }

  sendJson(message: Record<string, unknown>): void {
    if (this.closed) return;
    // The firmware ends the session on a server goodbye only when it names this session.
    if (message.type === 'hello' && typeof message.session_id === 'string') this.sessionId = message.session_id;
    this.link.publish(message);
  }

  sendOpus(packet: Uint8Array, timestampMs: number): void {
    if (this.closed) return;
    if (!this.link.sendAudio(packet, timestampMs)) this.onUnsentAudio(++this.unsentAudio);
  }

  onJson(listener: (message: Record<string, unknown>) => void): void {
    this.json.listen(listener);
  }

  onOpus(listener: (packet: Uint8Array, timestampMs: number) => void): void {
    this.opus.listen(listener);
  }

  onClose(listener: (reason: string) => void): void {
    if (this.closedWith !== null) listener(this.closedWith);
    else this.closeListeners.push(listener);
  }

  /** Hearth ends the session: the toy hears a goodbye for it and closes its UDP channel. */
  close(reason: string): void {
    this.finish(reason, true);
  }

  // ---- called by the MQTT control side ----

  receivedJson(message: Record<string, unknown>): void {
    if (!this.closed) this.json.emit(message);
  }

  receivedOpus(packet: Uint8Array, timestampMs: number): void {
    if (!this.closed) this.opus.emit(packet, timestampMs);
  }

  /** The toy ended it (its goodbye, a new hello, its MQTT connection gone): nothing is sent back. */
  endedByToy(reason: string): void {
    this.finish(reason, false);
  }

  private finish(reason: string, sayGoodbye: boolean): void {
    if (this.closedWith !== null) return;
    if (sayGoodbye) this.link.publish({ type: 'goodbye', ...(this.sessionId ? { session_id: this.sessionId } : {}) });
    this.closedWith = reason;
    this.link.release();
    for (const listener of this.closeListeners.splice(0)) listener(reason);
  }
}
