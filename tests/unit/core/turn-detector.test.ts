import { describe, expect, it } from 'vitest';
import { TurnDetector, type TurnDetectorEvent } from '../../../src/core/index.ts';

const CONFIG = { speechThreshold: 0.5, silenceThreshold: 0.35, endpointingDelayMs: 600 };

/** Feeds probabilities 32 ms apart starting at t = 0; returns [time, event] pairs. */
function run(probabilities: number[], minSpeechMs = 250, detector = new TurnDetector(CONFIG)) {
  const events: [number, TurnDetectorEvent][] = [];
  probabilities.forEach((p, i) => {
    const event = detector.update(p, i * 32, minSpeechMs);
    if (event) events.push([i * 32, event]);
  });
  return events;
}

const repeat = (p: number, n: number) => Array<number>(n).fill(p);

describe('TurnDetector', () => {
  it('confirms speech once it has lasted minSpeechMs, reporting the onset time', () => {
    expect(run([0, 0, ...repeat(0.9, 10)])).toEqual([[64 + 256, { type: 'speechStart', onsetAt: 64 }]]);
  });

  it('reports a blip for speech shorter than minSpeechMs', () => {
    expect(run([...repeat(0.9, 5), 0.1, 0.1])).toEqual([[160, { type: 'blip', onsetAt: 0 }]]);
  });

  it('uses the longer threshold it is given (barge-in guard)', () => {
    const events = run(repeat(0.9, 14), 400);
    expect(events).toEqual([[416, { type: 'speechStart', onsetAt: 0 }]]);
  });

  it('ends the utterance after endpointingDelayMs of silence, reporting when silence began', () => {
    const events = run([...repeat(0.9, 10), ...repeat(0.1, 25)]);
    expect(events.at(-1)).toEqual([320 + 608, { type: 'speechEnd', endedAt: 320 }]);
  });

  it('restarts the silence timer when speech resumes', () => {
    const events = run([...repeat(0.9, 10), ...repeat(0.1, 15), ...repeat(0.9, 3), ...repeat(0.1, 25)]);
    expect(events.map(([, e]) => e.type)).toEqual(['speechStart', 'speechEnd']);
    expect(events[1]![1]).toEqual({ type: 'speechEnd', endedAt: 28 * 32 });
  });

  it('applies hysteresis: in-between probabilities keep the current decision', () => {
    const detector = new TurnDetector(CONFIG);
    expect(detector.update(0.4, 0, 0)).toBeNull(); // below speechThreshold: not speech yet
    expect(detector.voiced).toBe(false);
    detector.update(0.6, 32, 0);
    expect(detector.voiced).toBe(true);
    detector.update(0.4, 64, 0); // above silenceThreshold: still speech
    expect(detector.voiced).toBe(true);
    detector.update(0.3, 96, 0);
    expect(detector.voiced).toBe(false);
  });

  it('forceEnd ends confirmed speech only', () => {
    const detector = new TurnDetector(CONFIG);
    expect(detector.forceEnd(0)).toBeNull();
    run(repeat(0.9, 10), 250, detector);
    expect(detector.inSpeech).toBe(true);
    expect(detector.forceEnd(500)).toEqual({ type: 'speechEnd', endedAt: 500 });
    expect(detector.inSpeech).toBe(false);
  });
});
