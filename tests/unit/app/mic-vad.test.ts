// The browser's voice detection path with the real VoiceSession: numbered microphone frames go to
// the VAD stream once (a test double of the worker's end, speaking the real wire protocol over a
// real MessageChannel), and the session reads each frame's own answer by its number, also when
// answers come back late and out of order, when numbers skip (muted), and across stop/start.

import { afterEach, describe, expect, it } from 'vitest';
import { MicVad } from '../../../src/app/voice/mic-vad.ts';
import { portVadStream, type VadStream } from '../../../src/engines/vad/vad-stream.ts';
import { FRAME_MS, FRAME_SAMPLES, frameTags, micFrame } from '../core/fakes.ts';
import { createHarness } from '../core/harness.ts';
import { vadWorkerDouble, type WorkerDouble } from '../engines/vad-stream-double.ts';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

function setUp() {
  const micVad = new MicVad(FRAME_SAMPLES);
  const h = createHarness({ transcripts: ['hello there'], chat: [['Hi', '!']], session: { vad: micVad } });
  let seq = 0;
  let stream: VadStream;
  let worker: WorkerDouble;
  const openMic = (): void => {
    const channel = new MessageChannel();
    channels.push(channel);
    worker = vadWorkerDouble(channel.port2);
    stream = portVadStream(channel.port1, FRAME_SAMPLES);
    micVad.attach(stream);
    seq = 0;
  };
  openMic();
  /** As the voice controller's onFrame: only frames the session will read are handed over. */
  const hear = (probability: number, tag: number): Promise<void> => {
    const frame = { seq: seq++, samples: micFrame(probability, tag) };
    if (h.session.state === 'idle') return Promise.resolve();
    micVad.hand(stream, frame);
    return h.session.pushAudio(frame.samples);
  };
  const feed = async (probabilities: number[], tag: number): Promise<void> => {
    for (const p of probabilities) {
      await hear(p, tag);
      await h.clock.advance(FRAME_MS);
    }
  };
  return {
    h,
    micVad,
    hear,
    feed,
    openMic,
    get stream() {
      return stream;
    },
    get worker() {
      return worker;
    },
    /** Numbers skip: the worklet went on counting while frames were not delivered (muted). */
    skip(count: number) {
      seq += count;
    },
  };
}

const frames = (ms: number, probability: number): number[] => Array(Math.ceil(ms / FRAME_MS)).fill(probability);

describe('MicVad: VoiceSession reads the microphone stream’s answers by sequence number', () => {
  it('a spoken turn: every frame is sent once, and the utterance reaches speech recognition', async () => {
    const t = setUp();
    t.h.session.start();
    await t.feed(frames(160, 0.02), 1);
    t.skip(7); // muted for a moment: those numbers never reach the model
    await t.feed(frames(640, 0.9), 2);
    await t.feed(frames(900, 0.02), 3);
    await t.h.silenceUntil(() => t.h.of('turnEnd').length === 1);
    expect(t.h.states().slice(0, 3)).toEqual(['listening', 'userSpeaking', 'transcribing']);
    expect(t.h.stt.calls).toHaveLength(1);
    expect(frameTags(t.h.stt.calls[0]!.audio).filter((tag) => tag === 2)).toHaveLength(20);
    const sent = t.worker.seen.filter((s): s is number => typeof s === 'number');
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.slice(5, 6)).toEqual([12]);
    expect(t.micVad.waiting).toBe(0);
  });

  it('answers held back and released in reverse order still go to their own frames', async () => {
    const t = setUp();
    const answers: number[] = [];
    const read = t.micVad.process.bind(t.micVad);
    t.micVad.process = async () => {
      const probability = await read();
      answers.push(probability);
      return probability;
    };
    t.h.session.start();
    t.worker.hold();
    // The session waits for frame 0's answer; the microphone keeps delivering meanwhile.
    const pushed = [...frames(160, 0.02).map((p) => t.hear(p, 1)), ...frames(480, 0.9).map((p) => t.hear(p, 2))];
    await new Promise<void>((resolve) => {
      const sent = (): number => t.worker.seen.filter((s) => typeof s === 'number').length;
      const check = (): void => (sent() === pushed.length ? resolve() : void setImmediate(check));
      check();
    });
    t.worker.release({ reversed: true });
    await Promise.all(pushed);
    // Frame by frame, the session got each frame's own answer, though they came back last first.
    expect(answers).toEqual([...frames(160, 0.02), ...frames(480, 0.9)].map(Math.fround));
  });

  it('stop() mid-speech then start(): frames handed before are never read, the stream starts over', async () => {
    const t = setUp();
    t.h.session.start();
    t.worker.hold();
    const before = frames(320, 0.9).map((p) => t.hear(p, 4));
    t.h.session.stop();
    expect(t.micVad.waiting).toBe(0);
    t.h.session.start();
    t.worker.release();
    await Promise.all(before);
    await t.feed(frames(640, 0.9), 5);
    await t.feed(frames(900, 0.02), 6);
    await t.h.silenceUntil(() => t.h.stt.calls.length === 1);
    expect(t.h.stt.calls).toHaveLength(1);
    // Only the new run's speech reached speech recognition.
    expect(frameTags(t.h.stt.calls[0]!.audio).filter((tag) => tag === 4)).toEqual([]);
    expect(t.worker.seen.filter((s) => s === 'reset').length).toBeGreaterThanOrEqual(2);
    expect(t.h.of('error')).toEqual([]);
  });

  it('a new microphone (numbers from 0 again) on its own stream; the old one finishes its answers first', async () => {
    const t = setUp();
    t.h.session.start();
    const first = t.stream;
    await t.feed(frames(96, 0.02), 7);
    await t.micVad.detach(first);
    t.openMic();
    await t.feed(frames(640, 0.9), 8);
    await t.feed(frames(900, 0.02), 9);
    await t.h.silenceUntil(() => t.h.stt.calls.length === 1);
    expect(t.h.stt.calls).toHaveLength(1);
    expect(t.worker.seen.filter((s) => typeof s === 'number').slice(0, 3)).toEqual([0, 1, 2]);
    expect(t.h.of('error')).toEqual([]);
  });

  it('a frame the model failed on is reported once as a voice-detection error and counts as silence', async () => {
    const t = setUp();
    t.h.session.start();
    t.worker.failNext = 2;
    await t.feed(frames(96, 0.9), 10);
    expect(t.h.of('error').map((e) => e.payload.stage)).toEqual(['vad']);
    expect(t.h.session.state).toBe('listening');
  });

  it('asked about a frame it was never given, it says so', async () => {
    const micVad = new MicVad(FRAME_SAMPLES);
    await expect(micVad.process()).rejects.toThrow(/never given/);
  });
});
