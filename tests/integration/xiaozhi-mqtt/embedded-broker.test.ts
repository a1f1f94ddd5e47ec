// MQTT + UDP through Hearth's embedded broker, with a client that behaves as the stock firmware
// (no subscription, hello over MQTT, AES-CTR Opus over UDP) and a double of the conversation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import net from 'node:net';
import mqtt from 'mqtt';
import { FirmwareMqttClient } from '../../../server/toys/xiaozhi/mqtt/firmware-mqtt-client.ts';
import { openPacket, readHeader, sealPacket } from '../../../server/toys/xiaozhi/mqtt/udp-packet.ts';
import { looksLikeOpusFrame } from '../../../server/toys/xiaozhi/mqtt/opus-packet-shape.ts';
import { OpusDecoder } from '../../../server/toys/xiaozhi/opus-codec.ts';
import { micFrames, startTransport, until, type TransportFixture } from './transport-fixture.ts';

const TOY = 'aa:bb:cc:00:00:01';
const OTHER = 'aa:bb:cc:00:00:02';

describe('xiaozhi MQTT + UDP through the embedded broker', () => {
  let fx: TransportFixture;
  const clients: FirmwareMqttClient[] = [];

  beforeEach(async () => {
    fx = await startTransport();
    fx.directory.toys.set(TOY, 0);
    fx.directory.toys.set(OTHER, 0);
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.disconnect().catch(() => {});
    await fx.close();
  });

  async function toy(mac = TOY): Promise<FirmwareMqttClient> {
    const client = await FirmwareMqttClient.connect(fx.block(mac));
    clients.push(client);
    return client;
  }

  /**
   * A packet sealed with a wrong key. It decrypts to noise, which passes the server's Opus shape check a few
   * times in a hundred (the unit test counts it), so pick a wrong key whose noise fails it: that drop is
   * then certain rather than likely.
   */
  function wrongKeyPacket(key: Buffer, nonce: Buffer, frame: Uint8Array, sequence: number): Buffer {
    for (let i = 0; ; i++) {
      const wrongKey = crypto.createHash('sha256').update(`wrong key ${i}`).digest().subarray(0, 16);
      const packet = sealPacket(wrongKey, nonce, frame, 60, sequence);
      if (!looksLikeOpusFrame(openPacket(key, packet), 60)) return packet;
    }
  }

  it('hands out per-toy credentials and topics in the OTA block, and none for a toy that is not on MQTT', () => {
    const block = fx.block(TOY);
    expect(block).toMatchObject({
      endpoint: `127.0.0.1:${fx.transport.brokerPort}`,
      username: 'aa_bb_cc_00_00_01',
      keepalive: 240,
      publish_topic: 'hearth/toys/aa_bb_cc_00_00_01/up',
      subscribe_topic: 'hearth/toys/aa_bb_cc_00_00_01/down',
    });
    expect(fx.block(OTHER).password).not.toBe(block.password);
    expect(fx.transport.bootstrap('aa-bb-cc-00-00-01', 'hearth.lan:8787')).toMatchObject({
      endpoint: `hearth.lan:${fx.transport.brokerPort}`,
    });
    expect(fx.transport.bootstrap('aa:bb:cc:00:00:09', 'hearth.lan')).toBeNull();
  });

  it('runs a turn: hello with udp key and nonce, mic Opus up, stt/tts in order and decodable reply Opus down', async () => {
    const client = await toy();
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
    expect(hello).toMatchObject({
      transport: 'udp',
      session_id: 'double-1',
      audio_params: { sample_rate: 24000 },
      udp: { server: '127.0.0.1', port: fx.transport.udpPort },
    });
    expect(hello.udp.key).toMatch(/^[0-9a-f]{32}$/);
    expect(hello.udp.nonce).toMatch(/^01000000[0-9a-f]{8}0{16}$/);
    const channel = fx.sessions.channels[0]!;
    expect(channel).toMatchObject({ transport: 'udp', deviceId: TOY });

    await client.sendJson({ type: 'listen', state: 'start', mode: 'auto' });
    const frames = micFrames(12);
    frames.forEach((frame, i) => client.sendOpus(frame, i * 60));
    await until(
      (notify) => channel.onOpus(notify),
      () => fx.sessions.uplinkPackets.get(channel) === 12,
    );
    await client.sendJson({ type: 'listen', state: 'stop' });

    await until(
      (notify) => (changed = notify),
      () => reply.length === 10 && json.some((m) => m.type === 'tts' && m.state === 'stop'),
    );
    expect(json.map((m) => (m.type === 'tts' ? `tts ${String(m.state)}` : String(m.type)))).toEqual([
      'stt',
      'tts start',
      'tts sentence_start',
      'tts stop',
    ]);
    expect(json[0]).toMatchObject({ text: 'heard 12 packets' });
    const decoder = new OpusDecoder(24000);
    const pcm = reply.flatMap((packet) => [...decoder.decode(packet)]);
    decoder.release();
    expect(pcm.length).toBe(10 * 1440);
    const rms = Math.sqrt(pcm.reduce((sum, s) => sum + s * s, 0) / pcm.length);
    expect(rms).toBeGreaterThan(0.1);
  });

  it('drops replayed, forged and wrong-key packets, with one log line per sender and reason', async () => {
    const client = await toy();
    await client.openAudioChannel();
    const channel = fx.sessions.channels[0]!;
    const frames = micFrames(4);
    const { key, nonce } = client.sessionKeys!;
    const first = sealPacket(key, nonce, frames[0]!, 0, 1);
    client.sendRaw(first);
    await until(
      (notify) => channel.onOpus(notify),
      () => fx.sessions.uplinkPackets.get(channel) === 1,
    );
    for (let i = 0; i < 5; i++) client.sendRaw(first); // replays
    for (let i = 0; i < 5; i++) client.sendRaw(wrongKeyPacket(key, nonce, frames[1]!, 2 + i));
    const otherNonce = Buffer.from(nonce);
    otherNonce[7] = otherNonce[7]! ^ 0xff; // another ssrc: no such session
    for (let i = 0; i < 5; i++) client.sendRaw(sealPacket(key, otherNonce, frames[1]!, 60, 2 + i));
    client.sendRaw(Buffer.from('garbage'));
    // A real packet after all that still gets through: nothing above moved the sequence window.
    client.sendRaw(sealPacket(key, nonce, frames[2]!, 120, 2));
    await until(
      (notify) => channel.onOpus(notify),
      () => fx.sessions.uplinkPackets.get(channel) === 2,
    );
    const dropped = fx.transport.udp.dropped;
    await until(
      (notify) => fx.transport.udp.onDrop(notify),
      () =>
        dropped.get('replayed') === 5 &&
        dropped.get('wrong-key') === 5 &&
        dropped.get('unknown-session') === 5 &&
        dropped.get('short') === 1,
    );
    const dropLines = fx.logs.filter((line) => line.message.startsWith('xiaozhi UDP packet dropped'));
    expect(dropLines.map((line) => line.extra?.reason).sort()).toEqual([
      'replayed',
      'short',
      'unknown-session',
      'wrong-key',
    ]);
    expect(readHeader(first)).toMatchObject({ sequence: 1 });
  });

  it("names the address the toy's MQTT connection reached as the UDP server, not a host name from an older OTA check", async () => {
    const viaName = fx.transport.bootstrap(TOY, 'hearth.lan:8787');
    expect(viaName).toMatchObject({ endpoint: `hearth.lan:${fx.transport.brokerPort}` });
    // The toy reaches the broker by address (as after a Hearth restart, without a new OTA check).
    const client = await FirmwareMqttClient.connect({
      ...fx.block(TOY),
      endpoint: `127.0.0.1:${fx.transport.brokerPort}`,
    });
    clients.push(client);
    fx.transport.bootstrap(TOY, 'hearth.lan:8787');
    expect((await client.openAudioChannel()).udp.server).toBe('127.0.0.1');
  });

  it("refuses wrong credentials, another toy's topic to publish on or to read, and a toy that is not on MQTT", async () => {
    const block = fx.block(TOY);
    const url = `mqtt://127.0.0.1:${fx.transport.brokerPort}`;
    await expect(
      mqtt.connectAsync(url, {
        clientId: block.client_id,
        username: block.username,
        password: 'not-it',
        reconnectPeriod: 0,
      }),
    ).rejects.toThrow(/Bad username or password/i);
    // The right password under another client id is refused too.
    await expect(
      mqtt.connectAsync(url, {
        clientId: 'someone-else',
        username: block.username,
        password: block.password,
        reconnectPeriod: 0,
      }),
    ).rejects.toThrow(/Bad username or password/i);
    const other = fx.block(OTHER);
    fx.directory.toys.delete(OTHER);
    await expect(
      mqtt.connectAsync(url, {
        clientId: other.client_id,
        username: other.username,
        password: other.password,
        reconnectPeriod: 0,
      }),
    ).rejects.toThrow(/Bad username or password/i);

    const intruder = await mqtt.connectAsync(url, {
      clientId: block.client_id,
      username: block.username,
      password: block.password,
      reconnectPeriod: 0,
    });
    // SUBACK 0x80 for another toy's reply topic (mqtt.js turns it into this error); the connection stays.
    await expect(intruder.subscribeAsync(other.subscribe_topic!)).rejects.toThrow(/Subscribe error/);
    expect((await intruder.subscribeAsync(block.subscribe_topic!))[0]?.qos).toBe(0);
    const closed = new Promise<void>((resolve) => intruder.once('close', () => resolve()));
    const heard: string[] = [];
    fx.sessions.attach = (channel) => heard.push(channel.deviceId);
    intruder.publish(other.publish_topic, JSON.stringify({ type: 'hello', transport: 'udp' }));
    await closed; // the broker drops a toy that publishes on another toy's topic
    expect(heard).toEqual([]);
    expect(fx.logs.some((line) => line.message.includes('may publish only to its own topic'))).toBe(true);
    await intruder.endAsync(true);
  });

  it('deleting the toy (or switching its transport) ends its session, disconnects it and refuses it from then on', async () => {
    const client = await toy();
    await client.openAudioChannel();
    const channel = fx.sessions.channels[0]!;
    const goodbye = new Promise<boolean>((resolve) => client.onAudioChannelClosed(resolve));
    const disconnected = new Promise<void>((resolve) => client.mqtt.once('close', () => resolve()));
    const closeReason = new Promise<string>((resolve) => channel.onClose(resolve));
    const block = fx.block(TOY);
    fx.directory.toys.delete(TOY);
    fx.transport.revoke('aa-bb-cc-00-00-01', 'the toy was deleted');
    expect(await closeReason).toBe('the toy was deleted');
    expect(await goodbye).toBe(true); // the server's goodbye named the session
    await disconnected;
    expect(fx.transport.control.liveToys()).toEqual([]);
    await expect(FirmwareMqttClient.connect(block)).rejects.toThrow(/Bad username or password/i);
    expect(fx.transport.bootstrap(TOY, '127.0.0.1')).toBeNull();
  });

  it('a new credential generation (transport switched back and forth) refuses the old password', async () => {
    const old = fx.block(TOY);
    fx.directory.toys.set(TOY, 1);
    await expect(FirmwareMqttClient.connect(old)).rejects.toThrow(/Bad username or password/i);
    const client = await toy();
    expect((await client.openAudioChannel()).transport).toBe('udp');
  });

  it("ends the session on the toy's goodbye, on a new hello, and when its MQTT connection goes", async () => {
    const client = await toy();
    await client.openAudioChannel();
    const first = fx.sessions.channels[0]!;
    const firstClosed = new Promise<string>((resolve) => first.onClose(resolve));
    await client.closeAudioChannel();
    expect(await firstClosed).toBe('the toy said goodbye');

    await client.openAudioChannel();
    const second = fx.sessions.channels[1]!;
    const secondClosed = new Promise<string>((resolve) => second.onClose(resolve));
    await client.openAudioChannel(); // the firmware opens a new channel without a goodbye after errors
    expect(await secondClosed).toBe('the toy opened a new session');

    const third = fx.sessions.channels[2]!;
    const thirdClosed = new Promise<string>((resolve) => third.onClose(resolve));
    await client.disconnect();
    expect(await thirdClosed).toBe("the toy's MQTT connection closed");
  });

  it('drops control messages before a hello and malformed JSON with one log line each', async () => {
    const client = await toy();
    const warned = () => fx.logs.filter((line) => line.level === 'warn').length;
    await client.sendJson({ type: 'listen', state: 'start' });
    await client.sendJson({ type: 'listen', state: 'stop' });
    await client.mqtt.publishAsync(fx.block(TOY).publish_topic, '{not json');
    await client.mqtt.publishAsync(fx.block(TOY).publish_topic, '{not json either');
    // A hello after them still works, so they have all been handled once it is answered.
    await client.openAudioChannel();
    expect(warned()).toBe(2);
    expect(fx.logs.map((line) => line.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('has no session'), expect.stringContaining('not JSON')]),
    );
  });
});

