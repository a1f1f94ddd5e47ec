// Microphone capture: getUserMedia → AudioContext → capture worklet → 16 kHz mono frames.
// An AudioContext at 16 kHz lets the browser resample the 44.1/48 kHz track; where the browser
// refuses that (Firefox will not mix rates), the context runs at the device rate and the
// worklet resamples instead.

import type { CaptureFrameMessage, CaptureProcessorOptions } from './capture.worklet.ts';
import captureWorkletUrl from './capture.worklet.ts?worker&url';
import { CAPTURE_SAMPLE_RATE } from './capture-pipeline.ts';
import { micConstraints, type MicProcessing } from './mic-processing.ts';

/** One frame of microphone audio, numbered from 0 in the order the worklet captured it. */
export interface MicFrame {
  seq: number;
  samples: Float32Array;
}

export interface MicrophoneOptions {
  processing: MicProcessing;
  /** Samples per delivered frame (the VAD's frame size keeps hand-offs aligned). */
  frameSamples: number;
  /** 16 kHz mono frames, in order (numbers skip the frames not delivered while muted). */
  onFrame: (frame: MicFrame) => void;
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
  // Everything that takes time (the audio context, fetching and compiling the worklet) is ready
  // BEFORE the microphone opens: audio the track delivers before the source is connected is lost
  // for good, and on a busy machine that setup can take longer than the first words.
  let capture = await prepareCapture(CAPTURE_SAMPLE_RATE, options);
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: micConstraints(options.processing) });
  } catch (error) {
    await capture.context.close().catch(() => undefined);
    throw error;
  }
  const track = stream.getAudioTracks()[0];
  try {
    if (!track) throw new Error('The microphone gave no audio track.');
    let source: MediaStreamAudioSourceNode;
    try {
      source = capture.context.createMediaStreamSource(stream);
    } catch {
      // The browser will not mix rates (Firefox): a context at the device rate, resampled in the worklet.
      await capture.context.close().catch(() => undefined);
      capture = await prepareCapture(undefined, options);
      source = capture.context.createMediaStreamSource(stream);
    }
    const { context, node } = capture;
    let muted = false;
    node.port.onmessage = (event: MessageEvent<CaptureFrameMessage>) => {
      if (!muted) options.onFrame({ seq: event.data.seq, samples: event.data.frame });
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
    await capture.context.close().catch(() => undefined);
    throw error;
  }
}

interface Capture {
  context: AudioContext;
  node: AudioWorkletNode;
}

/** A running audio context (at `sampleRate`, or the device's rate) with the capture worklet loaded. */
async function prepareCapture(sampleRate: number | undefined, options: MicrophoneOptions): Promise<Capture> {
  const context = new AudioContext({ ...(sampleRate ? { sampleRate } : {}), latencyHint: 'interactive' });
  try {
    await context.audioWorklet.addModule(captureWorkletUrl);
    const processorOptions: CaptureProcessorOptions = {
      frameSamples: options.frameSamples,
      targetRate: CAPTURE_SAMPLE_RATE,
    };
    // No outputs: nothing reaches the speakers, and the node still runs while its input is connected.
    const node = new AudioWorkletNode(context, 'hearth-capture', {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      processorOptions,
    });
    if (context.state !== 'running') await context.resume();
    return { context, node };
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
