// @ts-check
// espeak-ng phonemization for server/engines/tts-piper.ts, in a worker thread: the `phonemizer`
// package runs espeak-ng's WASM synchronously, which held the server's event loop (the one that
// forwards every toy's audio) for 15-50 ms a sentence. Plain JavaScript because worker threads do
// not inherit the TypeScript loader the server runs under.
// Messages in: phonemize {id, text, voice}, answered through worker-answer.mjs with the clauses'
// phonemes (an abort cannot stop synchronous WASM, so only these are read).
import { parentPort } from 'node:worker_threads';
import { phonemize } from 'phonemizer';
import { answerCall } from './worker-answer.mjs';

const port = parentPort;
if (!port) throw new Error('phonemize-worker.mjs runs as a worker thread');
// One thread: phonemizations run one at a time, in arrival order.
port.on('message', (/** @type {{ type: string; id: number; text: string; voice: string }} */ msg) => {
  if (msg.type === 'phonemize') answerCall(port, msg.id, phonemize(msg.text, msg.voice));
});
