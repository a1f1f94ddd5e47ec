// A client that does what the stock firmware's MqttProtocol does (main/protocols/mqtt_protocol.cc),
// for the toy simulator and the tests: connect with the OTA `mqtt` block, publish a hello with
// transport "udp", wait up to 10 s for the server's hello, then send and receive AES-CTR Opus over
// UDP with the firmware's header and sequence rules. Written from the firmware's sources.
import dgram from 'node:dgram';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { openPacket, readHeader, sealPacket } from './udp-packet.ts';

export interface OtaMqttBlock {
  endpoint: string;
  client_id: string;
  username: string;
  password: string;
  keepalive?: number;
  publish_topic: string;
  subscribe_topic?: string;
}

/** The OTA answer's `mqtt` block, checked the way the firmware stores it (strings, keepalive a number). */
export function parseOtaMqttBlock(value: unknown): OtaMqttBlock {
  const block = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const text = (key: string): string => {
    const field = block[key];
    if (typeof field !== 'string' || field === '') throw new FirmwareMqttError(`the OTA mqtt block has no ${key}`);
    return field;
  };
  return {
    endpoint: text('endpoint'),
    client_id: text('client_id'),
    username: text('username'),
    password: text('password'),
    publish_topic: text('publish_topic'),
    ...(typeof block.keepalive === 'number' ? { keepalive: block.keepalive } : {}),
    ...(typeof block.subscribe_topic === 'string' ? { subscribe_topic: block.subscribe_topic } : {}),
  };
}

export interface FirmwareMqttOptions {
  /**
   * Subscribe to the OTA's subscribe_topic, as firmware before 2025 did. Current firmware does not
   * subscribe at all and relies on the broker to deliver (the embedded broker does; Mosquitto cannot).
   */
  subscribe?: boolean;
  /** How long to wait for the server's hello (the firmware waits 10 s). */
  helloTimeoutMs?: number;
  /** Connection attempts before giving up (the firmware retries on its reconnect timer). */
  connectAttempts?: number;
}

export interface ServerHello {
  session_id?: string;
  audio_params?: { sample_rate?: number; frame_duration?: number };
  udp: { server: string; port: number; key: string; nonce: string };
  [key: string]: unknown;
}

export class FirmwareMqttError extends Error {
  override name = 'FirmwareMqttError';
}

/** One connection attempt: settles on CONNACK, a refusal, or the broker closing the socket first. */
function connectOnce(options: IClientOptions): Promise<MqttClient> {
  const client = mqtt.connect(options);
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      client.end(true);
      reject(error);
    };
    client.once('connect', () => {
      client.off('error', fail);
      resolve(client);
    });
    client.once('error', fail);
    client.once('close', () => fail(new FirmwareMqttError('the broker closed the connection before accepting it')));
  });
}

export class FirmwareMqttClient {
  private readonly jsonListeners: Array<(message: Record<string, unknown>) => void> = [];
  private readonly opusListeners: Array<(packet: Buffer, timestamp: number) => void> = [];
  private readonly closedListeners: Array<(byServer: boolean) => void> = [];
  private helloWaiter: ((hello: ServerHello) => void) | null = null;
  private udp: dgram.Socket | null = null;
  private key: Buffer | null = null;
  private nonce: Buffer | null = null;
  private sessionId = '';
  private localSequence = 0;
  private remoteSequence = 0;
  /** Downlink packets dropped, by reason (the firmware logs and drops them). */
  readonly dropped = new Map<string, number>();

  private constructor(
    private readonly client: MqttClient,
    private readonly block: OtaMqttBlock,
    private readonly options: FirmwareMqttOptions,
  ) {
    client.on('message', (_topic, payload) => this.message(payload));
  }

