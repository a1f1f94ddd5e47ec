// @ts-check
// Whisper for server/engines/stt-whisper.ts, in a worker thread: transformers.js computes the log-mel
// features and drives the decoder in JavaScript, which held the server's event loop for ~150 ms of
// every ~165 ms transcription (the contract model) and so stalled the embedded room server's packet
// forwarding, bunching every toy's audio. Plain JavaScript because worker threads do not inherit the
// TypeScript loader the server runs under.
// Messages in: load {id, modelRoot, packId, dtype, threads?} and transcribe {id, audio, language?}, each
// answered through worker-answer.mjs (load with {multilingual}, transcribe with the text); abort {id}
// stops a transcription; dispose releases the sessions and ends the thread.
import { parentPort } from 'node:worker_threads';
import { env, InterruptableStoppingCriteria, pipeline } from '@huggingface/transformers';
import { answerCall } from './worker-answer.mjs';

const SAMPLE_RATE = 16_000;
const port = parentPort;
if (!port) throw new Error('stt-whisper-worker.mjs runs as a worker thread');

/** @type {import('@huggingface/transformers').AutomaticSpeechRecognitionPipeline | null} */
let asr = null;
let multilingual = false;
/** Stopping criteria of the transcriptions in progress, by id (abort interrupts the decoder). */
const running = new Map();

/** @param {{ modelRoot: string; packId: string; dtype: 'q8' | 'fp32'; threads?: number }} msg */
async function load(msg) {
  // This thread's transformers.js reads only the model store's folder: never the internet.
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = msg.modelRoot;
  const loaded = /** @type {import('@huggingface/transformers').AutomaticSpeechRecognitionPipeline} */ (
    await pipeline('automatic-speech-recognition', msg.packId, {
      device: 'cpu',
      dtype: msg.dtype,
      // Undefined leaves onnxruntime's default (one thread per core).
      ...(msg.threads ? { session_options: { intraOpNumThreads: msg.threads } } : {}),
    })
  );
  asr = loaded;
  const config = /** @type {{ generation_config?: { is_multilingual?: boolean } }} */ (loaded.model);
  multilingual = Boolean(config.generation_config?.is_multilingual);
  // One short run allocates buffers, so the first real utterance is not the slow one.
  await loaded(new Float32Array(SAMPLE_RATE / 2));
  return { multilingual };
}

/** @param {{ id: number; audio: Float32Array; language?: string }} msg */
async function transcribe(msg) {
  if (!asr) throw new Error('Whisper is not loaded');
  const stop = new InterruptableStoppingCriteria();
  running.set(msg.id, stop);
  try {
    // English-only checkpoints (*.en) reject a language option; they are English by definition.
    const language = multilingual && msg.language ? { language: msg.language.split('-')[0] } : {};
    const longForm = msg.audio.length > SAMPLE_RATE * 30 ? { chunk_length_s: 30, stride_length_s: 5 } : {};
    const out = /** @type {{ text: string }} */ (
      await asr(msg.audio, { stopping_criteria: [stop], ...longForm, ...language })
    );
    return out.text.trim();
  } finally {
    running.delete(msg.id);
  }
}

port.on('message', (/** @type {{ type: string; id: number; [key: string]: any }} */ msg) => {
  if (msg.type === 'load') answerCall(port, msg.id, load(/** @type {any} */ (msg)));
  else if (msg.type === 'transcribe') answerCall(port, msg.id, transcribe(/** @type {any} */ (msg)));
  else if (msg.type === 'abort') running.get(msg.id)?.interrupt();
  else if (msg.type === 'dispose') {
    // Ends this thread once the sessions are released.
    void (asr?.dispose() ?? Promise.resolve()).finally(() => process.exit(0));
  }
});
