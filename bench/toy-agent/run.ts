// npm run bench:toy-agent [-- --turns 8 --max-toys 8 --ramp-turns 3 --max-v2v-ms 3000]
// The toy agent through the embedded room server, with the models present here (Silero VAD, the
// contract Whisper pack, stories260K on node-llama-cpp, the classic voice):
//  1. the raw engines run directly in this process on the same utterance and prompt (the floor);
//  2. one toy (ToyClient, rtc-node) talks to the real server: per-stage latency from the agent's
//     metrics (end of utterance, STT, LLM first token, TTS first audio) and the toy's own clock
//     (its utterance end → first audible reply frame), medians and p90, and the ratio to the floor;
//  3. concurrent toys (1, 2, 4, ...) all talking at once, until the median voice-to-voice passes
//     --max-v2v-ms or a reply stalls (a silent gap of over 500 ms in its first second) or times out.
// Each turn: the toy says "Tell me a story." (the device's persona has no story tool, so the model
// answers), listens for a second of the reply, then types "stop" (interrupting it) and waits for quiet.
// Prints one JSON object and writes bench/results/toy-agent.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dispose } from '@livekit/rtc-node';
import { ModelStore } from '../../server/models/store.ts';
import { createServerEngines } from '../../server/engines/index.ts';
import { AUDIBLE_RMS, ToyClient, utteranceAudio, waitUntil } from '../../server/toys/simulator/livekit-toy.ts';
import { resample } from '../../src/core/audio/resampler.ts';
import type { MonoPcm } from '../../server/agent/wav.ts';
import {
  builtinPersona,
  CHILD_COMPANION_ID,
  toPromptPersona,
  type PersonaRecord,
} from '../../src/core/personas/index.ts';
import { buildChatMessages } from '../../src/core/prompt.ts';
import { DEFAULT_VOICE_SESSION_CONFIG } from '../../src/core/session-types.ts';
import { FIXTURE_MODELS } from '../../tests/helpers/server.ts';
import { generateIntoTempDir } from '../../tests/integration/contract-models/generate-fixture.ts';
import { startToyServer, type ToyServer } from '../../tests/integration/agent/toy-server.ts';
import { percentile, summary } from '../stats.ts';

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '8' },
    'max-toys': { type: 'string', default: '8' },
    'ramp-turns': { type: 'string', default: '3' },
    'max-v2v-ms': { type: 'string', default: '3000' },
  },
});
const TURNS = Number(values.turns);
const MAX_TOYS = Number(values['max-toys']);
const RAMP_TURNS = Number(values['ramp-turns']);
const MAX_V2V_MS = Number(values['max-v2v-ms']);
const UTTERANCE = 'Tell me a story.';
const STALL_MS = 500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x);
const stats = (xs: (number | null | undefined)[]) => {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
  return v.length ? { ...summary(v, 0), p95: round(percentile(v, 95)) } : null;
};

// --- 1. the raw engines, directly ---------------------------------------------------------------
const companion = builtinPersona(CHILD_COMPANION_ID)!;
// The toys' persona: the child companion without the story tool (so the model answers), with "stop".
const benchPersona: PersonaRecord = { ...companion, id: 'bench-companion', allowedTools: ['stop'], builtIn: false };

