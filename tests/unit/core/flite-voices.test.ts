import { describe, expect, it } from 'vitest';
import { durationStretch, fliteArgs, isFliteVoice, speakableText } from '../../../src/core/tts/flite-voices.ts';

describe('flite helpers', () => {
  it('knows its voices', () => {
    expect(isFliteVoice('slt')).toBe(true);
    expect(isFliteVoice('en_US-lessac-medium')).toBe(false);
    expect(isFliteVoice('toString')).toBe(false);
  });
  it('turns a speaking rate into a duration stretch, clamped', () => {
    expect(durationStretch(undefined)).toBe(1);
    expect(durationStretch(2)).toBe(0.5);
    expect(durationStretch(0.5)).toBe(2);
    expect(durationStretch(100)).toBeCloseTo(1 / 3);
    expect(durationStretch(-1)).toBe(1);
  });
  it('cleans text and passes it with -t so it is never read as a file name', () => {
    expect(speakableText('  Hello,\n\tworld!  ')).toBe('Hello, world!');
    expect(speakableText(' ... ')).toBe('');
    expect(fliteArgs('-v', 'slt', 1, 'out.wav')).toEqual([
      'flite',
      '-voice',
      'slt',
      '--setf',
      'duration_stretch=1.000',
      '-t',
      '-v',
      '-o',
      'out.wav',
    ]);
  });
});
