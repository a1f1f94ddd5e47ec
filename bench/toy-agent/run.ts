// npm run bench:toy-agent [-- --turns 8 --max-toys 8 --ramp-turns 3 --max-v2v-ms 3000 --modes fixed,transcribe-in-pause,adaptive]
// The toy agent through the embedded room server, with the models present here (Silero VAD, the
// contract Whisper pack, stories260K on node-llama-cpp, the classic voice):
//  1. the raw engines run directly in this process on the same utterance and prompt (the floor);
//  2. one toy (ToyClient, rtc-node) talks to the real server: per-stage latency from the agent's
//     metrics (end of utterance, STT, LLM first token, TTS first audio) and the toy's own clock
//     (its utterance end → first audible reply frame), medians and p90, and the ratio to the floor;
//     This is done once per end of turn (the server's --end-of-turn: 'fixed' 600 ms silence, the
//     same with recognition started in the pause, 'adaptive'), each on a fresh server, one after
//     the other, with ratios to 'fixed'. The contract STT always spells a finished sentence, so
//     'adaptive' is measured on finished sentences only (false cut-offs: bench:end-of-turn);
//  3. concurrent toys (1, 2, 4, ...) all talking at once, until the median voice-to-voice passes
//     --max-v2v-ms or a reply stalls (a silent gap of over 500 ms in its first second) or times out,
//     with the default end of turn ('adaptive').
//  4. the toy agent as `npm run agent` worker processes (the server with --toy-agent workers): the
//     same ramp with one worker process and with two on this machine, and the time from a worker's
//     death (SIGKILL) to its toy's companion being back and to the toy's next answer
//     (--skip-workers leaves this out; --only-workers runs only this, into toy-agent-workers.json).
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
import { PAUSE_PATIENCE_SCALE, type EndOfTurnMode } from '../../src/core/end-of-turn.ts';
import { pausePatienceOf } from '../../src/core/personas/persona-record.ts';
import { DEFAULT_VOICE_SESSION_CONFIG } from '../../src/core/session-types.ts';
import { FIXTURE_MODELS } from '../../tests/helpers/server.ts';
import { generateIntoTempDir } from '../../tests/integration/contract-models/generate-fixture.ts';
import { startToyServer, type ToyServer } from '../../tests/integration/agent/toy-server.ts';
import { percentile, summary } from '../stats.ts';
import {
  startAgentWorker,
  workerModels,
  type AgentWorkerProcess,
} from '../../tests/integration/agent-worker/agent-cli-process.ts';

const { values } = parseArgs({
  options: {
    turns: { type: 'string', default: '8' },
    'max-toys': { type: 'string', default: '8' },
    'ramp-turns': { type: 'string', default: '3' },
    'max-v2v-ms': { type: 'string', default: '3000' },
    modes: { type: 'string', default: 'fixed,transcribe-in-pause,adaptive' },
    /** Skip the worker-process phase (issue 18: one worker vs two, failover). */
    'skip-workers': { type: 'boolean', default: false },
    /** Only the worker-process phase. */
    'only-workers': { type: 'boolean', default: false },
  },
});
/** The fixed silence the bench persona gets (a child-safe persona waits longer than the configured delay). */
const ENDPOINTING_MS = Math.round(
  DEFAULT_VOICE_SESSION_CONFIG.endpointingDelayMs * PAUSE_PATIENCE_SCALE[pausePatienceOf(benchPersonaBase())],
);
const MODES = values.modes.split(',').map((m) => m.trim()) as EndOfTurnMode[];
/** The server's default end of turn: the one the concurrency ramp runs with. */
const DEFAULT_MODE: EndOfTurnMode = 'adaptive';
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
// The toys' persona: the child companion without the story tool (so the model answers), with "stop".
function benchPersonaBase(): PersonaRecord {
  return { ...builtinPersona(CHILD_COMPANION_ID)!, id: 'bench-companion', allowedTools: ['stop'], builtIn: false };
}
const benchPersona = benchPersonaBase();

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
  /** The toy's speech end (its last voiced sample) → the agent's speech-end mark: VAD's silence detection + the way in. */
  inboundMs: number | null;
  /** The agent's first reply audio enqueued → the toy's first audible reply frame: the way out, jitter buffer, quiet onset. */
  outboundMs: number | null;
}