async function rawEngines(utterance: MonoPcm, turns: number) {
  const generated = generateIntoTempDir();
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-toy-models-'));
  const models = await ModelStore.open({
    manifestPath: generated.manifestPath,
    modelsDir,
    extraDirs: [generated.outDir, FIXTURE_MODELS],
  });
  // Packs are hashed once before they count as ready (as the server does before its first toy).
  await models.verifyInBackground();
  const engines = await createServerEngines({ models, skip: ['embeddings'] });
  try {
    const { createVad, stt, llm, tts } = engines;
    if (!createVad || !stt || !llm) throw new Error(`engines missing: ${engines.report.join('; ')}`);
    const at16k = resample(utterance.samples, utterance.sampleRate, 16000);
    const messages = buildChatMessages({
      persona: toPromptPersona(benchPersona),
      memories: [],
      history: [],
      tools: [],
      userText: UTTERANCE,
      now: new Date(),
      maxHistoryChars: 6000,
    });
    const rows: { vadPerFrameMs: number; sttMs: number; llmTtftMs: number; ttsTtfaMs: number }[] = [];
    for (let i = 0; i < turns + 1; i++) {
      const vad = createVad();
      let t = performance.now();
      let frames = 0;
      for (let o = 0; o + vad.frameSamples <= at16k.length; o += vad.frameSamples, frames++)
        await vad.process(at16k.subarray(o, o + vad.frameSamples));
      const vadPerFrameMs = (performance.now() - t) / frames;
      t = performance.now();
      const transcript = await stt.transcribe(at16k, {});
      const sttMs = performance.now() - t;
      t = performance.now();
      let llmTtftMs = Number.NaN;
      let text = '';
      const controller = new AbortController();
      for await (const chunk of llm.stream({ messages, signal: controller.signal })) {
        if (chunk.type === 'text' && chunk.text.trim()) {
          llmTtftMs = performance.now() - t;
          text = chunk.text;
          break;
        }
      }
      controller.abort();
      t = performance.now();
      let ttsTtfaMs = Number.NaN;
      for await (const pcm of tts.synthesize(`${text.trim() || 'Once'} upon a time there was a little bird.`, {})) {
        if (pcm.length > 0) {
          ttsTtfaMs = performance.now() - t;
          break;
        }
      }
      if (i > 0) rows.push({ vadPerFrameMs, sttMs, llmTtftMs, ttsTtfaMs }); // the first is warm-up
      if (!transcript.text.trim()) throw new Error('the raw STT heard nothing');
    }
    return {
      report: engines.report,
      vadPerFrameMs: stats(rows.map((r) => r.vadPerFrameMs)),
      sttMs: stats(rows.map((r) => r.sttMs)),
      llmTtftMs: stats(rows.map((r) => r.llmTtftMs)),
      ttsTtfaMs: stats(rows.map((r) => r.ttsTtfaMs)),
      computeMs: stats(rows.map((r) => r.sttMs + r.llmTtftMs + r.ttsTtfaMs)),
    };
  } finally {
    await engines.dispose();
    generated.cleanup();
    fs.rmSync(modelsDir, { recursive: true, force: true });
  }
}

// --- 2 and 3. toys through the room server ------------------------------------------------------
interface TurnResult {
  ok: boolean;
  toyV2vMs: number | null;
  endOfUtteranceMs: number | null;
  sttMs: number | null;
  llmTtftMs: number | null;
  ttsTtfaMs: number | null;
  agentV2vMs: number | null;
  longestGapMs: number | null;
}

async function toyTurn(toy: ToyClient, utterance: MonoPcm): Promise<TurnResult> {
  const said = await toy.say(utterance);
  const failed: TurnResult = {
    ok: false,
    toyV2vMs: null,
    endOfUtteranceMs: null,
    sttMs: null,
    llmTtftMs: null,
    ttsTtfaMs: null,
    agentV2vMs: null,
    longestGapMs: null,
  };
  try {
    await waitUntil('the reply', () => toy.voice.firstAudibleAt(said.endedAt) !== null, 30_000);
  } catch {
    return failed;
  }
  const firstAudio = toy.voice.firstAudibleAt(said.endedAt)!;
  const user = await toy
    .waitForMessage(
      'the transcript',
      (m) => m.type === 'transcript' && m.role === 'user' && m.final,
      5_000,
      said.startedAt,
    )
    .catch(() => null);
  await sleep(1000);
  const heardUntil = Date.now();
  await toy.type('stop');
  const turnId = user?.type === 'transcript' ? user.turnId : null;
  const metricsMsg = await toy
    .waitForMessage('the metrics', (m) => m.type === 'metrics' && m.metrics.turnId === turnId, 10_000, said.startedAt)
    .catch(() => null);
  await toy.waitForQuiet(toy.voice, heardUntil, 600, 15_000, 'quiet after stop').catch(() => undefined);
  // The longest silent stretch in the first second of the reply: a stall if the agent fell behind.
  let gap = 0;
  let longest = 0;
  for (const f of toy.voice.levels) {
    if (f.atMs < firstAudio || f.atMs >= heardUntil) continue;
    gap = f.rms > AUDIBLE_RMS ? 0 : gap + 10;
    longest = Math.max(longest, gap);
  }
  const m = metricsMsg?.type === 'metrics' ? metricsMsg.metrics : {};
  const num = (k: string) => (typeof m[k] === 'number' ? (m[k] as number) : null);
  return {
    ok: true,
    toyV2vMs: firstAudio - said.endedAt,
    endOfUtteranceMs: num('endOfUtteranceDelayMs'),
    sttMs: num('sttMs'),
    llmTtftMs: num('llmTtftMs'),
    ttsTtfaMs: num('ttsTtfaMs'),
    agentV2vMs: num('voiceToVoiceMs'),
    longestGapMs: longest,
  };
}

