// MQTT + UDP for stock xiaozhi toys, put together: the broker (embedded, or an external one Hearth
// joins), the UDP audio socket, the control side that turns a toy's hello into a conversation,
// and the OTA `mqtt` block. One call at server start; `revoke` when a toy loses MQTT access.
import type { HearthDatabase } from '../../../db/database.ts';
import type { XiaozhiSessions } from '../channel.ts';
import { createMqttBootstrap, macOf, type MqttBootstrap } from './bootstrap.ts';
import { lanIPv4Addresses } from '../../../lan.ts';
import { EmbeddedToyBroker } from './embedded-broker.ts';
import { ExternalToyBroker } from './external-broker.ts';
import type { BusLog, ToyControlBus } from './toy-control-bus.ts';
import { ToyControl } from './toy-control.ts';
import { ToyMqttCredentials, type MqttToyDirectory } from './toy-mqtt-identity.ts';
import { UdpAudioServer } from './udp-audio-server.ts';

export interface XiaozhiMqttSettings {
  /** Embedded broker port (0 = any free port). */
  mqttPort: number;
  /** True when mqttPort is the default: another free port is taken if it is busy. */
  mqttPortIsDefault: boolean;
  /** An external broker (mqtt://user:password@host:port) instead of the embedded one. */
  mqttUrl: string | null;
  /** UDP audio port (0 = any free port). */
  udpPort: number;
  /** True when udpPort is the default: another free port is taken if it is busy. */
  udpPortIsDefault: boolean;
  /** Address to bind the broker and UDP socket to. */
  host: string;
}

export interface XiaozhiMqttDeps {
  db: HearthDatabase;
  toys: MqttToyDirectory;
  sessions: XiaozhiSessions;
  log: BusLog;
  /** Seconds of silence before a session is closed (tests shorten it). */
  idleTimeoutMs?: number;
}

export interface XiaozhiMqtt {
  bootstrap: MqttBootstrap;
  /** The toy lost MQTT access (deleted, transport switched): its session and connection end now. */
  revoke(deviceId: string, reason: string): void;
  /** revoke, but only when the toy is no longer allowed on MQTT (call after any change to a toy). */
  revokeIfNotAllowed(deviceId: string, reason: string): void;
  readonly brokerPort: number;
  readonly udpPort: number;
  readonly control: ToyControl;
  readonly udp: UdpAudioServer;
  close(): Promise<void>;
}

function bindAddressForToys(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host;
  return lanIPv4Addresses()[0] ?? '127.0.0.1';
}

export async function startXiaozhiMqtt(settings: XiaozhiMqttSettings, deps: XiaozhiMqttDeps): Promise<XiaozhiMqtt> {
  const credentials = new ToyMqttCredentials(deps.db, deps.toys);
  const udpLog = (message: string, extra: Record<string, unknown>) => deps.log('warn', message, extra);
  const udp = await UdpAudioServer.listen(settings.udpPort, settings.host, udpLog).catch(async (error: unknown) => {
    if (!(settings.udpPortIsDefault && error instanceof Error && 'code' in error && error.code === 'EADDRINUSE'))
      throw error;
    const fallback = await UdpAudioServer.listen(0, settings.host, udpLog);
    deps.log(
      'warn',
      `xiaozhi UDP: port ${settings.udpPort} is taken, toy audio uses ${fallback.port} (each hello names it)`,
    );
    return fallback;
  });
  let bus: ToyControlBus;
  let brokerHost: string | null = null;
  try {
    if (settings.mqttUrl) {
      const external = await ExternalToyBroker.connect(settings.mqttUrl, deps.log);
      bus = external;
      brokerHost = external.hostForToys;
    } else {
      bus = await EmbeddedToyBroker.start({
        port: settings.mqttPort,
        host: settings.host,
        fallbackToFreePort: settings.mqttPortIsDefault,
        credentials,
        log: deps.log,
      });
    }
  } catch (error) {
    await udp.close();
    throw error;
  }
  const hosts = new Map<string, string>();
  const control = new ToyControl({
    bus,
    udp,
    sessions: deps.sessions,
    // Where the toy reached this machine (UDP goes to Hearth, not to an external broker): its MQTT
    // connection's local address (embedded broker), else the host of its last OTA check (unknown
    // after a restart if the toy only reconnected), else the bind address or the first LAN address.
    udpHost: (mac) => bus.localAddressFor(mac) ?? hosts.get(mac) ?? bindAddressForToys(settings.host),
    log: deps.log,
    ...(deps.idleTimeoutMs !== undefined ? { idleTimeoutMs: deps.idleTimeoutMs } : {}),
  });
  const bootstrap = createMqttBootstrap({
    credentials,
    brokerHost,
    brokerPort: bus.port,
    rememberHost: (mac, host) => {
      hosts.set(mac, host);
      if (bus instanceof ExternalToyBroker) bus.provision(credentials.issue(mac));
    },
  });
  return {
    bootstrap,
    revoke(deviceId, reason) {
      const mac = macOf(deviceId);
      if (mac) control.revoke(mac, reason);
    },
    revokeIfNotAllowed(deviceId, reason) {
      const mac = macOf(deviceId);
      if (mac && !credentials.issue(mac)) control.revoke(mac, reason);
    },
    brokerPort: bus.port,
    udpPort: udp.port,
    control,
    udp,
    async close() {
      control.closeAll('Hearth is stopping');
      await bus.close();
      await udp.close();
    },
  };
}
