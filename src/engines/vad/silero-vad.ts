// Core's Vad backed by Silero v5 in a worker (see silero-vad.worker.ts). The microphone's frames
// reach the worker as a stream (vad-stream.ts): each frame is sent once, with its sequence number,
// and the conversation later reads its answer by that number.

import * as Comlink from 'comlink';
import { modelFileUrl, type EngineInfo, type LoadProgressListener } from '../types.ts';
import { SILERO_FRAME_SAMPLES } from '../../core/vad/silero-input.ts';
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

export async function createSileroVad(options: SileroVadOptions = {}): Promise<SileroVad> {
  const packId = options.packId ?? SILERO_PACK_ID;
  const worker = new Worker(new URL('./silero-vad.worker.ts', import.meta.url), { type: 'module', name: 'hearth-vad' });
  const remote = Comlink.wrap<SileroVadWorkerApi>(worker);
  options.onProgress?.({ role: 'vad', stage: 'Loading voice detection', loaded: 0, total: null });
  try {
    await remote.load(modelFileUrl(packId, SILERO_MODEL_FILE));
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
