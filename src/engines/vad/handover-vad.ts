// Listening at once, the better model as soon as it is ready: frames go to `quick` (the WebRTC
// VAD, ready in milliseconds) until `preferred` (Silero, whose worker and onnxruntime take seconds
// to start) has loaded, then to `preferred` from the next frame on; each open stream switches at
// its next frame too. If `preferred` fails, `quick` keeps listening and `info` says why.
import type { EngineInfo } from '../types.ts';
import type { StreamingVad, VadStream } from './vad-stream.ts';

export interface LoadedVad extends StreamingVad {
  readonly info: EngineInfo;
  dispose(): void;
}

export interface HandoverVad extends LoadedVad {
  /** Settles once frames go to the preferred model, or once it failed to load (never rejects). */
  readonly upgraded: Promise<void>;
}

export function handoverVad(quick: LoadedVad, preferred: Promise<LoadedVad>): HandoverVad {
  let better: LoadedVad | null = null;
  let failure: string | null = null;
  let disposed = false;
  const upgraded = preferred.then(
    (vad) => {
      if (disposed) return vad.dispose();
      vad.reset();
      better = vad;
    },
    (error: unknown) => {
      failure = error instanceof Error ? error.message : String(error);
      console.warn('Hearth: the preferred voice detection failed to load; the quick one keeps listening', error);
    },
  );
  const current = (): LoadedVad => better ?? quick;

  return {
    frameSamples: quick.frameSamples,
    upgraded,
    get info(): EngineInfo {
      const info = current().info;
      return failure ? { ...info, detail: `${info.detail ?? ''} (the better model failed: ${failure})` } : info;
    },
    process: (frame) => current().process(frame),
    reset() {
      quick.reset();
      better?.reset();
    },
    openStream(): VadStream {
      const quickStream = quick.openStream();
      let betterStream: VadStream | null = null;
      /** The first frame the better model answers. */
      let firstBetterSeq = Number.POSITIVE_INFINITY;
      return {
        push(seq, samples) {
          if (!betterStream && better) {
            betterStream = better.openStream();
            firstBetterSeq = seq;
            // Its answers so far stay readable; it takes no more frames.
            void quickStream.close();
          }
          (betterStream ?? quickStream).push(seq, samples);
        },
        result: (seq) => (seq >= firstBetterSeq && betterStream ? betterStream : quickStream).result(seq),
        reset() {
          quickStream.reset();
          betterStream?.reset();
        },
        async close() {
          await Promise.all([quickStream.close(), betterStream?.close()]);
        },
      };
    },
    dispose() {
      disposed = true;
      quick.dispose();
      better?.dispose();
    },
  };
}
