import { describe, expect, it } from 'vitest';
import { DEFAULT_VOICE_SESSION_CONFIG, TurnDetector, type TurnDetectorEvent } from '../../../src/core/index.ts';
import { createHarness } from './harness.ts';

// Real speech dips the VAD between words ("Tell | me a story": Silero falls to ~0.2 for
// 60-130 ms). Such a pause must not restart the count towards minSpeechMs / minInterruptionMs,
// or barge-in lands a word late, and choppy speech ("Stop. Wait.") might never interrupt.

const CONFIG = { speechThreshold: 0.5, silenceThreshold: 0.35, endpointingDelayMs: 600, speechGapMs: 160 };
const repeat = (p: number, n: number) => Array<number>(n).fill(p);

function run(probabilities: number[], minSpeechMs: number) {
  const detector = new TurnDetector(CONFIG);
  const events: [number, TurnDetectorEvent][] = [];
  probabilities.forEach((p, i) => {
    const event = detector.update(p, i * 32, minSpeechMs);
    if (event) events.push([i * 32, event]);
  });
  return events;
}

describe('speech gap tolerance (pauses between words)', () => {
  it('a 96 ms dip between words keeps the onset: speech is confirmed minInterruptionMs after it', () => {
    // "Tell" 320 ms, a 96 ms pause, "me a story" ...
    const events = run([...repeat(0.9, 10), ...repeat(0.2, 3), ...repeat(0.9, 10)], 400);
    expect(events).toEqual([[416, { type: 'speechStart', onsetAt: 0 }]]);
  });

  it('a pause longer than speechGapMs still ends a candidate as a blip (a cough stays a cough)', () => {
    const events = run([...repeat(0.9, 5), ...repeat(0.1, 8), ...repeat(0.9, 3)], 400);
    expect(events).toEqual([[160 + 160, { type: 'blip', onsetAt: 0 }]]);
  });

  it('is on by default in VoiceSession, where it makes barge-in land on time', async () => {
    expect(DEFAULT_VOICE_SESSION_CONFIG.speechGapMs).toBeGreaterThan(96);
    const h = createHarness({
      transcripts: ['tell me a story', 'tell me another'],
      chat: [
        [
          'Once upon a time there was a dragon. ',
          'It lived in a cave by the sea. ',
          'Every day it flew over the hills. ',
          'The end.',
        ],
        ['Sure.'],
      ],
    });
    h.session.start();
    await h.speech(400);
    await h.silenceUntil(() => h.session.state === 'speaking');
    const onset = h.clock.now();
    await h.feed([...repeat(0.9, 8), ...repeat(0.2, 3), ...repeat(0.9, 12)]);
    const interrupted = h.of('interrupted');
    expect(interrupted).toHaveLength(1);
    expect(interrupted[0]!.at - onset).toBeLessThanOrEqual(DEFAULT_VOICE_SESSION_CONFIG.minInterruptionMs + 32);
  });
});
