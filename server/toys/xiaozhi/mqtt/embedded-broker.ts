// The MQTT broker Hearth runs itself (aedes) unless --mqtt-url names another. Only paired MQTT toys
// get in, each with its own credentials; a toy may publish only to its own up topic and subscribe
// only to its own reply topic. Current firmware never subscribes (mqtt_protocol.cc dropped
// subscribe_topic in 2025): it takes whatever the broker delivers, so Hearth hands each reply to
// the toy's own connection directly, as the firmware's own gateway does.
import net from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import type { ToyMqttCredentials } from './toy-mqtt-identity.ts';
import { replyTopic, upTopic } from './toy-mqtt-identity.ts';
import type { BusLog, ToyControlBus } from './toy-control-bus.ts';
import { AddressLimiter } from '../address-limiter.ts';
import { guardPacketSize } from './packet-size-guard.ts';

/** Largest control message a toy may publish (MCP tool lists are the big ones). */
const MAX_TOY_MESSAGE_BYTES = 64 * 1024;
/** Largest MQTT packet read at all: the message, its topic and headers. Larger ones end the connection unparsed. */
export const MAX_MQTT_PACKET_BYTES = MAX_TOY_MESSAGE_BYTES + 1024;

interface ToyClient {
  mac: string;
  password: string;
}

export interface EmbeddedBrokerOptions {
  port: number;
  host: string;
  /** Take any free port when `port` is taken (the default port; an explicit one must be free). */
  fallbackToFreePort: boolean;
  credentials: ToyMqttCredentials;
  log: BusLog;
}

export class EmbeddedToyBroker implements ToyControlBus {
  private readonly messageListeners: Array<(mac: string, payload: Buffer) => void> = [];
  private readonly goneListeners: Array<(mac: string) => void> = [];
  /** The last message handed to each toy's connection, settled once written. */
  private readonly lastDelivery = new WeakMap<Client, Promise<void>>();

  private constructor(
    private readonly broker: Aedes,
    private readonly server: net.Server,
    readonly port: number,
    /** Connected toys (filled by the broker's authenticate hook). */
    private readonly toys: Map<Client, ToyClient>,
    private readonly log: BusLog,
  ) {
    broker.on('publish', (packet, client) => {
      const toy = client ? toys.get(client) : undefined;
      if (!toy || packet.topic !== upTopic(toy.mac)) return;
      const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
      for (const listener of this.messageListeners) listener(toy.mac, payload);
    });
    broker.on('clientDisconnect', (client) => this.forget(client));
    broker.on('clientError', (client) => this.forget(client));
  }

  static async start(options: EmbeddedBrokerOptions): Promise<EmbeddedToyBroker> {
    const { credentials, log } = options;
    const toys = new Map<Client, ToyClient>();
    // One line per refused name (a toy with stale credentials retries every minute for ever).
    const refusedNames = new Set<string>();
    const broker = await Aedes.createBroker({
      // A connection that never sends CONNECT is dropped; one that stops pinging goes after 1.5 keepalives.
      connectTimeout: 10_000,
      authenticate: (client, username, password, done) => {
        const mac = credentials.verify(client.id, username, password);
        if (!mac) {
          const name = `${client.id}/${username ?? ''}`;
          if (!refusedNames.has(name)) {
            if (refusedNames.size >= 4096) refusedNames.clear();
            refusedNames.add(name);
            log(
              'warn',
              'xiaozhi MQTT connection refused: unknown toy or wrong credentials (further refusals of this client are not logged)',
              { clientId: client.id, username },
            );
          }
          const error = new Error('bad user name or password') as AuthenticateError;
          error.returnCode = 4;
          return done(error, false);
        }
        toys.set(client, { mac, password: password!.toString() });
        done(null, true);
      },
      authorizePublish: (client, packet, done) => {
        const toy = client ? toys.get(client) : undefined;
        if (!client) return done(null); // Hearth's own publishes
        if (!toy || !stillValid(credentials, toy)) return done(new Error('credentials revoked'));
        if (packet.topic !== upTopic(toy.mac)) {
          log('warn', 'xiaozhi MQTT publish refused: a toy may publish only to its own topic', {
            mac: toy.mac,
            topic: packet.topic,
          });
          return done(new Error("not this toy's topic"));
        }
        if (packet.payload.length > MAX_TOY_MESSAGE_BYTES) return done(new Error('message too large'));
        done(null);
      },
      authorizeSubscribe: (client, subscription, done) => {
        const toy = toys.get(client);
        if (!toy || subscription.topic !== replyTopic(toy.mac)) {
          log('warn', 'xiaozhi MQTT subscription refused: a toy may read only its own reply topic', {
            mac: toy?.mac,
            topic: subscription.topic,
          });
          // A null subscription is a refusal in the SUBACK (0x80); an error would drop the connection.
          return done(null, null);
        }
        done(null, subscription);
      },
      // A toy receives only its own reply topic, whoever sent it.
      authorizeForward: (client, packet) => {
        const toy = toys.get(client);
        return toy && packet.topic === replyTopic(toy.mac) ? packet : null;
      },
    });
    // A flood of connections from one address does not crowd out the other toys.
    const limiter = new AddressLimiter();
    const server = net.createServer((socket) => {
      const admitted = limiter.admit(socket.remoteAddress ?? 'unknown');
      if (!admitted.ok) {
        if (admitted.firstRefusal) log('warn', `xiaozhi MQTT connection refused: ${admitted.reason}`);
        socket.destroy();
        return;
      }
      socket.once('close', admitted.release);
      guardPacketSize(socket, MAX_MQTT_PACKET_BYTES, (announced) =>
        log('warn', 'xiaozhi MQTT connection dropped: a packet larger than the broker accepts', {
          address: socket.remoteAddress,
          announcedBytes: Number.isFinite(announced) ? announced : 'malformed length',
          maxBytes: MAX_MQTT_PACKET_BYTES,
        }),
      );
      broker.handle(socket);
    });
    const port = await listen(server, options);
    return new EmbeddedToyBroker(broker, server, port, toys, log);
  }

