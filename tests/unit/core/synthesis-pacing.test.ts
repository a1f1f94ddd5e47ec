// The reply pipeline synthesizes about one sentence ahead of playback when the output can say how
// much is left to play (the browser's does), and the whole reply at once when it cannot. Fake time.
import { describe, expect, it } from 'vitest';
import { SYNTHESIS_LEAD_S } from '../../../src/core/reply-pipeline.ts';
import { createHarness } from './harness.ts';

const FOUR_SENTENCES = ['One', '.', ' Two', '.', ' Three', '.', ' Four', '.'];
/** Each sentence: 2 chunks of 1 s, the first 30 ms after synthesis starts. */
const TWO_SECOND_SENTENCES = { firstChunkDelayMs: 30, chunkMs: 1000, chunksPerSentence: 2 };
const SENTENCE_MS = 2000;
const LEAD_MS = SYNTHESIS_LEAD_S * 1000;

async function replyOfFourSentences(pacedOutput: boolean) {
  const h = createHarness({ chat: [FOUR_SENTENCES], ttsTiming: TWO_SECOND_SENTENCES, pacedOutput });
  h.session.start();
  void h.session.sendText('count to four');
  await h.silenceUntil(() => h.of('turnEnd').length === 1, 60_000);
  expect(h.tts.calls.map((c) => c.text)).toEqual(['One.', 'Two.', 'Three.', 'Four.']);
  return h;
}

describe('speech synthesis paced against playback', () => {
  it('starts each sentence about one sentence before it is heard when the output tells what is left to play', async () => {
    const h = await replyOfFourSentences(true);
    const [one, two, three, four] = h.tts.calls.map((c) => c.at);
    const heardAt = h.output.enqueued[0]!.at; // "One." starts playing as soon as it is enqueued
    // The first two go at once: "Two." is synthesized while "One." plays.
    expect(two! - one!).toBeLessThan(SENTENCE_MS);
    // "Three." waits until at most "Two." and the lead are left to play, and is still ready before
    // "One." ends (no gap); "Four." likewise one sentence later.
    expect(three! - heardAt).toBe(2 * SENTENCE_MS - SENTENCE_MS - LEAD_MS);
    expect(four! - heardAt).toBe(3 * SENTENCE_MS - SENTENCE_MS - LEAD_MS);
  });

  it('synthesizes the whole reply at once with an output that cannot tell (the toy’s room output)', async () => {
    const h = await replyOfFourSentences(false);
    const starts = h.tts.calls.map((c) => c.at);
    // Back to back as fast as the voice goes: all four before "One." has finished playing.
    expect(starts.at(-1)! - starts[0]!).toBeLessThan(SENTENCE_MS);
  });

  it('an interruption while a sentence waits for its turn stops it before it is synthesized', async () => {
    const h = createHarness({
      chat: [FOUR_SENTENCES, ['Okay', '.']],
      ttsTiming: TWO_SECOND_SENTENCES,
      pacedOutput: true,
    });
    h.session.start();
    void h.session.sendText('count to four');
    // The whole reply is written, but only two sentences have gone to the voice.
    await h.silenceUntil(() => h.log.includes('llm:done'));
    expect(h.tts.calls).toHaveLength(2);
    void h.session.sendText('stop');
    await h.silenceUntil(() => h.of('turnEnd').length === 2, 60_000);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['One.', 'Two.', 'Okay.']);
    // The history keeps only what reached the voice.
    const history = h.llm.calls[1]!.messages.filter((m) => m.role === 'assistant');
    expect(history.at(-1)).toMatchObject({ content: 'One. Two.', interrupted: true });
  });
});