  static async connect(block: OtaMqttBlock, options: FirmwareMqttOptions = {}): Promise<FirmwareMqttClient> {
    // Like the firmware: "host:port", TLS assumed without a port (not supported here).
    const colon = block.endpoint.lastIndexOf(':');
    if (colon < 0)
      throw new FirmwareMqttError(`MQTT endpoint "${block.endpoint}" has no port (the firmware would try TLS on 8883)`);
    const host = block.endpoint.slice(0, colon).replace(/^\[|\]$/g, '');
    const port = Number(block.endpoint.slice(colon + 1));
    let lastError: unknown;
    for (let attempt = 0; attempt < (options.connectAttempts ?? 1); attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 500));
      try {
        const client = await connectOnce({
          host,
          port,
          protocol: 'mqtt',
          clientId: block.client_id,
          username: block.username,
          password: block.password,
          keepalive: block.keepalive ?? 240,
          clean: true,
          reconnectPeriod: 0,
          connectTimeout: 10_000,
        });
        const toy = new FirmwareMqttClient(client, block, options);
        if (options.subscribe && block.subscribe_topic) await client.subscribeAsync(block.subscribe_topic, { qos: 0 });
        return toy;
      } catch (error) {
        lastError = error;
      }
    }
    throw new FirmwareMqttError(
      `MQTT connect to ${block.endpoint} failed: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
    );
  }

  get mqtt(): MqttClient {
    return this.client;
  }

  get publishTopic(): string {
    return this.block.publish_topic;
  }

  get audioChannelOpen(): boolean {
    return this.udp !== null;
  }

  onJson(listener: (message: Record<string, unknown>) => void): void {
    this.jsonListeners.push(listener);
  }

  onOpus(listener: (packet: Buffer, timestamp: number) => void): void {
    this.opusListeners.push(listener);
  }

  /** The audio channel closed: by a server goodbye (true) or by this client (false). */
  onAudioChannelClosed(listener: (byServer: boolean) => void): void {
    this.closedListeners.push(listener);
  }

  /** Sends a JSON message on the publish topic (with the session id, as the firmware does). */
  async sendJson(message: Record<string, unknown>): Promise<void> {
    await this.client.publishAsync(
      this.block.publish_topic,
      JSON.stringify({ session_id: this.sessionId, ...message }),
    );
  }

  /**
   * The firmware's OpenAudioChannel: hello over MQTT, the server's hello within 10 s, then UDP.
   * `hello` replaces the firmware's own (the simulator sends its features); transport is always "udp".
   */
  async openAudioChannel(hello?: Record<string, unknown>): Promise<ServerHello> {
    this.sessionId = '';
    const answered = new Promise<ServerHello>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.helloWaiter = null;
        reject(new FirmwareMqttError("no server hello within the firmware's 10 s"));
      }, this.options.helloTimeoutMs ?? 10_000);
      this.helloWaiter = (message) => {
        clearTimeout(timer);
        resolve(message);
      };
    });
    const message = hello ?? {
      type: 'hello',
      version: 3,
      features: { mcp: true },
      audio_params: { format: 'opus', sample_rate: 16000, channels: 1, frame_duration: 60 },
    };
    await this.client.publishAsync(
      this.block.publish_topic,
      JSON.stringify({ ...message, type: 'hello', transport: 'udp' }),
    );
    const server = await answered;
    const key = Buffer.from(server.udp.key, 'hex');
    const nonce = Buffer.from(server.udp.nonce, 'hex');
    if (key.length !== 16 || nonce.length !== 16) throw new FirmwareMqttError('invalid AES key or nonce length');
    this.key = key;
    this.nonce = nonce;
    this.localSequence = 0;
    this.remoteSequence = 0;
    this.sessionId = typeof server.session_id === 'string' ? server.session_id : '';
    const socket = dgram.createSocket(server.udp.server.includes(':') ? 'udp6' : 'udp4');
    socket.on('message', (datagram) => this.audio(datagram));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.connect(server.udp.port, server.udp.server, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    this.udp = socket;
    return server;
  }

  /** One uplink packet, as SendAudio builds it. */
  sendOpus(packet: Uint8Array, timestamp: number): void {
    if (!this.udp || !this.key || !this.nonce) throw new FirmwareMqttError('the audio channel is not open');
    this.udp.send(sealPacket(this.key, this.nonce, packet, timestamp, ++this.localSequence));
  }

  /** Sends bytes as they are on the audio socket (tests replay and forge packets with it). */
  sendRaw(datagram: Uint8Array): void {
    if (!this.udp) throw new FirmwareMqttError('the audio channel is not open');
    this.udp.send(datagram);
  }

  /** The key and nonce of the open session (tests forge packets with them). */
  get sessionKeys(): { key: Buffer; nonce: Buffer } | null {
    return this.key && this.nonce ? { key: this.key, nonce: this.nonce } : null;
  }

  /** The firmware's CloseAudioChannel: goodbye (unless the server said it first), UDP closed. */
  async closeAudioChannel(sendGoodbye = true): Promise<void> {
    if (!this.closeUdp()) return;
    if (sendGoodbye) await this.sendJson({ type: 'goodbye' });
    for (const listener of this.closedListeners) listener(false);
  }

  async disconnect(): Promise<void> {
    this.closeUdp();
    await this.client.endAsync(true);
  }

  private closeUdp(): boolean {
    const socket = this.udp;
    if (!socket) return false;
    this.udp = null;
    socket.close();
    return true;
  }

  private message(payload: Buffer): void {
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(payload.toString('utf8'));
    } catch {
      return;
    }
    if (typeof json.type !== 'string') return;
    if (json.type === 'hello') {
      // ParseServerHello: transport must be "udp" and the udp block complete, or it is ignored.
      const udp = json.udp as ServerHello['udp'] | undefined;
      if (
        json.transport !== 'udp' ||
        !udp ||
        typeof udp.server !== 'string' ||
        typeof udp.port !== 'number' ||
        typeof udp.key !== 'string' ||
        typeof udp.nonce !== 'string'
      )
        return;
      this.helloWaiter?.(json as ServerHello);
      this.helloWaiter = null;
      return;
    }
    if (json.type === 'goodbye') {
      if (json.session_id === this.sessionId && this.closeUdp())
        for (const listener of this.closedListeners) listener(true);
      return;
    }
    for (const listener of this.jsonListeners) listener(json);
  }

  private audio(datagram: Buffer): void {
    const header = readHeader(datagram);
    if (typeof header === 'string') return this.drop(header);
    if (header.sequence <= this.remoteSequence) return this.drop('old-sequence');
    if (!this.key) return;
    const opus = openPacket(this.key, datagram);
    this.remoteSequence = header.sequence;
    for (const listener of this.opusListeners) listener(opus, header.timestamp);
  }

  private drop(reason: string): void {
    this.dropped.set(reason, (this.dropped.get(reason) ?? 0) + 1);
  }
}
