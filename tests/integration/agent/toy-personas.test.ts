// Two toys at once, each with its own persona, end to end through the real server and its embedded
// room server: both toys speak at the same moment and each hears its own persona's answer. The
// agent's LLM is the OpenAI-compatible backend pointed at a local test server that streams real SSE
// chunks and answers in character for whichever persona's system prompt it is sent (stories260K
// ignores prompts, so it could not show whose persona answered). Speech goes through the contract
// Whisper pack ("Tell me a story."); neither persona has the story tool, so the question reaches the model.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispose } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ToyClient, waitUntil } from '../../../server/toys/simulator/livekit-toy.ts';
import { builtinPersona, CHILD_COMPANION_ID, type PersonaRecord } from '../../../src/core/personas/index.ts';
import { untilAgentHears } from '../../helpers/toy-waits.ts';
import { startToyServer, type ToyServer } from './toy-server.ts';

const CHARACTERS = [
  {
    name: 'Pirate Pete',
    prompt: 'You are Pirate Pete, a jolly parrot.',
    answer: 'Squawk! Ahoy, matey, Pirate Pete here.',
    voice: 'awb',
  },
  {
    name: 'Daisy Cow',
    prompt: 'You are Daisy Cow, a calm farm cow.',
    answer: 'Moo! Daisy the cow says hello.',
    voice: 'slt',
  },
] as const;

interface ChatBody {
  messages: { role: string; content: string | null }[];
  tools?: { function?: { name?: string } }[];
}

/** A chat turn answered in a persona's voice, or the agent's memory extraction after a turn. */
interface LlmRequest {
  kind: 'chat' | 'memory extraction';
  persona: string;
  startedAt: number;
  endedAt: number;
}

/**
 * Answers in character for the persona whose prompt it is sent, a word every 40 ms. The agent may
 * also ask it to extract memories after a turn (its save_facts tool); that gets "no facts", and is
 * recorded as such so the test can tell the two apart however the timing falls.
 */
function startCharacterLlm(): Promise<{ url: string; requests: LlmRequest[]; close: () => Promise<void> }> {
  const requests: LlmRequest[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', async () => {
      if (req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
      const startedAt = Date.now();
      const body = JSON.parse(raw) as ChatBody;
      if (body.tools?.some((t) => t.function?.name === 'save_facts')) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(
          `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: '{"facts":[]}' }, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`,
        );
        requests.push({ kind: 'memory extraction', persona: 'none', startedAt, endedAt: Date.now() });
        return;
      }
      const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
      const character = CHARACTERS.find((c) => system.includes(c.prompt));
      const answer = character?.answer ?? 'I do not know who I am.';
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const word of answer.split(/(?= )/)) {
        res.write(
          `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: word }, finish_reason: null }] })}\n\n`,
        );
        await new Promise((r) => setTimeout(r, 40));
      }
      res.write(
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`,
      );
      res.end();
      requests.push({ kind: 'chat', persona: character?.name ?? 'unknown', startedAt, endedAt: Date.now() });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        requests,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

describe('two toys at once with different personas (LLM: a local OpenAI-compatible SSE server that answers per system prompt)', () => {
  let toyServer: ToyServer;
  let llm: Awaited<ReturnType<typeof startCharacterLlm>>;
  const lines: string[] = [];

  beforeAll(async () => {
    llm = await startCharacterLlm();
    toyServer = await startToyServer({ args: ['--llm-url', llm.url, '--llm-model', 'test-model'] });
  }, 120_000);

  afterAll(async () => {
    await toyServer?.stop();
    await llm?.close();
    await dispose();
  });

  it('each toy gets its own persona’s answer while both talk at the same time', async () => {
    const companion = builtinPersona(CHILD_COMPANION_ID)!;
    const devices = await Promise.all(
      CHARACTERS.map(async (c, i) => {
        const persona: PersonaRecord = {
          ...companion,
          id: `custom-${i}`,
          name: c.name,
          systemPrompt: c.prompt,
          voice: c.voice,
          allowedTools: ['get_time'],
          builtIn: false,
        };
        const device = await toyServer.registerToy(`${c.name} toy`);
        const res = await fetch(`${toyServer.server.url}/api/devices/${device.id}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${toyServer.householdKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ persona }),
        });
        if (!res.ok) throw new Error(`PATCH persona: HTTP ${res.status} ${await res.text()}`);
        return device;
      }),
    );
    const toys = await Promise.all(
      devices.map((d, i) =>
        ToyClient.connect({
          server: toyServer.server.url,
          device: d.id,
          credential: d.credential,
          timeoutMs: 90_000,
          print: (l) => lines.push(`${CHARACTERS[i]!.name}: ${l}`),
        }),
      ),
    );
    try {
      await Promise.all(toys.map((toy) => untilAgentHears(toy)));
      const said = await Promise.all(toys.map((toy) => toy.say('Tell me a story.')));
      const finals = await Promise.all(
        toys.map((toy, i) =>
          toy.waitForMessage(
            `${CHARACTERS[i]!.name}'s answer`,
            (m) => m.type === 'transcript' && m.role === 'agent' && m.final,
            90_000,
            said[i]!.startedAt,
          ),
        ),
      );
      finals.forEach((final, i) => expect(final.type === 'transcript' && final.text).toBe(CHARACTERS[i]!.answer));
      // Each toy heard its answer spoken, and nothing of the other's conversation reached it.
      await Promise.all(
        toys.map((toy, i) =>
          waitUntil('the spoken answer', () => toy.voice.audibleFrames(said[i]!.endedAt) > 20, 30_000),
        ),
      );
      toys.forEach((toy, i) => {
        const other = CHARACTERS[1 - i]!.answer;
        expect(toy.messages.some((m) => m.type === 'transcript' && m.text.includes(other))).toBe(false);
      });
      expect(
        llm.requests
          .filter((r) => r.kind === 'chat')
          .map((r) => r.persona)
          .sort(),
      ).toEqual(CHARACTERS.map((c) => c.name).sort());
    } catch (error) {
      throw new Error(
        `${String(error)}\ntoys:\n${lines.join('\n')}\nserver:\n${toyServer.server.output().slice(-3000)}`,
        { cause: error },
      );
    } finally {
      await Promise.all(toys.map((t) => t.disconnect()));
    }
  }, 240_000);
});
