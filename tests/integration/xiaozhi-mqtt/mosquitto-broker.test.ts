// MQTT + UDP through a real Mosquitto that Hearth joins with --mqtt-url: Hearth keeps each toy's
// client and ACL role in Mosquitto's dynamic security, Mosquitto refuses other credentials and other
// toys' topics, and deleting the toy in Hearth disconnects it there. The toy here subscribes to its
// subscribe_topic (as firmware before 2025 did): Mosquitto cannot deliver to a client that did not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { FirmwareMqttClient } from '../../../server/toys/xiaozhi/mqtt/firmware-mqtt-client.ts';
import { OpusDecoder } from '../../../server/toys/xiaozhi/opus-codec.ts';
import { micFrames, startTransport, until, type TransportFixture } from './transport-fixture.ts';
import { mosquittoMissing, startMosquitto, type RunningMosquitto } from './mosquitto.ts';

const missing = mosquittoMissing();
if (missing) console.warn(`xiaozhi Mosquitto tests skipped: ${missing}`);

const TOY = 'aa:bb:cc:00:01:01';
const OTHER = 'aa:bb:cc:00:01:02';

describe.skipIf(missing !== null)('xiaozhi MQTT + UDP through a real Mosquitto', () => {
  let broker: RunningMosquitto;
  let fx: TransportFixture;

  beforeAll(async () => {
    broker = await startMosquitto();
    fx = await startTransport({ mqttUrl: broker.url });
    fx.directory.toys.set(TOY, 0);
    fx.directory.toys.set(OTHER, 0);
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
    await broker?.stop();
  });

  it('runs a turn over Mosquitto and UDP with the credentials Hearth provisioned', async () => {
    const block = fx.block(TOY);
    expect(block.endpoint).toBe(`127.0.0.1:${broker.port}`);
    // Provisioning goes to Mosquitto as the OTA answer goes to the toy; the toy retries like the firmware.
    const client = await FirmwareMqttClient.connect(block, { subscribe: true, connectAttempts: 20 });
    try {
      const json: Array<Record<string, unknown>> = [];
      const reply: Buffer[] = [];
      let changed = () => {};
      client.onJson((message) => {
        json.push(message);
        changed();
      });
      client.onOpus((packet) => {
        reply.push(packet);
        changed();
      });
      const hello = await client.openAudioChannel();
      expect(hello.udp.port).toBe(fx.transport.udpPort);
      const channel = fx.sessions.channels.at(-1)!;
      await client.sendJson({ type: 'listen', state: 'start', mode: 'auto' });
      micFrames(8).forEach((frame, i) => client.sendOpus(frame, i * 60));
      await until(
        (notify) => channel.onOpus(notify),
        () => fx.sessions.uplinkPackets.get(channel) === 8,
      );
      await client.sendJson({ type: 'listen', state: 'stop' });
      await until(
        (notify) => (changed = notify),
        () => reply.length === 10 && json.some((m) => m.type === 'tts' && m.state === 'stop'),
      );
      expect(json.map((m) => `${String(m.type)}${m.state ? ` ${String(m.state)}` : ''}`)).toEqual([
        'stt',
        'tts start',
        'tts sentence_start',
        'tts stop',
      ]);
      const decoder = new OpusDecoder(24000);
      const pcm = reply.flatMap((packet) => [...decoder.decode(packet)]);
      decoder.release();
      expect(Math.sqrt(pcm.reduce((sum, s) => sum + s * s, 0) / pcm.length)).toBeGreaterThan(0.1);
    } finally {
      await client.disconnect();
    }
  });

  it("Mosquitto refuses a wrong password and another toy's topic", async () => {
    const mine = fx.block(TOY);
    const other = fx.block(OTHER);
    const url = `mqtt://127.0.0.1:${broker.port}`;
    await expect(
      mqtt.connectAsync(url, {
        clientId: mine.client_id,
        username: mine.username,
        password: 'not-it',
        reconnectPeriod: 0,
      }),
    ).rejects.toThrow(/Not authorized|Bad username/i);
    const client = await FirmwareMqttClient.connect(mine, { subscribe: true, connectAttempts: 20 });
    try {
      const attached: string[] = [];
      const realAttach = fx.sessions.attach.bind(fx.sessions);
      fx.sessions.attach = (channel) => {
        attached.push(channel.deviceId);
        realAttach(channel);
      };
      // Mosquitto drops a publish the ACL refuses without telling the client (MQTT 3.1.1).
      await client.mqtt.publishAsync(
        other.publish_topic,
        JSON.stringify({ type: 'hello', transport: 'udp', audio_params: { frame_duration: 60 } }),
      );
      await expect(client.mqtt.subscribeAsync(other.subscribe_topic!)).rejects.toThrow(/Subscribe error/);
      // Its own hello after that is answered; messages on one connection arrive in order, so the
      // forged one would have been handled first had Mosquitto let it through.
      await client.openAudioChannel();
      expect(attached).toEqual([TOY]);
      fx.sessions.attach = realAttach;
    } finally {
      await client.disconnect();
    }
  });

  it('deleting the toy in Hearth deletes its Mosquitto client, which disconnects it and refuses it', async () => {
    const block = fx.block(OTHER);
    const client = await FirmwareMqttClient.connect(block, { subscribe: true, connectAttempts: 20 });
    const disconnected = new Promise<void>((resolve) => client.mqtt.once('close', () => resolve()));
    fx.directory.toys.delete(OTHER);
    fx.transport.revoke(OTHER, 'the toy was deleted');
    await disconnected;
    await expect(FirmwareMqttClient.connect(block)).rejects.toThrow(/Not authorized|Bad username/i);
    await client.disconnect().catch(() => {});
  });
});
