// The Vad the conversation reads while the microphone is on. Each microphone frame goes to the
// VAD worker once, with the worklet's sequence number (engines/vad/vad-stream.ts); VoiceSession
// then asks for the frames it was handed, one at a time and in order, and gets each frame's own
// answer by that number. No frame is sent twice and none is recognised by its contents.

import type { Vad } from '../../core/engines.ts';
import type { VadStream } from '../../engines/vad/vad-stream.ts';

/** A numbered microphone frame (audio/microphone.ts's MicFrame). */
export interface NumberedFrame {
  seq: number;
  samples: Float32Array;
}

interface Handed {
  stream: VadStream;
  seq: number;
}

export class MicVad implements Vad {
  /** Frames handed to the conversation and not yet asked about, oldest first. */
  private handed: Handed[] = [];
  private readonly streams = new Set<VadStream>();

  constructor(readonly frameSamples: number) {}

  /** Frames handed over and not asked about yet. */
  get waiting(): number {
    return this.handed.length;
  }

  /** A microphone starts: its frames flow on `stream` until detach(). */
  attach(stream: VadStream): void {
    this.streams.add(stream);
  }

  /** The microphone stopped: frames already sent still get their answers, then the stream closes. */
  async detach(stream: VadStream): Promise<void> {
    await stream.close();
    this.streams.delete(stream);
  }

  /**
   * `frame` is handed to VoiceSession (pushAudio) right after this: it goes to the model now, and
   * the session's next process() call is for it. Call only for frames the session will process.
   */
  hand(stream: VadStream, frame: NumberedFrame): void {
    stream.push(frame.seq, frame.samples);
    this.handed.push({ stream, seq: frame.seq });
  }

  /** VoiceSession reads frames in the order they were handed; the frame itself is not needed. */
  process(): Promise<number> {
    const next = this.handed.shift();
    if (!next) return Promise.reject(new Error('Voice detection was asked about a frame it was never given.'));
    return next.stream.result(next.seq);
  }

  /** The session starts over (start/stop): frames handed before it will not be asked about. */
  reset(): void {
    this.handed = [];
    for (const stream of this.streams) stream.reset();
  }
}
