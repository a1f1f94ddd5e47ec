// The OTA answer's `mqtt` block for a toy whose parent chose MQTT (contract item 4): where the
// broker is, as seen from the toy (the host it reached Hearth's OTA at), and the toy's own
// credentials and topics. `subscribe_topic` is for firmware older than 2025, which subscribed to
// it; current firmware takes what the broker delivers and ignores it.
import type { ToyMqttCredentials } from './toy-mqtt-identity.ts';

/** The firmware's default MQTT keepalive (seconds). */
export const KEEPALIVE_S = 240;

export type MqttBootstrap = (deviceId: string, requestHost: string) => Record<string, unknown> | null;

export interface MqttBootstrapOptions {
  credentials: ToyMqttCredentials;
  /** The broker's host and port for toys: a fixed host (external broker) or null for "the host the toy asked". */
  brokerHost: string | null;
  brokerPort: number;
  /** Remembers the host each toy reached Hearth at, for the UDP address in its hello. */
  rememberHost: (mac: string, host: string) => void;
}

/** "aa-bb-cc-dd-ee-ff", "AA:BB:…" or "aabbccddeeff" → "aa:bb:cc:dd:ee:ff"; null when not a MAC. */
export function macOf(deviceId: string): string | null {
  const hex = deviceId.trim().toLowerCase().replace(/[:-]/g, '');
  return /^[0-9a-f]{12}$/.test(hex) ? hex.match(/../g)!.join(':') : null;
}

/** "192.168.1.5:8787" → "192.168.1.5", "[fe80::1]:8787" → "fe80::1", "hearth.lan" → "hearth.lan". */
export function hostOnly(requestHost: string): string {
  const value = requestHost.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  const colons = value.split(':').length - 1;
  return colons === 1 ? value.slice(0, value.indexOf(':')) : value;
}

export function createMqttBootstrap(options: MqttBootstrapOptions): MqttBootstrap {
  return (deviceId, requestHost) => {
    const mac = macOf(deviceId);
    if (!mac) return null;
    const identity = options.credentials.issue(mac);
    if (!identity) return null;
    const host = hostOnly(requestHost);
    options.rememberHost(mac, host);
    const brokerHost = options.brokerHost ?? host;
    // The firmware splits the endpoint at the first ':' and assumes TLS on 8883 without a port.
    const endpointHost = brokerHost.includes(':') ? `[${brokerHost}]` : brokerHost;
    return {
      endpoint: `${endpointHost}:${options.brokerPort}`,
      client_id: identity.clientId,
      username: identity.username,
      password: identity.password,
      keepalive: KEEPALIVE_S,
      publish_topic: identity.publishTopic,
      subscribe_topic: identity.replyTopic,
    };
  };
}
