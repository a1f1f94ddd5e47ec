// npm run bench:end-of-turn [-- --rounds 3] [--stt-threads N]
// The three ends of turn of the core VoiceSession ('fixed' 600 ms silence, 'transcribe-in-pause',
// 'adaptive'), interleaved in one run on the same spoken utterances, with the engines present here
// (Silero VAD on onnxruntime-node, the contract Whisper pack on transformers.js, stories260K on
// node-llama-cpp, the classic flite voice). Audio is pushed in real time, 32 ms at a time; the
// utterances, the words recognition returns and the scoring are spoken-turns.ts's (shared with
// bench:voice-loop, which runs the same on the browser's engines).
//
// A fourth mode adds preemptive generation to the adaptive one.
// Reports per mode: voice-to-voice (speech end -> first reply audio queued) and end-of-utterance
// delay on finished sentences, medians and ratios to 'fixed'; and the share of false cut-offs
// (a turn committed before the speaker finished) on utterances with a pause mid-sentence.
// Prints JSON and writes bench/results/end-of-turn.json. --stt-threads sets Whisper's onnxruntime
// threads (default: the server's own choice, one on a 2-core box), to compare the two.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ModelStore } from '../../server/models/store.ts';
import { createServerEngines } from '../../server/engines/index.ts';
import { loadClassicVoice } from '../../server/engines/tts-classic.ts';
import { resample } from '../../src/core/audio/resampler.ts';
import { FIXTURE_MODELS } from '../../tests/helpers/server.ts';
import { generateIntoTempDir } from '../../tests/integration/contract-models/generate-fixture.ts';
import { measureEndOfTurnModes, RATE, ScriptWordsStt } from './spoken-turns.ts';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, 'stt-threads': { type: 'string' } },
});
const sttThreads = values['stt-threads'] === undefined ? undefined : Number(values['stt-threads']);

const generated = generateIntoTempDir();
const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-eot-'));
const models = await ModelStore.open({
  manifestPath: generated.manifestPath,
  modelsDir,
  extraDirs: [generated.outDir, FIXTURE_MODELS],
});
await models.verifyInBackground();
const engines = await createServerEngines({
  models,
  skip: ['embeddings'],
  ...(sttThreads !== undefined ? { sttThreads } : {}),
});
const { createVad, stt: realStt, llm, tts } = engines;
if (!createVad || !realStt || !llm) throw new Error(`engines missing: ${engines.report.join('; ')}`);
// The speaker's voice: flite, whose speech Silero hears as speech (the contract Piper's is not).
const speaker = await loadClassicVoice(models, { voice: 'slt' });

async function speak(text: string): Promise<Float32Array> {
  const chunks: Float32Array[] = [];
  for await (const pcm of speaker.synthesize(text, {})) chunks.push(pcm);
  const joined = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) joined.set(c, (o += c.length) - c.length);
  return resample(joined, speaker.sampleRate, RATE);
}

try {
  const measured = await measureEndOfTurnModes(
    { vad: createVad, stt: new ScriptWordsStt(realStt), llm, tts },
    {
      rounds: Number(values.rounds),
      speak,
      onTurn: (turn) => {
        if (process.env.BENCH_DEBUG) console.error(turn.mode, JSON.stringify(turn));
      },
    },
  );
  const result = {
    bench: 'end-of-turn',
    machine: { cpus: os.cpus().length, loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)) },
    sttThreads: sttThreads ?? 'default',
    engines: engines.report,
    ...measured,
  };
  fs.mkdirSync(path.join('bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join('bench', 'results', 'end-of-turn.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await speaker.dispose();
  await engines.dispose();
  generated.cleanup();
  fs.rmSync(modelsDir, { recursive: true, force: true });
}