  private forget(client: Client): void {
    const toy = this.toys.get(client);
    if (!toy) return;
    this.toys.delete(client);
    // A newer connection of the same toy (it reconnected) keeps the toy present.
    if ([...this.toys.values()].some((other) => other.mac === toy.mac)) return;
    for (const listener of this.goneListeners) listener(toy.mac);
  }

  onToyMessage(listener: (mac: string, payload: Buffer) => void): void {
    this.messageListeners.push(listener);
  }

  onToyGone(listener: (mac: string) => void): void {
    this.goneListeners.push(listener);
  }

  publishToToy(mac: string, message: Record<string, unknown>): void {
    const payload = Buffer.from(JSON.stringify(message));
    for (const [client, toy] of this.toys) {
      if (toy.mac !== mac || !client.connected) continue;
      this.lastDelivery.set(
        client,
        new Promise<void>((resolve) =>
          client.publish(
            { cmd: 'publish', topic: replyTopic(mac), payload, qos: 0, retain: false, dup: false },
            (error) => {
              if (error)
                this.log('warn', 'xiaozhi MQTT: a message to the toy was not delivered', { mac, error: error.message });
              resolve();
            },
          ),
        ),
      );
    }
  }

  localAddressFor(mac: string): string | null {
    for (const [client, toy] of this.toys) {
      const address = toy.mac === mac && 'localAddress' in client.conn ? client.conn.localAddress : undefined;
      // An IPv4 toy on a dual-stack socket shows up as ::ffff:a.b.c.d.
      if (address) return address.replace(/^::ffff:/, '');
    }
    return null;
  }

  kick(mac: string): void {
    // Messages already on their way (the goodbye that ends its session) go out first.
    for (const [client, toy] of this.toys) {
      if (toy.mac === mac) void (this.lastDelivery.get(client) ?? Promise.resolve()).then(() => client.close());
    }
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.broker.close(() => resolve()));
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function stillValid(credentials: ToyMqttCredentials, toy: ToyClient): boolean {
  return credentials.issue(toy.mac)?.password === toy.password;
}

async function listen(server: net.Server, options: EmbeddedBrokerOptions): Promise<number> {
  const attempt = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, options.host, () => {
        server.off('error', reject);
        resolve((server.address() as net.AddressInfo).port);
      });
    });
  try {
    return await attempt(options.port);
  } catch (error) {
    if (!(options.fallbackToFreePort && error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'))
      throw error;
    const port = await attempt(0);
    options.log(
      'warn',
      `xiaozhi MQTT: port ${options.port} is taken, the embedded broker listens on ${port} (toys learn it at their next OTA check)`,
    );
    return port;
  }
}
