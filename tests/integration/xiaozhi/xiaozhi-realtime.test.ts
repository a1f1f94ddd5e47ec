// Single-mic xiaozhi toys in `realtime` mode: the mic stays open while the toy plays Hearth's voice,
// and the simulated toy leaks its own speaker back into its mic (echo gain 0.5), stamping each uplink
// frame with the downlink frame playing (protocol v2 + features.aec, as firmware built for
// server-side AEC does). Hearth's own echo must not cut it off or become a turn; a child talking over
// it still must. The LLM is the local per-persona test double (a long tale for these tests); Hearth
// speaks with the classic flite voice, so what comes back up the mic is speech to the VAD.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispose } from '@livekit/rtc-node';
import { builtinPersona, CHILD_COMPANION_ID, type PersonaRecord } from '../../../src/core/personas/index.ts';
import { startToyServer, type ToyServer } from '../agent/toy-server.ts';
import { startCharacterLlm, type CharacterLlm } from './character-llm.ts';
import { connectToy, pairToy } from './xiaozhi-harness.ts';

const LARRY = {
  name: 'Long Larry',
  prompt: 'You are Long Larry, who tells long tales.',
  answer:
    'Once upon a time a small fox lived at the edge of a great green wood. Every morning the fox walked down to the river to drink. One day the fox met a wise old owl who knew every path in the forest. The owl told the fox about a hidden garden full of berries.',
  // Still writing the tale while it is being told (a little faster than it is spoken): a cut-off tale has untold sentences.
  wordDelayMs: 250,
};

function larry(): PersonaRecord {
  const companion = builtinPersona(CHILD_COMPANION_ID)!;
  return {
    ...companion,
    id: 'custom-larry',
    name: LARRY.name,
    systemPrompt: LARRY.prompt,
    voice: 'slt',
    allowedTools: ['get_time'],
    builtIn: false,
  };
}

describe('xiaozhi realtime mode on a single-mic toy (LLM: local per-persona test double)', () => {
  let server: ToyServer;
  let llm: CharacterLlm;
  const lines: string[] = [];
  const context = () => `\ntoys:\n${lines.join('\n')}\nserver:\n${server.server.output().slice(-4000)}`;

  beforeAll(async () => {
    llm = await startCharacterLlm([LARRY]);
    // The classic flite voice rather than the contract Piper (tones per phoneme): its echo is real speech to the VAD.
    server = await startToyServer({
      args: ['--llm-url', llm.url, '--llm-model', 'test-model'],
      withoutPacks: ['piper-contract'],
    });
  }, 420_000);

  afterAll(async () => {
    await server?.stop();
    await llm?.close();
    await dispose();
  }, 60_000);

  it("Hearth's own voice coming back through the mic neither cuts it off nor becomes a turn", async () => {
    const paired = await pairToy(server.server.url, server.householdKey, { name: 'Echo fox', persona: larry() });
    const toy = await connectToy(paired, {
      mode: 'realtime',
      version: 2,
      serverAec: true,
      echoGain: 0.5,
      lines,
      name: 'echo',
    });
    try {
      const said = await toy.say('Tell me a story please.');
      const stop = await toy.waitForMessage(
        'the whole tale to be told',
        (m) => m.type === 'tts' && m.state === 'stop',
        120_000,
        said.startedAt,
      );
      // Every sentence was spoken, in one reply, and the echo of it never became a second turn.
      const sentences = toy
        .received('tts', said.startedAt)
        .filter((m) => m.message.state === 'sentence_start')
        .map((m) => m.message.text);
      expect(sentences.join(' ')).toBe(LARRY.answer);
      expect(toy.received('stt', said.startedAt)).toHaveLength(1);
      expect(toy.received('tts', said.startedAt).filter((m) => m.message.state === 'start')).toHaveLength(1);
      // Seconds of the tale were heard, and its echo went up the mic the whole time.
      expect(toy.heard.audibleFrames(said.startedAt, stop.atMs + 1)).toBeGreaterThan(50);
    } catch (error) {
      throw new Error(`${String(error)}${context()}`, { cause: error });
    } finally {
      toy.close();
    }
  }, 420_000);

  it('a child talking over the tale (with the echo under it) still interrupts, and is answered', async () => {
    const paired = await pairToy(server.server.url, server.householdKey, { name: 'Barge fox', persona: larry() });
    const toy = await connectToy(paired, {
      mode: 'realtime',
      version: 2,
      serverAec: true,
      echoGain: 0.5,
      lines,
      name: 'barge',
    });
    try {
      const said = await toy.say('Tell me a story please.');
      await toy.waitForMessage('tts start', (m) => m.type === 'tts' && m.state === 'start', 90_000, said.startedAt);
      await toy.waitUntil('two seconds of the tale', () => toy.heard.audibleFrames(said.startedAt) >= 33, 60_000);
      const over = await toy.say('Tell me a story please, tell me a story now.');
      // The reply stops (tts stop) long before the tale's end, and the child's words are the next turn.
      const stop = await toy.waitForMessage(
        'the tale to be cut off',
        (m) => m.type === 'tts' && m.state === 'stop',
        30_000,
        over.startedAt,
      );
      const told = toy
        .received('tts', said.startedAt)
        .filter((m) => m.message.state === 'sentence_start' && m.atMs <= stop.atMs)
        .map((m) => m.message.text);
      expect(told.join(' ').length).toBeLessThan(LARRY.answer.length);
      await toy.waitForMessage('the child to be heard', (m) => m.type === 'stt', 60_000, over.startedAt);
    } catch (error) {
      throw new Error(`${String(error)}${context()}`, { cause: error });
    } finally {
      toy.close();
    }
  }, 420_000);
});
