// Stock xiaozhi toys talking to Hearth over the WebSocket transport, end to end through the real
// server: the simulated firmware (server/toys/simulator/) speaks flite audio as real-time 60 ms Opus
// frames; the server's contract Whisper hears "Tell me a story."; the LLM is a local
// OpenAI-compatible test double answering in character per persona (neither persona has the story
// tool, so the words reach the model). Covers: a spoken turn (stt, tts start, sentence_start,
// tts stop in order; the reply Opus decodes to non-silent audio), the toy's own MCP volume tool,
// abort, and a LiveKit toy and a xiaozhi toy talking at once with different personas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispose } from '@livekit/rtc-node';
import { ToyClient, waitUntil } from '../../../server/toys/simulator/livekit-toy.ts';
import { WHISPER_SPEECH_PHRASE } from '../../../scripts/contract-models/whisper.ts';
import { builtinPersona, CHILD_COMPANION_ID, type PersonaRecord } from '../../../src/core/personas/index.ts';
import { rmsOf } from '../../../server/agent/resampler.ts';
import type { XiaozhiToy } from '../../../server/toys/simulator/xiaozhi-toy.ts';
import { startToyServer, type ToyServer } from '../agent/toy-server.ts';
import { startCharacterLlm, type CharacterLlm } from './character-llm.ts';
import { api, connectToy, pairToy } from './xiaozhi-harness.ts';

const CHARACTERS = [
  {
    name: 'Pirate Pete',
    prompt: 'You are Pirate Pete, a jolly parrot.',
    answer: 'Squawk! Ahoy, matey, Pirate Pete here.',
  },
  { name: 'Daisy Cow', prompt: 'You are Daisy Cow, a calm farm cow.', answer: 'Moo! Daisy the cow says hello.' },
  {
    name: 'Long Larry',
    prompt: 'You are Long Larry, who tells long tales.',
    answer:
      'Once upon a time a small fox lived at the edge of a great green wood. Every morning the fox walked down to the river to drink. One day the fox met a wise old owl who knew every path in the forest. The owl told the fox about a hidden garden full of berries. The fox thanked the owl and set off to find it.',
  },
] as const;

function personaFor(c: (typeof CHARACTERS)[number], i: number): PersonaRecord {
  const companion = builtinPersona(CHILD_COMPANION_ID)!;
  return {
    ...companion,
    id: `custom-${i}`,
    name: c.name,
    systemPrompt: c.prompt,
    voice: 'slt',
    allowedTools: ['get_time', 'toy_speaker_volume'],
    builtIn: false,
  };
}

const types = (toy: XiaozhiToy, since: number) =>
  toy.messages
    .filter((m) => m.atMs >= since && (m.message.type === 'stt' || m.message.type === 'tts'))
    .map((m) => (m.message.type === 'tts' ? `tts ${String(m.message.state)}` : 'stt'));