/** Silence at the end of the utterance's audio: the toy's "utterance end" is its last sample, speech ends this much earlier. */
function trailingSilenceMs(pcm: MonoPcm): number {
  let last = pcm.samples.length - 1;
  while (last > 0 && Math.abs(pcm.samples[last]!) < 0.02) last--;
  return ((pcm.samples.length - 1 - last) * 1000) / pcm.sampleRate;
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
    inboundMs: null,
    outboundMs: null,
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
    inboundMs: difference(num('speechEndEpochMs'), said.endedAt - trailingSilenceMs(utterance)),
    outboundMs: difference(firstAudio, num('firstAudioEpochMs')),
  };
}

const difference = (a: number | null | undefined, b: number | null | undefined): number | null =>
  typeof a === 'number' && typeof b === 'number' ? Math.round(a - b) : null;

const byStage = (rows: TurnResult[]) => ({
  endOfUtteranceMs: stats(rows.map((r) => r.endOfUtteranceMs)),
  sttMs: stats(rows.map((r) => r.sttMs)),
  llmTtftMs: stats(rows.map((r) => r.llmTtftMs)),
  ttsTtfaMs: stats(rows.map((r) => r.ttsTtfaMs)),
  agentVoiceToVoiceMs: stats(rows.map((r) => r.agentV2vMs)),
  toyVoiceToVoiceMs: stats(rows.map((r) => r.toyV2vMs)),
  longestGapMs: stats(rows.map((r) => r.longestGapMs)),
  inboundMs: stats(rows.map((r) => r.inboundMs)),
  outboundMs: stats(rows.map((r) => r.outboundMs)),
});

