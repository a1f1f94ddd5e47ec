import { describe, expect, it } from 'vitest';
import { FRAME_MS, frameTags } from './fakes.ts';
import { config, createHarness, framesToConfirm, type Harness } from './harness.ts';

// A long reply (about 1.3 s of tokens) so the LLM is still generating when the user barges in.
const LONG_REPLY = Array.from({ length: 60 }, (_, i) => (i % 6 === 5 ? '.' : i % 6 === 0 ? ' Once' : ' upon'));

async function speakingHarness() {
  const h = createHarness({ transcripts: ['tell me a story', 'a song instead'], chat: [LONG_REPLY, ['Sure', '.']] });
  h.session.start();
  await h.speech(400);
  await h.silenceUntil(() => h.session.state === 'speaking');
  await h.silence(100, 5); // what the mic hears just before the barge-in: pre-roll material
  return h;
}

/** Feeds speech frames (tag 7) until `done`; returns how many it took. */
async function speakUntil(h: Harness, done: () => boolean): Promise<number> {
  let frames = 0;
  while (!done()) {
    if (frames > 100) throw new Error('never happened');
    await h.feed([0.9], 7);
    frames++;
  }
  return frames;
}

describe('barge-in', () => {
  it('interrupts after minInterruptionMs of speech: aborts LLM and TTS, flushes output', async () => {
    const h = await speakingHarness();
    const frames = await speakUntil(h, () => h.of('interrupted').length > 0);
    expect(frames).toBe(framesToConfirm(config.minInterruptionMs));
    expect(h.of('interrupted').map((e) => e.payload)).toEqual([{ turnId: 'turn-1', reason: 'barge-in' }]);
    expect(h.log).not.toContain('llm:done'); // the LLM really was still generating
    expect(h.llm.calls[0]!.signal!.aborted).toBe(true);
    expect(h.tts.calls.at(-1)!.signal!.aborted).toBe(true);
    expect(h.output.flushes).toHaveLength(1);
    expect(h.session.state).toBe('userSpeaking');
    expect(h.states().slice(-2)).toEqual(['speaking', 'userSpeaking']);
  });

  it('emits nothing more for the interrupted turn and no audio is enqueued after the flush', async () => {
    const h = await speakingHarness();
    await speakUntil(h, () => h.of('interrupted').length > 0);
    const flushedAt = h.output.flushes[0]!.at;
    const eventsBefore = h.events.length;
    await h.speech(300, 7);
    await h.silence(300);
    const late = h.events.slice(eventsBefore).filter((e) => 'turnId' in e.payload && e.payload.turnId === 'turn-1');
    expect(late).toEqual([]);
    expect(h.output.enqueued.filter((e) => e.at >= flushedAt)).toEqual([]);
  });

  it('turns the interrupting speech, from its onset with pre-roll, into the next utterance', async () => {
    const h = await speakingHarness();
    const confirmFrames = await speakUntil(h, () => h.of('interrupted').length > 0);
    await h.speech(10 * FRAME_MS, 7);
    await h.silenceUntil(() => h.of('turnEnd').length === 2);

    expect(h.stt.calls).toHaveLength(2);
    const tags = frameTags(h.stt.calls[1]!.audio);
    // Every frame of the barge-in speech is there, starting at its onset...
    expect(tags.filter((t) => t === 7)).toHaveLength(confirmFrames + 10);
    // ...preceded by the pre-roll: frames stamped within preRollMs before the onset.
    const preRollFrames = Math.ceil(config.preRollMs / FRAME_MS) - 1;
    expect(tags.indexOf(7)).toBe(preRollFrames);
    expect(tags.slice(preRollFrames - 4, preRollFrames)).toEqual([5, 5, 5, 5]);
    expect(h.of('userTranscript').map((e) => e.payload.text)).toEqual(['tell me a story', 'a song instead']);
    expect(h.tts.calls.at(-1)!.text).toBe('Sure.');
    expect(h.session.state).toBe('listening');
  });

  it('keeps only the spoken part of the reply in history, marked interrupted', async () => {
    const h = await speakingHarness();
    await speakUntil(h, () => h.of('interrupted').length > 0);
    const sentToTts = h.of('agentSentence').map((e) => e.payload.text);
    const generated = h.of('agentText').at(-1)!.payload.text;
    expect(sentToTts.join(' ').length).toBeLessThan(generated.length);
    expect(h.session.history).toEqual([
      { role: 'user', content: 'tell me a story' },
      { role: 'assistant', content: sentToTts.join(' '), interrupted: true },
    ]);
    const metrics = h.of('metrics').map((e) => e.payload);
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({ turnId: 'turn-1', interrupted: true, sentences: sentToTts.length });
    expect(h.of('turnEnd').map((e) => e.payload)).toEqual([{ turnId: 'turn-1', interrupted: true }]);
  });

  it('also interrupts while thinking, before any audio', async () => {
    // No sentence boundary for over a second: nothing reaches TTS before the barge-in.
    const rambling = Array(60).fill(' word');
    const h = createHarness({ transcripts: ['hello', 'wait'], chat: [rambling, ['Yes', '?']] });
    h.session.start();
    await h.speech(400);
    await h.silenceUntil(() => h.session.state === 'thinking');
    await speakUntil(h, () => h.of('interrupted').length > 0);
    expect(h.states().slice(-2)).toEqual(['thinking', 'userSpeaking']);
    expect(h.output.enqueued).toHaveLength(0);
    expect(h.tts.calls).toHaveLength(0);
    expect(h.llm.calls[0]!.signal!.aborted).toBe(true);
    expect(h.session.history).toEqual([{ role: 'user', content: 'hello' }]);
  });
});

describe('false interruption guard', () => {
  it('a 150 ms blip while speaking does not flush; the reply completes', async () => {
    const h = await speakingHarness();
    await h.speech(150, 7);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.of('interrupted')).toEqual([]);
    expect(h.output.flushes).toEqual([]);
    expect(h.states()).toEqual(['listening', 'userSpeaking', 'transcribing', 'thinking', 'speaking', 'listening']);
    expect(h.log).toContain('llm:done');
    expect(h.tts.calls.every((c) => !c.signal!.aborted)).toBe(true);
    expect(h.of('metrics')[0]!.payload.interrupted).toBe(false);
    expect(h.stt.calls).toHaveLength(1);
  });

  it('speech just under minInterruptionMs does not interrupt either', async () => {
    const h = await speakingHarness();
    await h.feed(Array(framesToConfirm(config.minInterruptionMs) - 1).fill(0.9), 7);
    await h.silence(200);
    expect(h.of('interrupted')).toEqual([]);
    expect(h.session.state).toBe('speaking');
  });
});
