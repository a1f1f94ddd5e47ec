// An external broker (Mosquitto, EMQX) named by --mqtt-url: Hearth joins it as a client with its
// own credentials, reads every toy's up topic and publishes replies on each toy's reply topic. The
// broker authenticates toys and enforces who may use which topic. On Mosquitto 2 with its dynamic
// security plugin, Hearth keeps each toy's client and role there itself (created at the toy's OTA
// check, deleted, which disconnects it, when the toy loses access); any other broker needs the toys'
// credentials and ACLs set up by hand (the username is the topic name, see toy-mqtt-identity.ts).
import mqtt, { type MqttClient } from 'mqtt';
import type { BusLog, ToyControlBus } from './toy-control-bus.ts';
import {
  ALL_UP_TOPICS,
  macOfUpTopic,
  mqttName,
  replyTopic,
  upTopic,
  type ToyMqttIdentity,
} from './toy-mqtt-identity.ts';

const DYNSEC_TOPIC = '$CONTROL/dynamic-security/v1';

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '::1' || host === '[::1]';
}

export class ExternalToyBroker implements ToyControlBus {
  private readonly messageListeners: Array<(mac: string, payload: Buffer) => void> = [];
  /** Toy passwords already set in the broker's dynamic security, so an OTA check changes nothing twice. */
  private readonly provisioned = new Map<string, string>();
  private dynsecWarned = false;

  private constructor(
    private readonly client: MqttClient,
    readonly port: number,
    /** Where toys find the broker; null when it is on Hearth's own machine (then: where they found Hearth). */
    readonly hostForToys: string | null,
    private readonly log: BusLog,
  ) {
    client.on('message', (topic, payload) => {
      if (topic.startsWith(`${DYNSEC_TOPIC}/response`)) return this.dynsecAnswer(payload);
      const mac = macOfUpTopic(topic);
      if (!mac) return;
      for (const listener of this.messageListeners) listener(mac, payload);
    });
  }

  static async connect(url: string, log: BusLog): Promise<ExternalToyBroker> {
    const parsed = new URL(url);
    if (parsed.protocol !== 'mqtt:' && parsed.protocol !== 'mqtts:')
      throw new Error(`--mqtt-url must start with mqtt:// or mqtts://, not ${parsed.protocol}//`);
    const port = Number(parsed.port || (parsed.protocol === 'mqtts:' ? 8883 : 1883));
    const client = await mqtt.connectAsync({
      protocol: parsed.protocol === 'mqtts:' ? 'mqtts' : 'mqtt',
      host: parsed.hostname.replace(/^\[|\]$/g, ''),
      port,
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      clientId: `hearth-server-${process.pid}`,
      clean: true,
      reconnectPeriod: 2000,
      connectTimeout: 10_000,
    });
    client.on('error', (error) => log('warn', 'xiaozhi MQTT: external broker error', { error: error.message }));
    client.on('reconnect', () => log('warn', 'xiaozhi MQTT: reconnecting to the external broker'));
    await client.subscribeAsync([ALL_UP_TOPICS, `${DYNSEC_TOPIC}/response`], { qos: 0 });
    return new ExternalToyBroker(client, port, isLoopback(parsed.hostname) ? null : parsed.hostname, log);
  }

  onToyMessage(listener: (mac: string, payload: Buffer) => void): void {
    this.messageListeners.push(listener);
  }

  onToyGone(): void {
    // An external broker does not tell its clients who left; the idle timeout ends such sessions.
  }

  localAddressFor(): string | null {
    return null; // the toy's connection ends at the broker, not here
  }

  publishToToy(mac: string, message: Record<string, unknown>): void {
    this.client.publish(replyTopic(mac), JSON.stringify(message), { qos: 0 });
  }

  /** Creates or updates the toy's client and role in Mosquitto's dynamic security (no-op when unchanged). */
  provision(identity: ToyMqttIdentity | null): void {
    if (!identity || this.provisioned.get(identity.mac) === identity.password) return;
    this.provisioned.set(identity.mac, identity.password);
    const rolename = `hearth-toy-${mqttName(identity.mac)}`;
    this.dynsec([
      {
        command: 'createRole',
        rolename,
        acls: [
          { acltype: 'publishClientSend', topic: upTopic(identity.mac), priority: 0, allow: true },
          { acltype: 'publishClientReceive', topic: replyTopic(identity.mac), priority: 0, allow: true },
          { acltype: 'subscribeLiteral', topic: replyTopic(identity.mac), priority: 0, allow: true },
        ],
      },
      {
        command: 'createClient',
        username: identity.username,
        password: identity.password,
        clientid: identity.clientId,
        roles: [{ rolename }],
      },
      // An existing client (an earlier generation) gets the current password and client id.
      {
        command: 'modifyClient',
        username: identity.username,
        password: identity.password,
        clientid: identity.clientId,
        roles: [{ rolename }],
      },
    ]);
  }

  kick(mac: string): void {
    this.provisioned.delete(mac);
    // Deleting the client in dynamic security disconnects it at once and refuses it from then on.
    this.dynsec([{ command: 'deleteClient', username: mqttName(mac) }]);
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }

  private dynsec(commands: Array<Record<string, unknown>>): void {
    this.client.publish(DYNSEC_TOPIC, JSON.stringify({ commands }), { qos: 1 });
  }

  private dynsecAnswer(payload: Buffer): void {
    let answer: { responses?: Array<{ command?: string; error?: string }> };
    try {
      answer = JSON.parse(payload.toString('utf8'));
    } catch {
      return;
    }
    for (const response of answer.responses ?? []) {
      // "already exists" is the normal answer to the create commands of an idempotent provision.
      if (!response.error || /already exists/i.test(response.error)) continue;
      if (this.dynsecWarned) continue;
      this.dynsecWarned = true;
      this.log(
        'warn',
        "xiaozhi MQTT: the external broker refused a dynamic-security command; set the toys' credentials up in the broker by hand",
        { command: response.command, error: response.error },
      );
    }
  }
}
