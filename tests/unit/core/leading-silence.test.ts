// A reply starts with its first word, not the voice's silence before it (the classic voice puts
// about 200 ms there): the trimmer drops that silence from a reply's first audio, keeps 20 ms
// before the word, never drops more than its cap, and passes everything after the first word as is.
import { describe, expect, it } from 'vitest';
import { LeadingSilenceTrimmer } from '../../../src/core/audio/leading-silence.ts';
import type { TextToSpeech } from '../../../src/core/engines.ts';
import { createHarness } from './harness.ts';

const RATE = 16_000;
const ms = (n: number) => (RATE * n) / 1000;
const silence = (n: number) => new Float32Array(ms(n));
const tone = (n: number) => new Float32Array(ms(n)).fill(0.2);
const join = (...parts: Float32Array[]) => {
  const out = new Float32Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('leading silence of a reply', () => {
  it('drops the silence before the first word in one chunk, keeping 20 ms before it', () => {
    const trimmer = new LeadingSilenceTrimmer(RATE);
    const played = trimmer.push(join(silence(200), tone(100), silence(50)));
    expect(played.length).toBe(ms(20) + ms(100) + ms(50));
    expect(played[ms(20) - 1]).toBe(0);
    expect(played[ms(20)]).toBeCloseTo(0.2);
    expect(trimmer.droppedSamples).toBe(ms(180));
  });

  it('holds silent chunks back until the word comes, then plays from just before it', () => {
    const trimmer = new LeadingSilenceTrimmer(RATE);
    expect(trimmer.push(silence(100)).length).toBe(0);
    expect(trimmer.push(silence(100)).length).toBe(0);
    const played = trimmer.push(join(silence(5), tone(50)));
    expect(played.length).toBe(ms(20) + ms(50));
    expect(played[ms(20)]).toBeCloseTo(0.2);
    // After the first word nothing is trimmed: pauses inside the reply stay.
    expect(trimmer.push(silence(300)).length).toBe(ms(300));
  });

  it('never drops more than its cap: a reply of silence still plays after half a second of it', () => {
    const trimmer = new LeadingSilenceTrimmer(RATE, { maxTrimMs: 500 });
    let played = 0;
    for (let i = 0; i < 10; i++) played += trimmer.push(silence(100)).length;
    expect(trimmer.droppedSamples).toBe(ms(500));
    expect(played).toBe(ms(1000) - ms(500));
  });

  it('leaves audio that starts at once untouched', () => {
    const trimmer = new LeadingSilenceTrimmer(RATE);
    const chunk = tone(100);
    expect(trimmer.push(chunk)).toBe(chunk);
    expect(trimmer.droppedSamples).toBe(0);
  });
});

describe('a reply through the voice session', () => {
  /** A voice that says 200 ms of nothing before each sentence's 100 ms of sound. */
  class SlowStartVoice implements TextToSpeech {
    readonly sampleRate = RATE;
    async *synthesize(): AsyncGenerator<Float32Array> {
      yield silence(100);
      yield silence(100);
      yield tone(100);
    }
  }

  it("starts with the reply's first word; later sentences keep their pauses", async () => {
    const h = createHarness({ chat: [['One', '.', ' Two', '.']], session: { tts: new SlowStartVoice() } });
    h.session.start();
    void h.session.sendText('count to two');
    await h.silenceUntil(() => h.of('turnEnd').length === 1, 60_000);
    const played = h.output.enqueued.map((e) => e.samples);
    // "One.": 20 ms before its sound, then the sound. "Two.": its silence as the voice made it.
    expect(played).toEqual([ms(20) + ms(100), ms(100), ms(100), ms(100)]);
  });
});
