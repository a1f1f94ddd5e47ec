// Microphone capture: getUserMedia → AudioContext → capture worklet → 16 kHz mono frames.
// An AudioContext at 16 kHz lets the browser resample the 44.1/48 kHz track; where the browser
// refuses that (Firefox will not mix rates), the context runs at the device rate and the
// worklet resamples instead.

import type { CaptureFrameMessage, CaptureProcessorOptions } from './capture.worklet.ts';
import captureWorkletUrl from './capture.worklet.ts?worker&url';
import { CAPTURE_SAMPLE_RATE } from './capture-pipeline.ts';
import { micConstraints, type MicProcessing } from './mic-processing.ts';

export interface MicrophoneOptions {
  processing: MicProcessing;
  /** Samples per delivered frame (the VAD's frame size keeps hand-offs aligned). */
  frameSamples: number;
  /** 16 kHz mono frames, in order. */
  onFrame: (frame: Float32Array) => void;
  /** The track ended on its own (device unplugged, permission revoked). */
  onEnded?: () => void;
}

export interface Microphone {
  readonly sampleRate: number;
  /** What the browser actually applied (it may ignore a constraint). */
  readonly settings: MediaTrackSettings;
  /** Muted: the track is disabled and no frames are delivered. */
  setMuted(muted: boolean): void;
  stop(): Promise<void>;
}

export async function openMicrophone(options: MicrophoneOptions): Promise<Microphone> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: micConstraints(options.processing) });
  const track = stream.getAudioTracks()[0];
  if (!track) throw new Error('The microphone gave no audio track.');
  try {
    const { context, source } = await connectSource(stream);
    await context.audioWorklet.addModule(captureWorkletUrl);
    const processorOptions: CaptureProcessorOptions = { frameSamples: options.frameSamples, targetRate: CAPTURE_SAMPLE_RATE };
    // No outputs: nothing reaches the speakers, and the node still runs while its input is connected.
    const node = new AudioWorkletNode(context, 'hearth-capture', { numberOfInputs: 1, numberOfOutputs: 0, processorOptions });
    let muted = false;
    node.port.onmessage = (event: MessageEvent<CaptureFrameMessage>) => {
      if (!muted) options.onFrame(event.data.frame);
    };
    source.connect(node);
    if (context.state !== 'running') await context.resume();
    const onEnded = (): void => options.onEnded?.();
    track.addEventListener('ended', onEnded);

    return {
      sampleRate: CAPTURE_SAMPLE_RATE,
      settings: track.getSettings(),
      setMuted(next) {
        muted = next;
        track.enabled = !next;
      },
      async stop() {
        track.removeEventListener('ended', onEnded);
        node.port.onmessage = null;
        source.disconnect();
        node.disconnect();
        for (const t of stream.getTracks()) t.stop();
        await context.close().catch(() => undefined);
      },
    };
  } catch (error) {
    for (const t of stream.getTracks()) t.stop();
    throw error;
  }
}

async function connectSource(stream: MediaStream): Promise<{ context: AudioContext; source: MediaStreamAudioSourceNode }> {
  const context = new AudioContext({ sampleRate: CAPTURE_SAMPLE_RATE, latencyHint: 'interactive' });
  try {
    return { context, source: context.createMediaStreamSource(stream) };
  } catch {
    await context.close().catch(() => undefined);
    const native = new AudioContext({ latencyHint: 'interactive' });
    return { context: native, source: native.createMediaStreamSource(stream) };
  }
}
