// The control side of MQTT + UDP: a toy's hello over MQTT opens an encrypted UDP session and a
// XiaozhiChannel for the conversation; its goodbye, a new hello, its MQTT connection going away,
// 120 s without traffic either way, or its credentials being revoked end that session.
import type { XiaozhiSessions } from '../channel.ts';
import type { ToyControlBus } from './toy-control-bus.ts';
import type { UdpAudioServer } from './udp-audio-server.ts';
import { UdpXiaozhiChannel } from './udp-channel.ts';

/** The firmware's Protocol::IsTimeout: an audio channel with no traffic for 120 s is dead. */
export const DEFAULT_IDLE_TIMEOUT_MS = 120_000;

export type ControlLog = (level: 'info' | 'warn', message: string, extra?: Record<string, unknown>) => void;

export interface ToyControlOptions {
  bus: ToyControlBus;
  udp: UdpAudioServer;
  sessions: XiaozhiSessions;
  /** The address this toy reaches Hearth at (the host of its last OTA check): UDP audio goes there too. */
  udpHost: (mac: string) => string;
  log: ControlLog;
  idleTimeoutMs?: number;
}

interface LiveSession {
  channel: UdpXiaozhiChannel;
  /** Last traffic either way: a toy in auto mode sends nothing while it plays a long story. */
  lastTrafficAt: number;
}

export class ToyControl {
  private readonly live = new Map<string, LiveSession>();
  /** Toys already told about in the log for sending control messages without a session. */
  private readonly warned = new Set<string>();
  private readonly idleTimer: NodeJS.Timeout;
  private readonly idleTimeoutMs: number;

  constructor(private readonly options: ToyControlOptions) {
    this.idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    options.bus.onToyMessage((mac, payload) => this.received(mac, payload));
    options.bus.onToyGone((mac) => this.endedByToy(mac, "the toy's MQTT connection closed"));
    this.idleTimer = setInterval(() => this.closeIdle(), Math.max(50, Math.min(10_000, this.idleTimeoutMs / 4)));
    this.idleTimer.unref();
  }

  /** Toys with a live session now. */
  liveToys(): string[] {
    return [...this.live.keys()];
  }

  /** The toy's access was revoked (deleted, transport switched): end its session and its MQTT connection. */
  revoke(mac: string, reason: string): void {
    this.live.get(mac)?.channel.close(reason);
    this.options.bus.kick(mac);
  }

  closeAll(reason: string): void {
    for (const { channel } of [...this.live.values()]) channel.close(reason);
    clearInterval(this.idleTimer);
  }

  private received(mac: string, payload: Buffer): void {
    let message: unknown;
    try {
      message = JSON.parse(payload.toString('utf8'));
    } catch {
      return this.warnOnce(mac, 'not-json', 'xiaozhi MQTT message dropped: not JSON');
    }
    if (
      typeof message !== 'object' ||
      message === null ||
      Array.isArray(message) ||
      typeof (message as { type?: unknown }).type !== 'string'
    ) {
      return this.warnOnce(mac, 'no-type', 'xiaozhi MQTT message dropped: not a JSON object with a "type"');
    }
    const json = message as Record<string, unknown>;
    if (json.type === 'hello') return this.hello(mac, json);
    const session = this.live.get(mac);
    if (!session)
      return this.warnOnce(
        mac,
        'no-session',
        `xiaozhi MQTT "${String(json.type)}" dropped: the toy has no session (it sends a hello first)`,
      );
    session.lastTrafficAt = Date.now();
    if (json.type === 'goodbye') return this.endedByToy(mac, 'the toy said goodbye');
    session.channel.receivedJson(json);
  }

  private hello(mac: string, hello: Record<string, unknown>): void {
    if (hello.transport !== 'udp') {
      return this.warnOnce(
        mac,
        'hello-transport',
        'xiaozhi MQTT hello dropped: over MQTT the transport must be "udp"',
        { transport: hello.transport },
      );
    }
    // A new hello starts a new session (the firmware resets its sequences): the old one is over.
    this.endedByToy(mac, 'the toy opened a new session');
    const audio = hello.audio_params as { frame_duration?: unknown } | undefined;
    const frameMs =
      typeof audio?.frame_duration === 'number' && [10, 20, 40, 60, 80, 100, 120].includes(audio.frame_duration)
        ? audio.frame_duration
        : 60;
    const { bus, udp } = this.options;
    let channel: UdpXiaozhiChannel | null = null;
    const touch = () => {
      const live = this.live.get(mac);
      if (live && live.channel === channel) live.lastTrafficAt = Date.now();
    };
    const session = udp.open(frameMs, ({ opus, timestamp }) => {
      const live = this.live.get(mac);
      if (!live || live.channel !== channel) return;
      live.lastTrafficAt = Date.now();
      live.channel.receivedOpus(opus, timestamp);
    });
    channel = new UdpXiaozhiChannel(
      mac,
      {
        udp: session.helloBlock(this.options.udpHost(mac), udp.port),
        publish: (message) => {
          touch();
          bus.publishToToy(mac, message);
        },
        sendAudio: (opus, timestampMs) => {
          touch();
          return udp.send(session, opus, timestampMs);
        },
        release: () => udp.end(session),
      },
      (count) => {
        if (count === 1)
          this.options.log(
            'warn',
            'xiaozhi UDP reply audio not sent: the toy has not sent audio from its address yet',
            { mac },
          );
      },
    );
    const live: LiveSession = { channel, lastTrafficAt: Date.now() };
    this.live.set(mac, live);
    channel.onClose(() => {
      if (this.live.get(mac) === live) this.live.delete(mac);
    });
    this.options.sessions.attach(channel);
    channel.receivedJson(hello);
  }

  private endedByToy(mac: string, reason: string): void {
    this.live.get(mac)?.channel.endedByToy(reason);
  }

  private closeIdle(): void {
    const now = Date.now();
    for (const [mac, live] of [...this.live]) {
      if (now - live.lastTrafficAt < this.idleTimeoutMs) continue;
      this.options.log('info', 'xiaozhi session closed: no traffic with the toy', {
        mac,
        idleMs: now - live.lastTrafficAt,
      });
      live.channel.close('no traffic with the toy for too long');
    }
  }

  private warnOnce(mac: string, kind: string, message: string, extra: Record<string, unknown> = {}): void {
    const key = `${mac}:${kind}`;
    if (this.warned.has(key)) return;
    if (this.warned.size > 4096) this.warned.clear();
    this.warned.add(key);
    this.options.log('warn', message, { mac, ...extra });
  }
}
