// Toys use their own profile, end to end through the real server and its embedded room server: the
// agent's LLM is the OpenAI-compatible backend pointed at a local server that streams real SSE
// chunks and records every request, so the test sees the exact prompt each toy's VoiceSession built.
// Toy A (custom "Pirate Pete" persona, for Maya) is told "My name is Maya." (typed on the toy's input
// topic); the memory lands in A's table only; toy B (built-in companion) never sees it; and A's next
// conversation — spoken this time (classic voice → contract Whisper "Tell me a story.") — has it in
// its prompt, along with a profile change the parent made in between.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { dispose } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdKeyFile } from '../../../server/livekit/household-key.ts';
import { ToyClient } from '../../../server/toys/simulator/livekit-toy.ts';
import { runToySimulator } from '../../../server/toys/simulator/livekit-cli.ts';
import { builtinPersona, CHILD_COMPANION_ID, type PersonaRecord } from '../../../src/core/personas/index.ts';
import { FIXTURE_MODELS, startHearthServer, type RunningServer } from '../../helpers/server.ts';
import { generateIntoTempDir } from '../contract-models/generate-fixture.ts';
import { TEST_CONSENT } from '../../helpers/toy-consent.ts';

interface ChatBody {
  messages: { role: string; content: string | null }[];
  tools?: { function: { name: string } }[];
}

const PETE_PROMPT = 'You are Pirate Pete, a jolly parrot who says Squawk a lot.';
const REPLY_DELTAS = ['Squawk', '!', ' Once', ' upon', ' a', ' time', ' there', ' was', ' a', ' parrot', '.'];

