// VAD as a stream (the shape of livekit agents-js' VADStream): microphone frames go in once, each
// with its sequence number; the worker answers every frame with an event carrying the same
// number. The main thread side here sends frames over a MessagePort to the VAD worker and matches
// the answers by number (sequenced-results.ts).

import type { Vad } from '../../core/engines.ts';
import { SequencedResults } from './sequenced-results.ts';

/** To the worker. */
export type VadStreamRequest =
  | { type: 'frame'; seq: number; samples: Float32Array }
  /** Start the model over (context and recurrent state) before the next frame. */
  | { type: 'reset' }
  /** Answer the frames already sent, then say 'closed'. */
  | { type: 'close' };

/** From the worker: one event per frame, in the order the frames were sent. */
export type VadStreamEvent =
  | { type: 'inference'; seq: number; probability: number }
  | { type: 'error'; seq: number; message: string }
  | { type: 'closed' };

/** A sequence of microphone frames and their speech probabilities. */
export interface VadStream {
  /** Sends frame `seq` to the model now (once). Sequence numbers only grow. */
  push(seq: number, samples: Float32Array): void;
  /** Frame `seq`'s speech probability (0..1). Reading goes forward: earlier unread results are dropped. */
  result(seq: number): Promise<number>;
  /** The model starts over from the next frame pushed. */
  reset(): void;
  /** Resolves once every frame already pushed has its answer; later calls reject. */
  close(): Promise<void>;
}

/** A Vad that can also take a whole stream of microphone frames. */
export interface StreamingVad extends Vad {
  openStream(): VadStream;
}

/** A stream whose worker may go away (terminated, crashed): abort() ends it with the reason. */
export interface PortVadStream extends VadStream {
  abort(reason: Error): void;
}

/** The main-thread end of a stream whose other end is `port` in the VAD worker. */
export function portVadStream(port: MessagePort, frameSamples: number): PortVadStream {
  const results = new SequencedResults<number>();
  let lastSeq = -1;
  let closing: Promise<void> | null = null;
  let onClosed: (() => void) | null = null;
  const abort = (reason: Error): void => {
    results.close(reason);
    port.onmessage = null;
    port.close();
    onClosed?.();
  };
  port.onmessage = (event: MessageEvent<VadStreamEvent>) => {
    const message = event.data;
    if (message.type === 'inference') results.deliver(message.seq, { ok: true, value: message.probability });
    else if (message.type === 'error') results.deliver(message.seq, { ok: false, error: new Error(message.message) });
    else onClosed?.();
  };
  port.onmessageerror = () => abort(new Error('Voice detection received a message it could not read.'));
  const send = (request: VadStreamRequest, transfer: Transferable[] = []): void => port.postMessage(request, transfer);

  return {
    push(seq, samples) {
      if (closing) throw new Error('This voice-detection stream is closed.');
      if (seq <= lastSeq) throw new Error(`Frame ${seq} came after frame ${lastSeq}: sequence numbers must grow.`);
      if (samples.length !== frameSamples) {
        throw new Error(`Voice detection needs ${frameSamples}-sample frames, got ${samples.length}.`);
      }
      lastSeq = seq;
      // A copy crosses to the worker: the caller keeps its frame (the conversation records it).
      const copy = samples.slice();
      send({ type: 'frame', seq, samples: copy }, [copy.buffer]);
    },
    result: (seq) => results.take(seq),
    reset() {
      if (closing) return;
      // Frames already sent belong to the run that is over; nobody will ask for them.
      results.discardBefore(lastSeq + 1);
      send({ type: 'reset' });
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        onClosed = () => {
          results.close(new Error('This voice-detection stream is closed.'));
          port.close();
          resolve();
        };
        send({ type: 'close' });
      });
      return closing;
    },
    abort,
  };
}
