// Shared setup for the MQTT + UDP transport tests: an in-memory database, a directory of MQTT toys
// (a double of the toy_transports table: which MACs are MQTT toys, at which credential generation),
// the transport on free ports, and helpers that act as a toy or wait for things to arrive.
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { startXiaozhiMqtt, type XiaozhiMqtt } from '../../../server/toys/xiaozhi/mqtt/xiaozhi-mqtt.ts';
import type { MqttToyDirectory } from '../../../server/toys/xiaozhi/mqtt/toy-mqtt-identity.ts';
import { parseOtaMqttBlock, type OtaMqttBlock } from '../../../server/toys/xiaozhi/mqtt/firmware-mqtt-client.ts';
import { OpusEncoder } from '../../../server/toys/xiaozhi/opus-codec.ts';
import { ScriptedSessionsDouble } from './sessions-double.ts';

/** Double of the toy transport table: MAC → credential generation for toys on MQTT. */
export class MqttToyDirectoryDouble implements MqttToyDirectory {
  readonly toys = new Map<string, number>();
  mqttGeneration(mac: string): number | null {
    return this.toys.get(mac) ?? null;
  }
}

export interface LogLine {
  level: string;
  message: string;
  extra: Record<string, unknown> | undefined;
}

export interface TransportFixture {
  db: HearthDatabase;
  directory: MqttToyDirectoryDouble;
  sessions: ScriptedSessionsDouble;
  transport: XiaozhiMqtt;
  logs: LogLine[];
  block(mac: string): OtaMqttBlock;
  close(): Promise<void>;
}

export async function startTransport(
  options: { mqttUrl?: string; idleTimeoutMs?: number } = {},
): Promise<TransportFixture> {
  const db = openDatabase(':memory:');
  const directory = new MqttToyDirectoryDouble();
  const sessions = new ScriptedSessionsDouble();
  const logs: LogLine[] = [];
  const transport = await startXiaozhiMqtt(
    {
      mqttPort: 0,
      mqttPortIsDefault: false,
      mqttUrl: options.mqttUrl ?? null,
      udpPort: 0,
      udpPortIsDefault: false,
      host: '127.0.0.1',
    },
    {
      db,
      toys: directory,
      sessions,
      log: (level, message, extra) => logs.push({ level, message, extra }),
      ...(options.idleTimeoutMs ? { idleTimeoutMs: options.idleTimeoutMs } : {}),
    },
  );
  return {
    db,
    directory,
    sessions,
    transport,
    logs,
    block(mac) {
      return parseOtaMqttBlock(transport.bootstrap(mac, '127.0.0.1:8787'));
    },
    async close() {
      await transport.close();
      db.close();
    },
  };
}

/** Resolves when `predicate` holds, checking whenever `subscribe` says something happened. */
export function until<T>(subscribe: (notify: () => void) => void, predicate: () => T | undefined | false): Promise<T> {
  return new Promise((resolve) => {
    const check = () => {
      const value = predicate();
      if (value !== undefined && value !== false) resolve(value);
    };
    subscribe(check);
    check();
  });
}

/** Real 16 kHz 60 ms Opus frames of a tone, as a toy's mic would send. */
export function micFrames(count: number): Uint8Array[] {
  const encoder = new OpusEncoder(16000, 60);
  const frames: Uint8Array[] = [];
  for (let f = 0; f < count; f++) {
    const pcm = new Float32Array(encoder.frameSamples);
    for (let i = 0; i < pcm.length; i++) pcm[i] = 0.3 * Math.sin((2 * Math.PI * 300 * (f * pcm.length + i)) / 16000);
    frames.push(encoder.encode(pcm));
  }
  encoder.release();
  return frames;
}
