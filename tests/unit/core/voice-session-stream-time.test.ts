// VoiceSession times microphone frames by their place in the audio stream, not by when the VAD
// got to them: a loaded server (a xiaozhi toy's frames queued behind a story's playback, or behind
// another toy's session being torn down) hands over seconds of audio at once, and timing that burst
// by the clock read a whole "Stop it." as a blip too short to be speech.
import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.ts';
import { FRAME_MS, micFrame } from './fakes.ts';

describe('VoiceSession stream time', () => {
  it('hears speech that arrives in one burst, with no time passing on the clock', async () => {
    const h = createHarness({ transcripts: ['Stop.'] });
    h.session.start();
    await h.silence(300);
    // 600 ms of speech then 1 s of silence, all pushed at the same clock instant.
    const burst = [...Array<number>(19).fill(0.9), ...Array<number>(32).fill(0.02)];
    await Promise.all(burst.map((p) => h.session.pushAudio(micFrame(p))));
    expect(h.states()).toContain('userSpeaking');
    await h.silenceUntil(() => h.of('userTranscript').length > 0);
    expect(h.of('userTranscript')[0]?.payload.text).toBe('Stop.');
  });

  it('the same speech pushed in separate bursts joins up as one utterance', async () => {
    const h = createHarness({ transcripts: ['Tell me a story.'] });
    h.session.start();
    await h.silence(300);
    for (let burst = 0; burst < 3; burst++) {
      await Promise.all(Array.from({ length: 10 }, () => h.session.pushAudio(micFrame(0.9))));
      // The clock moves on a little less than the audio did: the stream stays behind, not paused.
      await h.clock.advance(10 * FRAME_MS - 20);
    }
    await h.silenceUntil(() => h.of('userTranscript').length > 0);
    expect(h.of('userTranscript')).toHaveLength(1);
  });

  it('a stream that paused (a mic that closed) restarts at the clock, and its turn is timed from there', async () => {
    const h = createHarness({ transcripts: ['Hello.'] });
    h.session.start();
    await h.silence(300);
    // The toy's mic was closed for ten seconds: nothing arrived.
    await h.clock.advance(10_000);
    const resumedAt = h.clock.now();
    await h.speech(600);
    await h.silenceUntil(() => h.of('userTranscript').length > 0);
    const speaking = h.of('state').find((e) => e.payload.state === 'userSpeaking');
    expect(speaking?.at).toBeGreaterThanOrEqual(resumedAt);
    // The end of speech, in the clock's time, is after the pause: the end-of-utterance delay is the
    // endpointing wait, not ten seconds more.
    await h.silenceUntil(() => h.of('metrics').length > 0);
    const delay = h.of('metrics')[0]?.payload.endOfUtteranceDelayMs;
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThan(5_000);
  });
});
