// A spoken turn from a simulated stock toy over MQTT + UDP, end to end through the real Hearth
// server and its real xiaozhi sessions: once through the embedded broker, once through a real
// Mosquitto the server joins with --mqtt-url. The toy pairs by its code, the parent switches it to
// MQTT, its next OTA check gets the mqtt block; it speaks flite audio as real-time 60 ms Opus; the
// server's contract Whisper hears "Tell me a story."; the LLM is a local OpenAI-compatible test
// double (A's character LLM). Deleting the toy then ends its session and its broker connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispose } from '@livekit/rtc-node';
import { WHISPER_SPEECH_PHRASE } from '../../../scripts/contract-models/whisper.ts';
import { builtinPersona, CHILD_COMPANION_ID, type PersonaRecord } from '../../../src/core/personas/index.ts';
import { rmsOf } from '../../../server/agent/resampler.ts';
import { checkVersion, XiaozhiToy } from '../../../server/toys/simulator/xiaozhi-toy.ts';
import { openMqttUdpLink } from '../../../server/toys/simulator/mqtt-udp-link.ts';
import { FirmwareMqttClient, parseOtaMqttBlock } from '../../../server/toys/xiaozhi/mqtt/firmware-mqtt-client.ts';
import { startToyServer, type ToyServer } from '../agent/toy-server.ts';
import { startCharacterLlm, type CharacterLlm } from '../xiaozhi/character-llm.ts';
import { api, otaUrlOf, pairToy } from '../xiaozhi/xiaozhi-harness.ts';
import { mosquittoMissing, startMosquitto, type RunningMosquitto } from './mosquitto.ts';

const OWL = {
  name: 'Olive Owl',
  prompt: 'You are Olive Owl, a wise night bird.',
  answer: 'Hoot hoot! Olive the owl is listening to you tonight, my little friend, under the bright round moon.',
} as const;

function owlPersona(): PersonaRecord {
  const companion = builtinPersona(CHILD_COMPANION_ID)!;
  return {
    ...companion,
    id: 'custom-owl',
    name: OWL.name,
    systemPrompt: OWL.prompt,
    voice: 'slt',
    allowedTools: ['get_time'],
    builtIn: false,
  };
}

const turnTypes = (toy: XiaozhiToy, since: number) =>
  toy.messages
    .filter((m) => m.atMs >= since && (m.message.type === 'stt' || m.message.type === 'tts'))
    .map((m) => (m.message.type === 'tts' ? `tts ${String(m.message.state)}` : 'stt'));

function turnOverMqtt(broker: 'embedded' | 'mosquitto') {
  let server: ToyServer;
  let llm: CharacterLlm;
  let mosquitto: RunningMosquitto | null = null;
  const lines: string[] = [];
  const context = () => `\ntoy:\n${lines.join('\n')}\nserver:\n${server.server.output().slice(-4000)}`;

  beforeAll(async () => {
    llm = await startCharacterLlm([OWL]);
    if (broker === 'mosquitto') mosquitto = await startMosquitto();
    const mqttArgs = mosquitto ? ['--mqtt-url', mosquitto.url] : ['--mqtt-port', '0'];
    server = await startToyServer({
      args: ['--llm-url', llm.url, '--llm-model', 'test-model', ...mqttArgs, '--xiaozhi-udp-port', '0'],
    });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    await llm?.close();
    await mosquitto?.stop();
    await dispose();
  }, 60_000);

  it('answers a spoken turn over MQTT + UDP (stt, tts start, sentence_start, tts stop; audible Opus), and deleting the toy ends it', async () => {
    const url = server.server.url;
    const paired = await pairToy(url, server.householdKey, { name: 'Owl', persona: owlPersona() });
    const switched = await api(url, server.householdKey, 'PATCH', `/api/devices/${paired.device.id}`, {
      transport: 'xiaozhi-mqtt',
    });
    expect(switched.status).toBe(200);
    expect(switched.json).toMatchObject({ transport: 'xiaozhi-mqtt' });
    const ota = await checkVersion(otaUrlOf(url), paired.identity);
    expect(ota.answer.websocket).toBeUndefined();
    const block = parseOtaMqttBlock(ota.answer.mqtt);
    // Mosquitto cannot deliver to a client that did not subscribe: that toy subscribes, as firmware before 2025 did.
    const link = await openMqttUdpLink(otaUrlOf(url), paired.identity, {
      subscribe: broker === 'mosquitto',
      connectAttempts: 20,
    });
    const toy = new XiaozhiToy(link, { mode: 'auto', mcp: true, print: (line) => lines.push(line) });
    try {
      const hello = await toy.hello();
      expect(hello).toMatchObject({ transport: 'udp', udp: { server: '127.0.0.1' } });
      await toy.waitForMessage('the companion to be ready', (m) => m.type === 'llm' && m.emotion === 'happy', 120_000);
      toy.startListening();
      const said = await toy.say('Tell me a story please.');
      const stop = await toy.waitForMessage(
        'tts stop',
        (m) => m.type === 'tts' && m.state === 'stop',
        90_000,
        said.startedAt,
      );
      const order = turnTypes(toy, said.startedAt);
      expect(order[0]).toBe('stt');
      expect(order.slice(1, 3)).toEqual(['tts start', 'tts sentence_start']);
      expect(order.at(-1)).toBe('tts stop');
      expect(toy.received('stt', said.startedAt)[0]?.message.text).toBe(WHISPER_SPEECH_PHRASE.trim());
      const sentences = toy
        .received('tts', said.startedAt)
        .filter((m) => m.message.state === 'sentence_start')
        .map((m) => m.message.text);
      expect(sentences.join(' ')).toBe(OWL.answer);
      // UDP and MQTT are separate paths: wait for the reply audio itself, then judge it.
      await toy.waitUntil('the reply audio', () => toy.heard.audibleFrames(said.startedAt) > 10, 30_000);
      const reply = toy.heard.pcm(said.startedAt);
      expect(reply.samples.length / reply.sampleRate).toBeGreaterThan(1);
      expect(rmsOf(reply.samples)).toBeGreaterThan(0.02);
      expect(stop.atMs).toBeGreaterThan(said.startedAt);
      const device = await api(url, server.householdKey, 'GET', `/api/devices/${paired.device.id}`);
      expect(device.json).toMatchObject({ transport: 'xiaozhi-mqtt', online: true });

      // Deleting the toy: its session ends with a goodbye, its broker connection goes, it is refused.
      const deleted = await api(url, server.householdKey, 'DELETE', `/api/devices/${paired.device.id}`);
      expect(deleted.status).toBeLessThan(300);
      await toy.waitUntil('the session to end', () => toy.closeReason !== null, 30_000);
      await new Promise<void>((resolve) =>
        link.client.mqtt.connected ? link.client.mqtt.once('close', () => resolve()) : resolve(),
      );
      await expect(FirmwareMqttClient.connect(block)).rejects.toThrow(/Not authorized|Bad username/i);
    } catch (error) {
      throw new Error(`${String(error)}${context()}`, { cause: error });
    } finally {
      toy.close();
    }
  }, 240_000);
}

describe('xiaozhi toy over MQTT + UDP through the embedded broker (real server and sessions)', () =>
  turnOverMqtt('embedded'));

const missing = mosquittoMissing();
if (missing) console.warn(`xiaozhi Mosquitto turn skipped: ${missing}`);
describe.skipIf(missing !== null)(
  'xiaozhi toy over MQTT + UDP through a real Mosquitto (real server and sessions)',
  () => turnOverMqtt('mosquitto'),
);
