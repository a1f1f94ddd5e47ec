import { describe, expect, it } from 'vitest';
import { FRAME_MS, frameTags } from './fakes.ts';
import { config, createHarness } from './harness.ts';

describe('endpointing', () => {
  it('a pause shorter than endpointingDelayMs does not end the utterance', async () => {
    const h = createHarness({ transcripts: ['tell me a story about a turtle'], chat: [['Okay', '.']] });
    h.session.start();
    await h.speech(500, 1);
    await h.silence(config.endpointingDelayMs - 2 * FRAME_MS, 2);
    expect(h.session.state).toBe('userSpeaking');
    await h.speech(500, 3);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.stt.calls).toHaveLength(1);
    const tags = frameTags(h.stt.calls[0]!.audio);
    expect(tags.indexOf(3)).toBeGreaterThan(tags.indexOf(1));
    expect(tags.filter((t) => t === 3)).toHaveLength(Math.ceil(500 / FRAME_MS));
  });

  it('a pause of endpointingDelayMs ends it', async () => {
    const h = createHarness({
      transcripts: ['one', 'two'],
      chat: [
        ['A', '.'],
        ['B', '.'],
      ],
    });
    h.session.start();
    await h.speech(500);
    await h.silence(config.endpointingDelayMs + FRAME_MS);
    expect(h.session.state).not.toBe('userSpeaking');
    expect(h.stt.calls).toHaveLength(1);
  });

  it('probabilities between the thresholds keep speech going (hysteresis)', async () => {
    const h = createHarness();
    h.session.start();
    await h.speech(500);
    await h.feed(Array(30).fill(0.4)); // ~1 s, above silenceThreshold 0.35
    expect(h.session.state).toBe('userSpeaking');
  });

  it('cuts an utterance at maxUtteranceMs', async () => {
    const h = createHarness({ transcripts: ['long'], config: { maxUtteranceMs: 2000 } });
    h.session.start();
    const onset = h.clock.now();
    await h.speech(3000);
    const transcribing = h.of('state').find((e) => e.payload.state === 'transcribing')!;
    expect(transcribing.at - onset).toBeGreaterThanOrEqual(2000);
    expect(transcribing.at - onset).toBeLessThan(2000 + FRAME_MS);
    expect(h.stt.calls).toHaveLength(1);
  });

  it('passes the persona language to STT', async () => {
    const h = createHarness({ session: { persona: { name: 'Lumi', systemPrompt: 'Hei.', language: 'fi' } } });
    h.session.start();
    await h.speech(400);
    await h.silence(800);
    expect(h.stt.calls[0]!.language).toBe('fi');
  });
});