const byStage = (rows: TurnResult[]) => ({
  endOfUtteranceMs: stats(rows.map((r) => r.endOfUtteranceMs)),
  sttMs: stats(rows.map((r) => r.sttMs)),
  llmTtftMs: stats(rows.map((r) => r.llmTtftMs)),
  ttsTtfaMs: stats(rows.map((r) => r.ttsTtfaMs)),
  agentVoiceToVoiceMs: stats(rows.map((r) => r.agentV2vMs)),
  toyVoiceToVoiceMs: stats(rows.map((r) => r.toyV2vMs)),
  longestGapMs: stats(rows.map((r) => r.longestGapMs)),
});

async function connectToys(server: ToyServer, devices: { id: string; credential: string }[]): Promise<ToyClient[]> {
  return Promise.all(
    devices.map((d) =>
      ToyClient.connect({
        server: server.server.url,
        device: d.id,
        credential: d.credential,
        timeoutMs: 120_000,
        print: () => {},
      }),
    ),
  );
}

async function main(): Promise<void> {
  const utterance = await utteranceAudio(UTTERANCE);
  const raw = await rawEngines(utterance, TURNS);

  const server = await startToyServer({ env: { HEARTH_LOG_LEVEL: 'warn' } });
  const devices: { id: string; credential: string }[] = [];
  try {
    // Fresh devices for every run and level (1 + 1 + 2 + 4 + ...): no toy rejoins a room its agent is still leaving.
    const levels: number[] = [];
    for (let n = 1; n <= MAX_TOYS; n *= 2) levels.push(n);
    const needed = 1 + levels.reduce((a, b) => a + b, 0);
    for (let i = 0; i < needed; i++) {
      const device = await server.registerToy(`Bench toy ${i + 1}`);
      const res = await fetch(`${server.server.url}/api/devices/${device.id}`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${server.householdKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ persona: benchPersona }),
      });
      if (!res.ok) throw new Error(`PATCH persona: HTTP ${res.status} ${await res.text()}`);
      devices.push(device);
    }

    // One toy, TURNS turns (plus a warm-up).
    const [solo] = await connectToys(server, devices.slice(0, 1));
    const soloRows: TurnResult[] = [];
    await sleep(500);
    for (let i = 0; i < TURNS + 1; i++) {
      const row = await toyTurn(solo!, utterance);
      if (i > 0) soloRows.push(row);
    }
    await solo!.disconnect();
    const single = byStage(soloRows.filter((r) => r.ok));
    const rawCompute = raw.computeMs?.median ?? Number.NaN;
    const agentCompute = stats(
      soloRows.filter((r) => r.ok).map((r) => (r.sttMs ?? 0) + (r.llmTtftMs ?? 0) + (r.ttsTtfaMs ?? 0)),
    );

    // Concurrent toys, doubling.
    const ramp: Record<string, unknown>[] = [];
    let sustained = 0;
    for (let n = 1; n <= MAX_TOYS; n *= 2) {
      const first = 1 + levels.filter((l) => l < n).reduce((a, b) => a + b, 0);
      const toys = await connectToys(server, devices.slice(first, first + n));
      await sleep(1000);
      const rows: TurnResult[] = [];
      const cpuBefore = process.cpuUsage();
      const started = Date.now();
      await Promise.all(
        toys.map(async (toy, i) => {
          await sleep(i * 150); // not all in the same 10 ms: toys do not speak in lockstep
          // A first turn per toy warms its session (VAD state, first inference); it is not counted.
          for (let t = 0; t < RAMP_TURNS + 1; t++) {
            const row = await toyTurn(toy, utterance);
            if (t > 0) rows.push(row);
          }
        }),
      );
      const wallS = (Date.now() - started) / 1000;
      await Promise.all(toys.map((t) => t.disconnect()));
      const ok = rows.filter((r) => r.ok);
      const stalls = ok.filter((r) => (r.longestGapMs ?? 0) > STALL_MS).length;
      const failures = rows.length - ok.length;
      const v2v = stats(ok.map((r) => r.toyV2vMs));
      const cpu = process.cpuUsage(cpuBefore);
      const level = {
        toys: n,
        turns: rows.length,
        failures,
        stalls,
        toyVoiceToVoiceMs: v2v,
        llmTtftMs: stats(ok.map((r) => r.llmTtftMs)),
        sttMs: stats(ok.map((r) => r.sttMs)),
        longestGapMs: stats(ok.map((r) => r.longestGapMs)),
        wallS: Number(wallS.toFixed(1)),
        benchProcessCpuS: Number(((cpu.user + cpu.system) / 1e6).toFixed(1)),
      };
      ramp.push(level);
      const within = failures === 0 && stalls === 0 && v2v !== null && v2v.median <= MAX_V2V_MS;
      if (!within) break;
      sustained = n;
      await sleep(1500);
    }

    const result = {
      bench: 'toy-agent',
      date: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        model: os.cpus()[0]?.model ?? 'unknown',
        memGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
      },
      models: raw.report,
      utterance: { text: UTTERANCE, seconds: Number((utterance.samples.length / utterance.sampleRate).toFixed(2)) },
      endpointingDelayMs: DEFAULT_VOICE_SESSION_CONFIG.endpointingDelayMs,
      rawEngines: raw,
      singleToy: {
        turns: soloRows.length,
        failures: soloRows.filter((r) => !r.ok).length,
        ...single,
        agentComputeMs: agentCompute,
      },
      ratios: {
        /** The agent's STT + LLM first token + TTS first audio inside VoiceSession, over the same stages run directly. */
        agentComputeOverRaw:
          agentCompute && Number.isFinite(rawCompute) ? Number((agentCompute.median / rawCompute).toFixed(2)) : null,
        /** What the toy hears (its utterance end → first audible reply), over the raw stages plus the endpointing delay. */
        toyVoiceToVoiceOverRawPlusEndpointing:
          single.toyVoiceToVoiceMs && Number.isFinite(rawCompute)
            ? Number(
                (
                  single.toyVoiceToVoiceMs.median /
                  (rawCompute + DEFAULT_VOICE_SESSION_CONFIG.endpointingDelayMs)
                ).toFixed(2),
              )
            : null,
      },
      concurrency: {
        maxVoiceToVoiceMs: MAX_V2V_MS,
        stallGapMs: STALL_MS,
        turnsPerToy: RAMP_TURNS,
        sustainedToys: sustained,
        levels: ramp,
      },
    };
    const out = JSON.stringify(result, null, 2);
    console.log(out);
    fs.mkdirSync(path.join(import.meta.dirname, '..', 'results'), { recursive: true });
    fs.writeFileSync(path.join(import.meta.dirname, '..', 'results', 'toy-agent.json'), `${out}\n`);
  } catch (error) {
    // The server's own account (warnings and errors) is what explains a failed run.
    console.error(server.server.output().slice(-4000));
    throw error;
  } finally {
    await server.stop();
    await dispose();
  }
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(`bench:toy-agent failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await dispose().catch(() => undefined);
    process.exit(1);
  },
);
