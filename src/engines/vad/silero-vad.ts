// Core's Vad backed by Silero v5 in a worker (see silero-vad.worker.ts). The microphone's frames
// reach the worker as a stream (vad-stream.ts): each frame is sent once, with its sequence number,
// and the conversation later reads its answer by that number.

import * as Comlink from 'comlink';
import { modelFileUrl, type EngineInfo, type LoadProgressListener } from '../types.ts';
import { SILERO_FRAME_SAMPLES } from '../../core/vad/silero-input.ts';
import { startupOldPath } from './startup-path.ts';
import { portVadStream, type PortVadStream, type StreamingVad } from './vad-stream.ts';
import type { SileroVadWorkerApi } from './silero-vad.worker.ts';

export const SILERO_PACK_ID = 'silero-vad-v5';
export const SILERO_MODEL_FILE = 'silero_vad_v5.onnx';

export interface SileroVadOptions {
  packId?: string;
  onProgress?: LoadProgressListener;
}

export interface SileroVad extends StreamingVad {
  readonly info: EngineInfo;
  dispose(): void;
}

interface VadWorker {
  worker: Worker;
  remote: Comlink.Remote<SileroVadWorkerApi>;
  /** Settles when onnxruntime has started in the worker (never rejects). */
  warm: Promise<void>;
}

function startVadWorker(): VadWorker {
  const worker = new Worker(new URL('./silero-vad.worker.ts', import.meta.url), { type: 'module', name: 'hearth-vad' });
  return { worker, remote: Comlink.wrap<SileroVadWorkerApi>(worker), warm: Promise.resolve() };
}

/** A worker started by prewarmSileroVad, waiting for createSileroVad to take it. */
let prewarmed: VadWorker | null = null;
/** A prewarmed worker nobody took (the voice is not used on this page) is let go after this. */
const PREWARM_UNCLAIMED_MS = 120_000;

/**
 * Starts the voice-detection worker and onnxruntime in it now, before the app knows which model
 * to load (with the default model when this device has it cached): listening then waits for less.
 * Safe to call more than once.
 */
export function prewarmSileroVad(packId: string = SILERO_PACK_ID): void {
  if (prewarmed || startupOldPath()) return;
  performance.mark('hearth:vad:prewarm');
  const started = startVadWorker();
  started.warm = started.remote.warmUp(modelFileUrl(packId, SILERO_MODEL_FILE)).then(
    ({ ms, modelLoaded }) => void performance.mark('hearth:vad:warm', { detail: { ortStartMs: ms, modelLoaded } }),
    // The real load reports any problem; a failed warm-up only means it starts onnxruntime itself.
    () => undefined,
  );
  prewarmed = started;
  setTimeout(() => {
    if (prewarmed !== started) return;
    prewarmed = null;
    started.remote[Comlink.releaseProxy]();
    started.worker.terminate();
  }, PREWARM_UNCLAIMED_MS);
}

export async function createSileroVad(options: SileroVadOptions = {}): Promise<SileroVad> {
  const packId = options.packId ?? SILERO_PACK_ID;
  // Startup stages, for bench:startup: listening waits on exactly this.
  const started = performance.mark('hearth:vad:start').startTime;
  const { worker, remote, warm } = prewarmed ?? startVadWorker();
  prewarmed = null;
  options.onProgress?.({ role: 'vad', stage: 'Loading voice detection', loaded: 0, total: null });
  try {
    await warm;
    const report = await remote.load(modelFileUrl(packId, SILERO_MODEL_FILE), startupOldPath());
    const loadMs = performance.now() - started;
    performance.mark('hearth:vad:ready', {
      detail: {
        modelFetchMs: report.modelFetchMs,
        sessionMs: report.sessionMs,
        // Starting the worker (its script and onnxruntime's JS) and the messages to and fro.
        workerStartMs: loadMs - report.modelFetchMs - report.sessionMs,
      },
    });
  } catch (error) {
    worker.terminate();
    throw error;
  }
  options.onProgress?.({ role: 'vad', stage: 'Ready', loaded: 1, total: 1 });

  const streams = new Set<PortVadStream>();
  const abortStreams = (reason: Error): void => {
    for (const stream of streams) stream.abort(reason);
    streams.clear();
  };
  // A worker that dies answers nothing more: whoever waits for a frame hears why instead.
  worker.addEventListener('error', (event) => abortStreams(new Error(`Voice detection stopped: ${event.message}`)));

  return {
    frameSamples: SILERO_FRAME_SAMPLES,
    info: {
      role: 'vad',
      engine: 'onnxruntime-web',
      model: packId,
      backend: 'wasm',
      detail: 'Silero v5, 1 thread, in a worker',
    },
    process(frame) {
      // One frame on its own (a full round trip); microphone audio goes through openStream().
      const copy = frame.slice();
      return remote.process(Comlink.transfer(copy, [copy.buffer]));
    },
    reset() {
      void remote.reset();
    },
    openStream() {
      const channel = new MessageChannel();
      const stream = portVadStream(channel.port1, SILERO_FRAME_SAMPLES);
      streams.add(stream);
      void remote.openStream(Comlink.transfer(channel.port2, [channel.port2]));
      const close = stream.close.bind(stream);
      return {
        ...stream,
        close: () => close().finally(() => streams.delete(stream)),
      };
    },
    dispose() {
      abortStreams(new Error('Voice detection was unloaded.'));
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
