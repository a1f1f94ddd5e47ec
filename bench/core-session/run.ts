// Benchmark: what the shared conversation core adds on top of its engines.
// With zero-latency engines, any time from "user text in" to "first audio out" is core overhead
// (prompt assembly, sentence segmentation, the reply pipeline, events). Compared in the same run
// with calling the same engines directly. Prints JSON; never asserts timings.
import { VoiceSession } from '../../src/core/index.ts';
import { summary } from '../stats.ts';
import {
  InstantChatModel,
  InstantScriptedVad,
  InstantSpeechToText,
  InstantTextToSpeech,
  TimestampingOutput,
} from './instant-engines.ts';

const REPLY =
  'Once upon a time there was a little turtle. She wanted to see the sea. So she walked all day, slowly and happily. At night she saw the moon!';
const TURNS = Number(process.env.BENCH_TURNS ?? 300);
const persona = { name: 'Hearth', systemPrompt: 'You are a friendly companion.' };

function makeSession(output: TimestampingOutput): VoiceSession {
  return new VoiceSession({
    vad: new InstantScriptedVad(),
    stt: new InstantSpeechToText('tell me a story about a turtle'),
    llm: new InstantChatModel(REPLY),
    tts: new InstantTextToSpeech(),
    output,
    persona,
  });
}

async function rawFirstAudioMs(): Promise<number> {
  const llm = new InstantChatModel(REPLY);
  const tts = new InstantTextToSpeech();
  const t0 = performance.now();
  let text = '';
  for await (const chunk of llm.stream({ messages: [{ role: 'user', content: 'x' }] })) {
    if (chunk.type !== 'text') continue;
    text += chunk.text;
    if (/[.!?]\s$/.test(text)) break;
  }
  for await (const _pcm of tts.synthesize(text, {})) break;
  return performance.now() - t0;
}

async function textTurns(): Promise<{ firstAudio: number[]; turn: number[] }> {
  const firstAudio: number[] = [];
  const turn: number[] = [];
  for (let i = 0; i < TURNS; i++) {
    const output = new TimestampingOutput();
    const session = makeSession(output);
    session.start();
    const t0 = performance.now();
    await session.sendText('Tell me a story about a turtle.');
    const t1 = performance.now();
    session.stop();
    if (output.firstEnqueueAt !== null) firstAudio.push(output.firstEnqueueAt - t0);
    turn.push(t1 - t0);
  }
  return { firstAudio, turn };
}

/** Per-frame cost of the turn detector and audio buffering while listening to 10 s of audio. */
async function frameCost(): Promise<{ sessionUsPerFrame: number[]; rawVadUsPerFrame: number[] }> {
  const frames: Float32Array[] = [];
  for (let i = 0; i < 312; i++) {
    const f = new Float32Array(512);
    f[0] = i > 60 && i < 120 ? 0.9 : 0.05; // ~2 s of speech in 10 s of audio
    frames.push(f);
  }
  const sessionUs: number[] = [];
  const rawUs: number[] = [];
  for (let r = 0; r < 20; r++) {
    const session = makeSession(new TimestampingOutput());
    session.start();
    let t0 = performance.now();
    for (const f of frames) await session.pushAudio(f);
    sessionUs.push(((performance.now() - t0) * 1000) / frames.length);
    session.stop();
    const vad = new InstantScriptedVad();
    t0 = performance.now();
    for (const f of frames) await vad.process(f);
    rawUs.push(((performance.now() - t0) * 1000) / frames.length);
  }
  return { sessionUsPerFrame: sessionUs, rawVadUsPerFrame: rawUs };
}

async function main(): Promise<void> {
  // Warm up the JIT so the first runs don't dominate the medians.
  for (let i = 0; i < 20; i++) await rawFirstAudioMs();
  await textTurns();
  const raw: number[] = [];
  for (let i = 0; i < TURNS; i++) raw.push(await rawFirstAudioMs());
  const turns = await textTurns();
  const frames = await frameCost();
  const firstAudio = summary(turns.firstAudio);
  const rawFirst = summary(raw);
  console.log(
    JSON.stringify(
      {
        bench: 'core-session',
        node: process.version,
        turns: TURNS,
        textToFirstAudioMs: firstAudio,
        rawEnginesToFirstAudioMs: rawFirst,
        coreOverheadToFirstAudioMs: Number((firstAudio.median - rawFirst.median).toFixed(3)),
        wholeTurnMs: summary(turns.turn),
        listeningCostUsPerFrame: summary(frames.sessionUsPerFrame),
        rawVadUsPerFrame: summary(frames.rawVadUsPerFrame),
        frameBudgetUs: 32_000,
      },
      null,
      2,
    ),
  );
}

void main();
