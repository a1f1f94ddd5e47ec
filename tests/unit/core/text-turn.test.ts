import { describe, expect, it } from 'vitest';
import { createHarness } from './harness.ts';

describe('text input', () => {
  it('runs the same reply path without VAD or STT', async () => {
    const h = createHarness({ chat: [['Hi', ' friend', '.', ' Nice', ' to', ' see', ' you', '.']] });
    h.session.start();
    await h.clock.advance(1000);
    const submittedAt = h.clock.now();
    const done = h.session.sendText('  hello there  ');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    await done;

    expect(h.stt.calls).toHaveLength(0);
    expect(h.states()).toEqual(['listening', 'thinking', 'speaking', 'listening']);
    expect(h.of('userTranscript').map((e) => e.payload)).toEqual([
      { turnId: 'turn-1', text: 'hello there', final: true },
    ]);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Hi friend.', 'Nice to see you.']);
    expect(h.llm.calls[0]!.messages.at(-1)).toEqual({ role: 'user', content: 'hello there' });

    const firstAudioAt = h.output.enqueued[0]!.at;
    expect(h.of('metrics')[0]!.payload).toMatchObject({
      source: 'text',
      endOfUtteranceDelayMs: null,
      sttMs: null,
      llmTtftMs: 80,
      voiceToVoiceMs: firstAudioAt - submittedAt,
    });
    // First token at +80, the boundary shows with " Nice" at +140, first audio 30 ms later.
    expect(firstAudioAt - submittedAt).toBe(170);
  });

  it('ignores blank text', async () => {
    const h = createHarness();
    h.session.start();
    await h.session.sendText('   ');
    expect(h.llm.calls).toHaveLength(0);
    expect(h.states()).toEqual(['listening']);
  });

  it('refuses text before start()', () => {
    const h = createHarness();
    expect(() => h.session.sendText('hi')).toThrow(/start/);
  });

  it('interrupts a reply in progress and answers the new text', async () => {
    const long = Array.from({ length: 40 }, (_, i) => (i % 4 === 3 ? '.' : ' la'));
    const h = createHarness({ chat: [long, ['Okay', '.']] });
    h.session.start();
    void h.session.sendText('sing');
    await h.silenceUntil(() => h.session.state === 'speaking');
    void h.session.sendText('stop singing and say okay');
    expect(h.of('interrupted').map((e) => e.payload)).toEqual([{ turnId: 'turn-1', reason: 'text' }]);
    expect(h.output.flushes).toHaveLength(1);
    expect(h.llm.calls[0]!.signal!.aborted).toBe(true);
    await h.silenceUntil(() => h.of('turnEnd').length === 2);
    expect(h.tts.calls.at(-1)!.text).toBe('Okay.');
    expect(h.of('turnEnd').map((e) => e.payload)).toEqual([
      { turnId: 'turn-1', interrupted: true },
      { turnId: 'turn-2', interrupted: false },
    ]);
    const history = h.session.history;
    expect(history[0]).toEqual({ role: 'user', content: 'sing' });
    expect(history[1]).toMatchObject({ role: 'assistant', interrupted: true });
    expect(history.slice(2)).toEqual([
      { role: 'user', content: 'stop singing and say okay' },
      { role: 'assistant', content: 'Okay.' },
    ]);
    // The second request carries the interrupted exchange as context.
    expect(h.llm.calls[1]!.messages.slice(1, 3)).toEqual(history.slice(0, 2));
  });

  it('drops a half-spoken utterance when text is typed', async () => {
    const h = createHarness({ transcripts: ['should not be used'], chat: [['Typed', '.']] });
    h.session.start();
    await h.speech(400);
    expect(h.session.state).toBe('userSpeaking');
    void h.session.sendText('typed instead');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    await h.silence(1000);
    expect(h.stt.calls).toHaveLength(0);
    expect(h.session.state).toBe('listening');
  });
});
