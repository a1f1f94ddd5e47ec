import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.ts';

const LONG = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? '.' : ' Hm'));

async function speaking() {
  const h = createHarness({ chat: [LONG, ['Yes', '.']], transcripts: ['go on'] });
  h.session.start();
  void h.session.sendText('talk');
  await h.silenceUntil(() => h.session.state === 'speaking');
  return h;
}

describe('stop()', () => {
  it('aborts LLM and TTS, flushes output, goes idle and emits nothing more for the turn', async () => {
    const h = await speaking();
    const before = h.events.length;
    h.session.stop();
    expect(h.llm.calls[0]!.signal!.aborted).toBe(true);
    expect(h.tts.calls.at(-1)!.signal!.aborted).toBe(true);
    expect(h.output.flushes).toHaveLength(1);
    expect(h.session.state).toBe('idle');
    const enqueuedAtStop = h.output.enqueued.length;
    const framesAtStop = h.vad.processed;
    await h.clock.advance(5000);
    await h.silence(500); // audio after stop is ignored
    expect(h.events.slice(before).map((e) => e.type)).toEqual(['state']);
    expect(h.output.enqueued).toHaveLength(enqueuedAtStop);
    expect(h.vad.processed).toBe(framesAtStop);
  });

  it('aborts STT in flight', async () => {
    const h = createHarness({ transcripts: ['never seen'] });
    h.session.start();
    await h.speech(400);
    await h.silenceUntil(() => h.session.state === 'transcribing');
    h.session.stop();
    expect(h.stt.calls[0]!.signal!.aborted).toBe(true);
    await h.clock.advance(1000);
    expect(h.of('userTranscript')).toEqual([]);
  });

  it('can start again and hold a new conversation turn', async () => {
    const h = await speaking();
    h.session.stop();
    h.session.start();
    await h.speech(400);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.of('userTranscript').map((e) => e.payload.text)).toEqual(['talk', 'go on']);
    expect(h.tts.calls.at(-1)!.text).toBe('Yes.');
  });
});

describe('interrupt() (the UI button)', () => {
  it('cancels the reply now and listens again', async () => {
    const h = await speaking();
    h.session.interrupt();
    expect(h.of('interrupted').map((e) => e.payload)).toEqual([{ turnId: 'turn-1', reason: 'user' }]);
    expect(h.output.flushes).toHaveLength(1);
    expect(h.llm.calls[0]!.signal!.aborted).toBe(true);
    expect(h.session.state).toBe('listening');
    expect(h.of('metrics').map((e) => e.payload.interrupted)).toEqual([true]);
    await h.silence(2000);
    expect(h.output.enqueued.filter((e) => e.at > h.output.flushes[0]!.at)).toEqual([]);
  });

  it('still reports the model’s speed when the reply is cut off mid-stream, timed to the cut', async () => {
    const h = await speaking();
    h.session.interrupt();
    const [metrics] = h.of('metrics').map((e) => e.payload);
    expect(metrics!.completionTokens).toBeGreaterThan(0);
    expect(metrics!.completionTokens).toBeLessThan(LONG.length);
    expect(metrics!.tokensPerSecond).not.toBeNull();
    // Decoding is timed from the first token to the cut, not to whenever the aborted stream unwinds.
    const { completionTokens, llmTotalMs, llmTtftMs } = metrics!;
    expect(metrics!.tokensPerSecond).toBeCloseTo((completionTokens * 1000) / (llmTotalMs! - llmTtftMs!));
    expect(llmTotalMs! - llmTtftMs!).toBeGreaterThan(0);
    await h.silence(2000);
  });

  it('is a no-op when nothing is in progress', async () => {
    const h = createHarness();
    h.session.start();
    const before = h.events.length;
    h.session.interrupt();
    expect(h.events.length).toBe(before);
    expect(h.output.flushes).toEqual([]);
  });
});
