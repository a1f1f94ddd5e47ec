// Listening on the quick voice detection until the preferred one is ready (handover-vad.ts). The
// quick one is the real WebRTC VAD (libfvad in WebAssembly); the preferred one is a test double
// whose every answer is 0.77 and which counts the frames it was given, so each answer says who
// gave it (libfvad answers 0 on silence). This covers the handover, not Silero.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { handoverVad, type LoadedVad } from '../../../src/engines/vad/handover-vad.ts';
import { SequencedResults } from '../../../src/engines/vad/sequenced-results.ts';
import { createWebRtcVad } from '../../../src/engines/vad/webrtc-vad.ts';

const require = createRequire(import.meta.url);
const WASM_PATH = path.join(path.dirname(require.resolve('@echogarden/fvad-wasm')), 'fvad.wasm');
const PREFERRED = 0.77;
const silence = () => new Float32Array(512);

function preferredDouble() {
  const seen: number[] = [];
  let disposed = false;
  let resets = 0;
  const vad: LoadedVad = {
    frameSamples: 512,
    info: { role: 'vad', engine: 'test-double', model: 'preferred', backend: 'wasm' },
    process: () => Promise.resolve(PREFERRED),
    reset: () => void resets++,
    openStream() {
      const results = new SequencedResults<number>();
      return {
        push(seq) {
          seen.push(seq);
          results.deliver(seq, { ok: true, value: PREFERRED });
        },
        result: (seq) => results.take(seq),
        reset: () => void resets++,
        close: () => Promise.resolve(),
      };
    },
    dispose: () => void (disposed = true),
  };
  return {
    vad,
    seen,
    get disposed() {
      return disposed;
    },
    get resets() {
      return resets;
    },
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('handing voice detection over from the quick model to the preferred one', () => {
  it('answers with the quick model at once and with the preferred one from the frame after it is ready', async () => {
    const preferred = preferredDouble();
    const arrival = deferred<LoadedVad>();
    const vad = handoverVad(await createWebRtcVad({ wasmUrl: WASM_PATH }), arrival.promise);
    expect(vad.info.engine).toBe('libfvad');
    expect(await vad.process(silence())).toBe(0);

    const stream = vad.openStream();
    for (let seq = 0; seq < 5; seq++) stream.push(seq, silence());
    arrival.resolve(preferred.vad);
    await vad.upgraded;
    // The preferred model starts fresh, then takes this stream's next frames.
    expect(preferred.resets).toBe(1);
    for (let seq = 5; seq < 10; seq++) stream.push(seq, silence());
    const answers: number[] = [];
    for (let seq = 0; seq < 10; seq++) answers.push(await stream.result(seq));
    expect(answers).toEqual([0, 0, 0, 0, 0, PREFERRED, PREFERRED, PREFERRED, PREFERRED, PREFERRED]);
    expect(preferred.seen).toEqual([5, 6, 7, 8, 9]);
    await stream.close();

    // Single frames and new streams go to the preferred model too, and the info says so.
    expect(await vad.process(silence())).toBe(PREFERRED);
    const next = vad.openStream();
    next.push(0, silence());
    expect(await next.result(0)).toBe(PREFERRED);
    expect(vad.info.model).toBe('preferred');
    vad.dispose();
    expect(preferred.disposed).toBe(true);
  });

  it('keeps listening on the quick model when the preferred one fails, and says why', async () => {
    const arrival = deferred<LoadedVad>();
    const vad = handoverVad(await createWebRtcVad({ wasmUrl: WASM_PATH }), arrival.promise);
    const stream = vad.openStream();
    arrival.reject(new Error('the model file is damaged'));
    await vad.upgraded;
    stream.push(0, silence());
    expect(await stream.result(0)).toBe(0);
    expect(vad.info).toMatchObject({ engine: 'libfvad' });
    expect(vad.info.detail).toMatch(/failed: the model file is damaged/);
    vad.dispose();
  });

  it('lets go of a preferred model that arrives after the page unloaded voice detection', async () => {
    const preferred = preferredDouble();
    const arrival = deferred<LoadedVad>();
    const vad = handoverVad(await createWebRtcVad({ wasmUrl: WASM_PATH }), arrival.promise);
    vad.dispose();
    arrival.resolve(preferred.vad);
    await vad.upgraded;
    expect(preferred.disposed).toBe(true);
  });
});