/** A tiny OpenAI-compatible chat server that answers every request with a short story, streamed word by word. */
function startLlmServer(): Promise<{ url: string; requests: ChatBody[]; close: () => Promise<void> }> {
  const requests: ChatBody[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
      const body = JSON.parse(raw) as ChatBody;
      requests.push(body);
      const sse = (data: unknown) => res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
      const delta = (d: Record<string, unknown>, finish: string | null = null) => ({
        choices: [{ index: 0, delta: d, finish_reason: finish }],
      });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (const t of REPLY_DELTAS) sse(delta({ content: t }));
      sse(delta({}, 'stop'));
      sse('[DONE]');
      res.end();
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

describe('toy agent with per-device profiles (LLM: a local OpenAI-compatible SSE server that records each prompt)', () => {
  let server: RunningServer;
  let llm: Awaited<ReturnType<typeof startLlmServer>>;
  let householdKey: string;
  let generated: ReturnType<typeof generateIntoTempDir>;
  const lines: string[] = [];

  beforeAll(async () => {
    llm = await startLlmServer();
    generated = generateIntoTempDir();
    server = await startHearthServer({
      args: [
        '--manifest',
        generated.manifestPath,
        '--model-path',
        [generated.outDir, FIXTURE_MODELS].join(path.delimiter),
        '--llm-url',
        llm.url,
        '--llm-model',
        'test-model',
      ],
      env: { HEARTH_LOG_LEVEL: 'info' },
    });
    householdKey = fs.readFileSync(householdKeyFile(server.dataDir), 'utf8').trim();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await llm?.close();
    generated?.cleanup();
    await dispose();
  });

  const api = async <T>(method: string, url: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${householdKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${url}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  // The system prompts of chat turns since `since`. Memory extraction after a turn (its save_facts
  // tool) goes to the same server whenever it gets to it, so it is left out rather than raced.
  const systemPrompts = (since: number) =>
    llm.requests
      .slice(since)
      .filter((r) => !r.tools?.some((t) => t.function.name === 'save_facts'))
      .map((r) => r.messages.find((m) => m.role === 'system')?.content ?? '');
  const failWithLogs = (error: unknown): never => {
    throw new Error(`${String(error)}\nsimulator:\n${lines.join('\n')}\nserver:\n${server.output().slice(-4000)}`);
  };

  /** Types `text` on the toy and waits for the agent's final reply; returns the prompts the LLM got and the room messages. */
  const type = async (device: { id: string; credential: string }, text: string) => {
    const before = llm.requests.length;
    const toy = await ToyClient.connect({
      server: server.url,
      device: device.id,
      credential: device.credential,
      timeoutMs: 90_000,
      print: (l) => lines.push(l),
    }).catch(failWithLogs);
    try {
      const since = Date.now();
      await toy.type(text);
      await toy
        .waitForMessage(
          'the agent’s final reply',
          (m) => m.type === 'transcript' && m.role === 'agent' && m.final,
          90_000,
          since,
        )
        .catch(failWithLogs);
      return { prompts: systemPrompts(before), messages: [...toy.messages] };
    } finally {
      await toy.disconnect();
    }
  };

  it('each toy talks with its own persona, and memories stay with the toy that learned them', async () => {
    const hearth = builtinPersona(CHILD_COMPANION_ID)!;
    // Pete has no story tool, so "Tell me a story." goes to the model instead of the library.
    const pete: PersonaRecord = {
      ...hearth,
      id: 'custom-pete',
      name: 'Pirate Pete',
      systemPrompt: PETE_PROMPT,
      allowedTools: ['remember', 'forget', 'get_time'],
      builtIn: false,
    };
    const a = await api<{ id: string; credential: string }>('POST', '/api/devices', {
      name: 'Parrot',
      id: '02:00:00:00:00:0A',
      ownerName: 'Maya',
      persona: pete,
      consent: TEST_CONSENT,
    });
    const b = await api<{ id: string; credential: string }>('POST', '/api/devices', {
      name: 'Owl',
      consent: TEST_CONSENT,
    });
    expect(a.id).toBe('02-00-00-00-00-0a');

    // Toy A: Pete's prompt, with whom the toy is for; the rules learn Maya's name.
    const first = await type(a, 'My name is Maya.');
    expect(first.prompts.length).toBeGreaterThan(0);
    expect(first.prompts[0]).toContain(PETE_PROMPT);
    expect(first.prompts[0]).toContain('the toy of a child called Maya');
    expect(first.prompts[0]).not.toContain(hearth.systemPrompt);
    expect(
      first.messages.some((m) => m.type === 'transcript' && m.role === 'user' && m.text === 'My name is Maya.'),
    ).toBe(true);

    const memoriesOf = async (id: string) =>
      (await api<{ memories: { text: string }[] }>('GET', `/api/devices/${id}/memories`)).memories.map((m) => m.text);
    // Learning happens right after the turn: poll until it is written (the deadline only bounds a failure).
    const learnDeadline = Date.now() + 30_000;
    while (!(await memoriesOf(a.id)).includes("The user's name is Maya.") && Date.now() < learnDeadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await memoriesOf(a.id)).toContain("The user's name is Maya.");

    // Toy B: the built-in companion, and nothing about Maya or Pete.
    const second = await type(b, 'Hello there.');
    expect(second.prompts[0]).toContain(hearth.systemPrompt.slice(0, 60));
    expect(second.prompts.join('\n')).not.toContain('Maya');
    expect(second.prompts.join('\n')).not.toContain('Pirate Pete');
    expect(await memoriesOf(b.id)).toEqual([]);
    // The reply streamed in many deltas reaches the room a sentence at a time, then as the final text.
    const agentLines = second.messages.filter((m) => m.type === 'transcript' && m.role === 'agent');
    const finals = agentLines.filter((m) => m.type === 'transcript' && m.final);
    expect(finals.map((m) => (m.type === 'transcript' ? m.text : ''))).toContain(REPLY_DELTAS.join(''));
    expect(agentLines.length - finals.length).toBeLessThan(REPLY_DELTAS.length);

    // A parent changes toy A's profile; A's next (spoken) conversation uses it, and remembers Maya.
    await api('PATCH', `/api/devices/${a.id}`, { ownerNotes: 'She loves parrots.' });
    const before = llm.requests.length;
    const third = await runToySimulator({
      server: server.url,
      device: a.id,
      credential: a.credential,
      say: 'Tell me a story.',
      timeoutMs: 90_000,
      print: (l) => lines.push(l),
    }).catch(failWithLogs);
    const prompts = systemPrompts(before);
    expect(prompts[0]).toContain(PETE_PROMPT);
    expect(prompts[0]).toContain("The user's name is Maya.");
    expect(prompts[0]).toContain('She loves parrots.');
    expect(third.userTranscript?.trim()).toBe('Tell me a story.');
    expect(third.audibleReplyFrames).toBeGreaterThan(20);
  }, 300_000);
});