/** Connects every toy, or none: if one fails, those that joined leave again and the error is thrown. */
async function connectToys(server: ToyServer, devices: { id: string; credential: string }[]): Promise<ToyClient[]> {
  const settled = await Promise.allSettled(
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
  const toys = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const failed = settled.find((r) => r.status === 'rejected');
  if (!failed) return toys;
  await Promise.all(toys.map((t) => t.disconnect().catch(() => undefined)));
  throw failed.reason;
}

/** Fresh toys with the bench persona (no toy rejoins a room its agent is still leaving). */
async function registerToys(server: ToyServer, count: number): Promise<{ id: string; credential: string }[]> {
  const devices: { id: string; credential: string }[] = [];
  for (let i = 0; i < count; i++) {
    const device = await server.registerToy(`Bench toy ${i + 1}`);
    const res = await fetch(`${server.server.url}/api/devices/${device.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${server.householdKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ persona: benchPersona }),
    });
    if (!res.ok) throw new Error(`PATCH persona: HTTP ${res.status} ${await res.text()}`);
    devices.push(device);
  }
  return devices;
}

/** One toy, TURNS turns (plus a warm-up). */
async function soloTurns(server: ToyServer, device: { id: string; credential: string }, utterance: MonoPcm) {
  const [solo] = await connectToys(server, [device]);
  const rows: TurnResult[] = [];
  await sleep(500);
  for (let i = 0; i < TURNS + 1; i++) {
    const row = await toyTurn(solo!, utterance);
    if (i > 0) rows.push(row);
  }
  await solo!.disconnect();
  const ok = rows.filter((r) => r.ok);
  return {
    turns: rows.length,
    failures: rows.length - ok.length,
    ...byStage(ok),
    agentComputeMs: stats(ok.map((r) => (r.sttMs ?? 0) + (r.llmTtftMs ?? 0) + (r.ttsTtfaMs ?? 0))),
  };
}

/** Concurrent toys, doubling, until one level is past the target. */
async function concurrency(
  server: ToyServer,
  devices: { id: string; credential: string }[],
  utterance: MonoPcm,
  levels: number[],
) {
  const ramp: Record<string, unknown>[] = [];
  let sustained = 0;
  for (const n of levels) {
    const first = levels.filter((l) => l < n).reduce((a, b) => a + b, 0);
    let toys: ToyClient[];
    try {
      toys = await connectToys(server, devices.slice(first, first + n));
    } catch (error) {
      // A toy whose companion never joined (the machine saturated): this level is not held.
      ramp.push({ toys: n, turns: 0, failures: n, joinError: error instanceof Error ? error.message : String(error) });
      break;
    }
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
    ramp.push({
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
    });
    const within = failures === 0 && stalls === 0 && v2v !== null && v2v.median <= MAX_V2V_MS;
    if (!within) break;
    sustained = n;
    await sleep(1500);
  }
  return { sustained, ramp };
}

/** The toy agent as worker processes (`--toy-agent workers`, `npm run agent`): one server per setup. */
async function workerToyServer(): Promise<ToyServer> {
  return startToyServer({
    args: ['--toy-agent', 'workers'],
    env: { HEARTH_LOG_LEVEL: 'warn', HEARTH_END_OF_TURN: DEFAULT_MODE },
  });
}

/**
 * Issue 18's bench: concurrent talking toys with one worker process and with two on this machine
 * (each with its own engines), and the time from a worker's death (SIGKILL) to the toy's companion
 * being back and to its next answer (the toy speaks as soon as the companion is back).
 */
async function workerScaling(utterance: MonoPcm, levels: number[]) {
  const models = workerModels();
  try {
    const ramps: Record<string, Awaited<ReturnType<typeof concurrency>>> = {};
    for (const count of [1, 2]) {
      const server = await workerToyServer();
      const workers: AgentWorkerProcess[] = [];
      try {
        for (let i = 0; i < count; i++)
          workers.push(
            await startAgentWorker({
              serverUrl: server.server.url,
              dataDir: server.server.dataDir,
              models,
              capacity: MAX_TOYS,
            }),
          );
        const devices = await registerToys(
          server,
          levels.reduce((a, b) => a + b, 0),
        );
        ramps[count] = await concurrency(server, devices, utterance, levels);
      } catch (error) {
        console.error(`${server.server.output().slice(-3000)}\n${workers.map((w) => w.log().slice(-2000)).join('\n')}`);
        throw error;
      } finally {
        for (const w of workers) await w.kill();
        await server.stop();
      }
    }
    const server = await workerToyServer();
    const workers: AgentWorkerProcess[] = [];
    try {
      const start = () =>
        startAgentWorker({ serverUrl: server.server.url, dataDir: server.server.dataDir, models, capacity: 4 });
      // The first worker alone takes the toy; the second registers after, then the first dies.
      workers.push(await start());
      const [device] = await registerToys(server, 1);
      const [toy] = await connectToys(server, [device!]);
      const warm = await toyTurn(toy!, utterance);
      if (!warm.ok) throw new Error('the toy was not answered before the failover');
      workers.push(await start());
      const killedAt = Date.now();
      await workers[0]!.kill();
      await waitUntil('the companion back', () => (toy!.agentVoiceSubscribedAt ?? 0) > killedAt, 120_000);
      const backAt = toy!.agentVoiceSubscribedAt!;
      let answeredAt: number | null = null;
      let attempts = 0;
      while (answeredAt === null && attempts < 5) {
        attempts++;
        const said = await toy!.say(utterance);
        await waitUntil('an answer', () => toy!.voice.firstAudibleAt(said.endedAt) !== null, 10_000).catch(
          () => undefined,
        );
        answeredAt = toy!.voice.firstAudibleAt(said.endedAt);
      }
      await toy!.disconnect();
      return {
        ramps,
        failover: {
          companionBackMs: backAt - killedAt,
          nextAnswerMs: answeredAt === null ? null : answeredAt - killedAt,
          utterancesUntilAnswered: attempts,
        },
      };
    } finally {
      for (const w of workers) await w.kill();
      await server.stop();
    }
  } finally {
    models.cleanup();
  }
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0
    ? Number((a / b).toFixed(2))
    : null;

/** The worker phase's figures: each setup's ramp, the ratio of toys held, the failover times. */
function workerReport(scaling: Awaited<ReturnType<typeof workerScaling>>) {
  const one = scaling.ramps[1]?.sustained ?? 0;
  const two = scaling.ramps[2]?.sustained ?? 0;
  return {
    endOfTurn: DEFAULT_MODE,
    maxVoiceToVoiceMs: MAX_V2V_MS,
    sustainedToys: { oneWorker: one, twoWorkers: two },
    twoWorkersOverOne: one > 0 ? Number((two / one).toFixed(2)) : null,
    levels: { oneWorker: scaling.ramps[1]?.ramp ?? [], twoWorkers: scaling.ramps[2]?.ramp ?? [] },
    failover: scaling.failover,
  };
}

function writeResult(file: string, result: unknown): void {
  const out = JSON.stringify(result, null, 2);
  console.log(out);
  fs.mkdirSync(path.join(import.meta.dirname, '..', 'results'), { recursive: true });
  fs.writeFileSync(path.join(import.meta.dirname, '..', 'results', file), `${out}\n`);
}

async function main(): Promise<void> {
  const utterance = await utteranceAudio(UTTERANCE);
  const levels: number[] = [];
  for (let n = 1; n <= MAX_TOYS; n *= 2) levels.push(n);
  if (values['only-workers']) {
    writeResult('toy-agent-workers.json', {
      bench: 'toy-agent (worker processes)',
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, loadAvg1m: Number(os.loadavg()[0]!.toFixed(2)) },
      workers: workerReport(await workerScaling(utterance, levels)),
    });
    await dispose();
    return;
  }
  const raw = await rawEngines(utterance, TURNS);
  const rawCompute = raw.computeMs?.median ?? Number.NaN;

  const byMode: Record<string, Awaited<ReturnType<typeof soloTurns>>> = {};
  let ramp: Awaited<ReturnType<typeof concurrency>> | null = null;
  // The default mode last, so the ramp runs on the server that measured it.
  const order = [...MODES.filter((m) => m !== DEFAULT_MODE), ...MODES.filter((m) => m === DEFAULT_MODE)];
  for (const mode of order) {
    const server = await startToyServer({ env: { HEARTH_LOG_LEVEL: 'warn', HEARTH_END_OF_TURN: mode } });
    try {
      const rampToys = mode === DEFAULT_MODE ? levels.reduce((a, b) => a + b, 0) : 0;
      const devices = await registerToys(server, 1 + rampToys);
      byMode[mode] = await soloTurns(server, devices[0]!, utterance);
      if (rampToys > 0) ramp = await concurrency(server, devices.slice(1), utterance, levels);
    } catch (error) {
      // The server's own account (warnings and errors) is what explains a failed run.
      console.error(server.server.output().slice(-4000));
      throw error;
    } finally {
      await server.stop();
    }
  }

  const workers = values['skip-workers'] ? null : workerReport(await workerScaling(utterance, levels));
  const single = byMode[DEFAULT_MODE] ?? byMode[order.at(-1)!]!;
  const fixedV2v = byMode.fixed?.toyVoiceToVoiceMs?.median;
  const result = {
    bench: 'toy-agent',
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? 'unknown',
      memGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAvg1m: Number(os.loadavg()[0]!.toFixed(2)),
    },
    models: raw.report,
    utterance: {
      text: UTTERANCE,
      seconds: Number((utterance.samples.length / utterance.sampleRate).toFixed(2)),
      /** The toy's voice-to-voice starts at the file's end; the speech ended this much before. */
      trailingSilenceMs: Math.round(trailingSilenceMs(utterance)),
    },
    /** The configured delay, and the fixed silence the bench's child-safe persona gets (its pause patience). */
    endpointingDelayMs: DEFAULT_VOICE_SESSION_CONFIG.endpointingDelayMs,
    personaEndpointingMs: ENDPOINTING_MS,
    rawEngines: raw,
    /** The default end of turn (adaptive) on one toy. */
    singleToy: single,
    /** One toy per end of turn (a fresh server each, run one after the other), and each over 'fixed'. */
    endOfTurnModes: Object.fromEntries(
      order.map((mode) => [
        mode,
        {
          ...byMode[mode],
          toyVoiceToVoiceOverFixed: ratio(byMode[mode]?.toyVoiceToVoiceMs?.median, fixedV2v),
          endOfUtteranceOverFixed: ratio(
            byMode[mode]?.endOfUtteranceMs?.median,
            byMode.fixed?.endOfUtteranceMs?.median,
          ),
          /** What the room and the toy's audio path add: the toy's voice-to-voice minus the agent's own. */
          toyPathMs: difference(byMode[mode]?.toyVoiceToVoiceMs?.median, byMode[mode]?.agentVoiceToVoiceMs?.median),
          /** The toy's voice-to-voice over the raw stages plus this mode's measured end of utterance. */
          toyOverRawPlusEndOfUtterance: ratio(
            byMode[mode]?.toyVoiceToVoiceMs?.median,
            rawCompute + (byMode[mode]?.endOfUtteranceMs?.median ?? Number.NaN),
          ),
        },
      ]),
    ),
    ratios: {
      /** The agent's STT + LLM first token + TTS first audio inside VoiceSession, over the same stages run directly. */
      agentComputeOverRaw: ratio(single.agentComputeMs?.median, rawCompute),
      /** Fixed end of turn: what the toy hears (its utterance end → first audible reply) over the raw stages plus the persona's fixed silence. */
      fixedToyVoiceToVoiceOverRawPlusEndpointing: ratio(fixedV2v, rawCompute + ENDPOINTING_MS),
    },
    concurrency: {
      endOfTurn: DEFAULT_MODE,
      maxVoiceToVoiceMs: MAX_V2V_MS,
      stallGapMs: STALL_MS,
      turnsPerToy: RAMP_TURNS,
      sustainedToys: ramp?.sustained ?? null,
      levels: ramp?.ramp ?? [],
    },
    /** Issue 18: the toy agent as worker processes on this machine (--toy-agent workers). */
    workers,
  };
  writeResult('toy-agent.json', result);
  await dispose();
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(`bench:toy-agent failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await dispose().catch(() => undefined);
    process.exit(1);
  },
);
