// Who a toy is on MQTT. Each toy gets its own client id, username, password and two topics: it may
// publish only to its own "up" topic and read only its own "down" topic. The username is the MAC
// with '_' (MQTT topic- and ACL-safe), so a broker's ACL can say `pattern write hearth/toys/%u/up`.
//
// The password is an HMAC of the toy's MAC and its credential generation under a key kept in the
// settings table: the OTA check hands out the same password at every boot without storing it, and
// deleting the toy, switching its transport or rotating it (a new generation) revokes it at once.
import crypto from 'node:crypto';
import type { HearthDatabase } from '../../../db/database.ts';
import { SettingsRepository } from '../../../db/settings.ts';

const KEY_SETTING = 'xiaozhi.mqtt-key';
const NAME = /^[0-9a-f]{2}(?:_[0-9a-f]{2}){5}$/;

/** Which toys may use MQTT now: the generation of a toy's MQTT credential, null for any other toy. */
export interface MqttToyDirectory {
  mqttGeneration(mac: string): number | null;
}

export interface ToyMqttIdentity {
  mac: string;
  clientId: string;
  username: string;
  password: string;
  publishTopic: string;
  replyTopic: string;
}

/** "aa:bb:cc:dd:ee:ff" → "aa_bb_cc_dd_ee_ff". */
export function mqttName(mac: string): string {
  return mac.toLowerCase().replace(/[:-]/g, '_');
}

/** "aa_bb_cc_dd_ee_ff" → "aa:bb:cc:dd:ee:ff"; null for anything else. */
export function macOfMqttName(name: string): string | null {
  return NAME.test(name) ? name.replace(/_/g, ':') : null;
}

export const TOPIC_ROOT = 'hearth/toys';
export const upTopic = (mac: string) => `${TOPIC_ROOT}/${mqttName(mac)}/up`;
export const replyTopic = (mac: string) => `${TOPIC_ROOT}/${mqttName(mac)}/down`;
/** What Hearth subscribes to on an external broker. */
export const ALL_UP_TOPICS = `${TOPIC_ROOT}/+/up`;

/** The toy's MAC from a topic Hearth reads, or null for any other topic. */
export function macOfUpTopic(topic: string): string | null {
  const parts = topic.split('/');
  if (parts.length !== 4 || `${parts[0]}/${parts[1]}` !== TOPIC_ROOT || parts[3] !== 'up') return null;
  return macOfMqttName(parts[2]!);
}

export class ToyMqttCredentials {
  private readonly key: Buffer;

  constructor(
    db: HearthDatabase,
    private readonly toys: MqttToyDirectory,
  ) {
    const settings = new SettingsRepository(db);
    let key = settings.get<string>(KEY_SETTING);
    if (typeof key !== 'string' || key.length < 43) {
      key = crypto.randomBytes(32).toString('base64url');
      settings.set(KEY_SETTING, key);
    }
    this.key = Buffer.from(key, 'base64url');
  }

  /** The toy's MQTT identity, or null when it is not (or no longer) an MQTT toy. */
  issue(mac: string): ToyMqttIdentity | null {
    const generation = this.toys.mqttGeneration(mac);
    if (generation === null) return null;
    const name = mqttName(mac);
    return {
      mac,
      clientId: `hearth-toy-${name}`,
      username: name,
      password: this.password(mac, generation),
      publishTopic: upTopic(mac),
      replyTopic: replyTopic(mac),
    };
  }

  /** The toy these credentials belong to (checked against the current generation), or null. */
  verify(clientId: string, username: string | undefined, password: Buffer | undefined): string | null {
    const mac = username ? macOfMqttName(username) : null;
    if (!mac || !password) return null;
    const identity = this.issue(mac);
    if (!identity || identity.clientId !== clientId) return null;
    const expected = Buffer.from(identity.password);
    return expected.length === password.length && crypto.timingSafeEqual(expected, password) ? mac : null;
  }

  private password(mac: string, generation: number): string {
    return crypto.createHmac('sha256', this.key).update(`mqtt:${mac}:${generation}`).digest('base64url');
  }
}
