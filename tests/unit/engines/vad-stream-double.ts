// A test double for the VAD worker's end of a stream (silero-vad.worker.ts's openStream): it
// speaks the same wire protocol over a real MessagePort, answering frames in order. Its "model"
// is the frame's first sample (see tests/unit/core/fakes.ts micFrame), so tests know each answer.

import type { VadStreamEvent, VadStreamRequest } from '../../../src/engines/vad/vad-stream.ts';

export interface WorkerDouble {
  /** Frame numbers answered, in order, with the reset marks in between. */
  readonly seen: (number | 'reset')[];
  /** The next frames get an error answer instead of a probability. */
  failNext: number;
  /** While held, answers wait; release() sends them (reversed when asked, to test out-of-order). */
  hold(): void;
  release(options?: { reversed?: boolean }): void;
}

export function vadWorkerDouble(port: MessagePort): WorkerDouble {
  let held: VadStreamEvent[] | null = null;
  const emit = (event: VadStreamEvent): void => {
    if (held && event.type !== 'closed') held.push(event);
    else port.postMessage(event);
  };
  const double: WorkerDouble = {
    seen: [],
    failNext: 0,
    hold() {
      held = [];
    },
    release(options = {}) {
      const events = held ?? [];
      held = null;
      for (const event of options.reversed ? events.reverse() : events) port.postMessage(event);
    },
  };
  port.onmessage = (event: MessageEvent<VadStreamRequest>) => {
    const request = event.data;
    if (request.type === 'frame') {
      double.seen.push(request.seq);
      if (double.failNext > 0) {
        double.failNext--;
        emit({ type: 'error', seq: request.seq, message: `model failed on frame ${request.seq}` });
      } else {
        emit({ type: 'inference', seq: request.seq, probability: request.samples[0] ?? 0 });
      }
    } else if (request.type === 'reset') {
      double.seen.push('reset');
    } else {
      double.release();
      emit({ type: 'closed' });
      port.close();
    }
  };
  return double;
}