describe('xiaozhi toys over WebSocket (LLM: a local OpenAI-compatible test double answering per persona)', () => {
  let server: ToyServer;
  let llm: CharacterLlm;
  const lines: string[] = [];
  const context = () => `\ntoys:\n${lines.join('\n')}\nserver:\n${server.server.output().slice(-4000)}`;

  beforeAll(async () => {
    llm = await startCharacterLlm(CHARACTERS);
    server = await startToyServer({ args: ['--llm-url', llm.url, '--llm-model', 'test-model'] });
  }, 420_000);

  afterAll(async () => {
    await server?.stop();
    await llm?.close();
    await dispose();
  }, 60_000);

  it('answers a spoken turn: stt, tts start, sentence_start, tts stop in order, and audible Opus', async () => {
    const paired = await pairToy(server.server.url, server.householdKey, {
      name: 'Parrot',
      persona: personaFor(CHARACTERS[0], 0),
    });
    const toy = await connectToy(paired, { mode: 'auto', version: 2, lines, name: 'parrot', mcp: true });
    try {
      const said = await toy.say('Tell me a story please.');
      const stop = await toy.waitForMessage(
        'tts stop',
        (m) => m.type === 'tts' && m.state === 'stop',
        90_000,
        said.startedAt,
      );
      const order = types(toy, said.startedAt);
      expect(order[0]).toBe('stt');
      expect(order.slice(1, 3)).toEqual(['tts start', 'tts sentence_start']);
      expect(order.at(-1)).toBe('tts stop');
      expect(toy.received('stt', said.startedAt)[0]?.message.text).toBe(WHISPER_SPEECH_PHRASE.trim());
      const sentences = toy
        .received('tts', said.startedAt)
        .filter((m) => m.message.state === 'sentence_start')
        .map((m) => m.message.text);
      expect(sentences.join(' ')).toBe(CHARACTERS[0].answer);
      // The reply decodes to audible speech, all of it before tts stop.
      const reply = toy.heard.pcm(said.startedAt);
      expect(reply.samples.length / reply.sampleRate).toBeGreaterThan(1);
      expect(rmsOf(reply.samples)).toBeGreaterThan(0.02);
      expect(toy.heard.audibleFrames(said.startedAt, stop.atMs + 1)).toBeGreaterThan(10);
      // Back to listening, as the firmware does after tts stop in auto mode.
      expect(toy.state).toBe('listening');
      // Hearth ran the MCP handshake with the toy (initialize, tools/list); the volume tool itself is in xiaozhi-units.test.ts.
      await waitUntil(
        'the MCP handshake',
        () => toy.messages.filter((m) => m.message.type === 'mcp').length >= 2,
        10_000,
      );
      const device = await api(server.server.url, server.householdKey, 'GET', `/api/devices/${paired.device.id}`);
      expect(device.json).toMatchObject({ transport: 'xiaozhi-ws', online: true });
    } catch (error) {
      throw new Error(`${String(error)}${context()}`, { cause: error });
    } finally {
      toy.close();
    }
  }, 420_000);

  it('abort stops the reply at once and closes the tts', async () => {
    const paired = await pairToy(server.server.url, server.householdKey, {
      name: 'Larry',
      persona: personaFor(CHARACTERS[2], 2),
    });
    const toy = await connectToy(paired, { mode: 'auto', lines, name: 'larry' });
    try {
      const said = await toy.say('Tell me a story please.');
      await toy.waitForMessage('tts start', (m) => m.type === 'tts' && m.state === 'start', 90_000, said.startedAt);
      await toy.waitUntil('a second of the reply', () => toy.heard.audibleFrames(said.startedAt) >= 16, 60_000);
      const abortedAt = Date.now();
      toy.abort();
      const stop = await toy.waitForMessage(
        'tts stop after abort',
        (m) => m.type === 'tts' && m.state === 'stop',
        10_000,
        abortedAt,
      );
      // What still arrives after the stop is nothing: the rest of the long tale (tens of seconds) is dropped.
      const heardBefore = toy.heard.frames.length;
      await toy.waitUntil('the toy to listen again', () => toy.state === 'listening', 10_000);
      const said2 = await toy.say('Tell me a story please.');
      await toy.waitForMessage('the next turn', (m) => m.type === 'stt', 60_000, said2.startedAt);
      const lateFrames = toy.heard.frames.slice(heardBefore).filter((f) => f.atMs < said2.startedAt).length;
      expect(lateFrames).toBe(0);
      expect(stop.atMs - abortedAt).toBeLessThan(10_000);
    } catch (error) {
      throw new Error(`${String(error)}${context()}`, { cause: error });
    } finally {
      toy.close();
    }
  }, 420_000);

  it('a LiveKit toy and a xiaozhi toy talk at once, each with its own persona', async () => {
    const paired = await pairToy(server.server.url, server.householdKey, {
      name: 'Parrot two',
      persona: personaFor(CHARACTERS[0], 0),
    });
    const cow = await server.registerToy('Cow');
    const patched = await api(server.server.url, server.householdKey, 'PATCH', `/api/devices/${cow.id}`, {
      persona: personaFor(CHARACTERS[1], 1),
    });
    expect(patched.status).toBe(200);
    const xiaozhi = await connectToy(paired, { mode: 'auto', query: true, lines, name: 'parrot-2' });
    const livekit = await ToyClient.connect({
      server: server.server.url,
      device: cow.id,
      credential: cow.credential,
      timeoutMs: 90_000,
      print: (l) => lines.push(`cow: ${l}`),
    });
    try {
      const [saidX, saidL] = await Promise.all([
        xiaozhi.say('Tell me a story please.'),
        livekit.say('Tell me a story.'),
      ]);
      const [, cowFinal] = await Promise.all([
        xiaozhi.waitForMessage(
          'the parrot to finish',
          (m) => m.type === 'tts' && m.state === 'stop',
          90_000,
          saidX.startedAt,
        ),
        livekit.waitForMessage(
          "the cow's answer",
          (m) => m.type === 'transcript' && m.role === 'agent' && m.final,
          90_000,
          saidL.startedAt,
        ),
      ]);
      const parrotSaid = xiaozhi
        .received('tts', saidX.startedAt)
        .filter((m) => m.message.state === 'sentence_start')
        .map((m) => m.message.text)
        .join(' ');
      expect(parrotSaid).toBe(CHARACTERS[0].answer);
      expect(cowFinal.type === 'transcript' && cowFinal.text).toBe(CHARACTERS[1].answer);
      expect(xiaozhi.heard.audibleFrames(saidX.startedAt)).toBeGreaterThan(10);
      await waitUntil('the cow to be heard', () => livekit.voice.audibleFrames(saidL.endedAt) > 20, 30_000);
      expect(JSON.stringify(xiaozhi.messages)).not.toContain('Moo');
      expect(livekit.messages.some((m) => m.type === 'transcript' && m.text.includes('Squawk'))).toBe(false);
    } catch (error) {
      throw new Error(`${String(error)}${context()}`, { cause: error });
    } finally {
      xiaozhi.close();
      await livekit.disconnect();
    }
  }, 420_000);
});