describe('xiaozhi MQTT packet-size cap', () => {
  it('drops a connection that announces an oversized packet before the broker buffers it, with one log line; another toy talks on', async () => {
    const fx = await startTransport();
    fx.directory.toys.set(TOY, 0);
    const client = await FirmwareMqttClient.connect(fx.block(TOY));
    try {
      // A PUBLISH whose header announces 200 MB (remaining length 0x8000000 in four 7-bit bytes), then
      // a first slice of it: without the cap the broker's parser would wait for, and hold, all of it.
      const socket = net.connect(fx.transport.brokerPort, '127.0.0.1');
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.on('error', () => undefined);
      socket.write(Buffer.concat([Buffer.from([0x30, 0x80, 0x80, 0x80, 0x64]), Buffer.alloc(4096, 0x41)]));
      await closed;
      const dropped = fx.logs.filter((line) => line.message.includes('a packet larger than the broker accepts'));
      expect(dropped).toHaveLength(1);
      expect(dropped[0]?.extra).toMatchObject({ announcedBytes: 200 * 1024 * 1024 });
      // The paired toy on its own connection is unaffected: its hello is answered.
      expect((await client.openAudioChannel()).transport).toBe('udp');
    } finally {
      await client.disconnect().catch(() => {});
      await fx.close();
    }
  });
});

describe('xiaozhi MQTT connection flood', () => {
  it('refuses a ninth open connection from one address with one log line, and serves toys again once they close', async () => {
    const fx = await startTransport();
    fx.directory.toys.set(TOY, 0);
    const open = (): Promise<net.Socket> =>
      new Promise((resolve, reject) => {
        const socket = net.connect(fx.transport.brokerPort, '127.0.0.1', () => resolve(socket));
        socket.once('error', reject);
      });
    const idle: net.Socket[] = [];
    try {
      for (let i = 0; i < 8; i++) idle.push(await open());
      const refused = await Promise.all([open(), open(), open()]);
      await Promise.all(
        refused.map(
          (socket) =>
            new Promise<void>((resolve) => (socket.closed ? resolve() : socket.once('close', () => resolve()))),
        ),
      );
      expect(
        fx.logs.filter((line) => line.message.startsWith('xiaozhi MQTT connection refused: 8 connections')).length,
      ).toBe(1);
    } finally {
      for (const socket of idle) socket.destroy();
    }
    try {
      // The broker frees the slots as it sees the idle sockets close; the toy retries like the firmware.
      const client = await FirmwareMqttClient.connect(fx.block(TOY), { connectAttempts: 20 });
      expect((await client.openAudioChannel()).transport).toBe('udp');
      await client.disconnect();
    } finally {
      await fx.close();
    }
  });
});

describe('xiaozhi MQTT + UDP idle timeout', () => {
  it('closes a session with no traffic either way, with a goodbye the firmware accepts', async () => {
    const fx = await startTransport({ idleTimeoutMs: 300 });
    fx.directory.toys.set(TOY, 0);
    const client = await FirmwareMqttClient.connect(fx.block(TOY));
    try {
      await client.openAudioChannel();
      const closedByServer = await new Promise<boolean>((resolve) => client.onAudioChannelClosed(resolve));
      expect(closedByServer).toBe(true);
      expect(fx.sessions.closeReasons).toEqual(['no traffic with the toy for too long']);
    } finally {
      await client.disconnect();
      await fx.close();
    }
  });
});
