import { describe, expect, it } from 'vitest';
import { config, createHarness, type Harness } from './harness.ts';

async function voiceTurn(h: Harness, turnEnds: number) {
  await h.speech(400);
  await h.silenceUntil(() => h.of('turnEnd').length === turnEnds && h.session.state === 'listening');
}

describe('engine failures', () => {
  it('STT throws: error event, apology spoken, back to listening, next turn works', async () => {
    const h = createHarness({ transcripts: [new Error('whisper crashed'), 'hello again'], chat: [['Hello', '!']] });
    h.session.start();
    await voiceTurn(h, 1);
    expect(h.of('error').map((e) => [e.payload.turnId, e.payload.stage, e.payload.error.message])).toEqual([
      ['turn-1', 'stt', 'whisper crashed'],
    ]);
    expect(h.llm.calls).toHaveLength(0);
    expect(h.of('agentText').map((e) => e.payload.text)).toEqual([config.apology]);
    expect(h.tts.calls.map((c) => c.text)).toEqual(splitApology());
    expect(h.output.enqueued.length).toBeGreaterThan(0);
    expect(h.session.history).toEqual([]);

    await voiceTurn(h, 2);
    expect(h.of('userTranscript').map((e) => e.payload.text)).toEqual(['hello again']);
    expect(h.tts.calls.at(-1)!.text).toBe('Hello!');
  });

  it('LLM throws mid-stream: the finished sentence plays, then the apology', async () => {
    const h = createHarness({
      transcripts: ['what is up', 'try again'],
      chat: [
        ['Let', ' me', ' see', '.', ' The', { error: new Error('out of memory') }],
        ['All', ' good', '.'],
      ],
    });
    h.session.start();
    await voiceTurn(h, 1);
    expect(h.of('error').map((e) => [e.payload.stage, e.payload.error.message])).toEqual([['llm', 'out of memory']]);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Let me see.', ...splitApology()]);
    expect(h.session.history).toEqual([
      { role: 'user', content: 'what is up' },
      { role: 'assistant', content: `Let me see. ${config.apology}` },
    ]);
    expect(h.of('metrics')[0]!.payload.interrupted).toBe(false);

    await voiceTurn(h, 2);
    expect(h.tts.calls.at(-1)!.text).toBe('All good.');
    expect(h.of('error')).toHaveLength(1);
  });

  it('TTS throws: error event, LLM stopped, apology shown as text without audio, next turn works', async () => {
    const long = ['Hello', ' there', '.', ...Array(40).fill(' More')];
    const h = createHarness({ transcripts: ['hi', 'hi again'], chat: [long, ['Hi', '.']] });
    h.tts.failOn = (text) => text === 'Hello there.';
    h.session.start();
    await voiceTurn(h, 1);
    expect(h.of('error').map((e) => [e.payload.stage, e.payload.error.message])).toEqual([
      ['tts', 'tts failed on "Hello there."'],
    ]);
    expect(h.llm.calls[0]!.signal!.aborted).toBe(true);
    expect(h.log).not.toContain('llm:done');
    expect(h.output.enqueued).toHaveLength(0);
    expect(h.of('agentText').at(-1)!.payload.delta).toBe(` ${config.apology}`);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Hello there.']);
    expect(h.states()).toEqual(['listening', 'userSpeaking', 'transcribing', 'thinking', 'listening']);

    h.tts.failOn = () => false;
    await voiceTurn(h, 2);
    expect(h.tts.calls.at(-1)!.text).toBe('Hi.');
    expect(h.output.enqueued.length).toBeGreaterThan(0);
  });

  it('STT and then TTS fail: both reported, the apology is still shown once', async () => {
    const h = createHarness({ transcripts: [new Error('stt down')] });
    h.tts.failOn = () => true;
    h.session.start();
    await voiceTurn(h, 1);
    expect(h.of('error').map((e) => e.payload.stage)).toEqual(['stt', 'tts']);
    expect(h.of('agentText').map((e) => e.payload.text)).toEqual([config.apology]);
    expect(h.session.state).toBe('listening');
  });

  it('VAD throws: reported once, frames treated as silence, listening continues', async () => {
    const h = createHarness({ transcripts: ['still here'], chat: [['Yes', '.']] });
    h.session.start();
    h.vad.failNext = 3;
    await h.speech(3 * 32);
    expect(h.of('error').map((e) => [e.payload.turnId, e.payload.stage])).toEqual([[null, 'vad']]);
    await voiceTurn(h, 1);
    expect(h.of('userTranscript').map((e) => e.payload.text)).toEqual(['still here']);
  });

  it('a throwing event listener does not break the session', async () => {
    const h = createHarness({ chat: [['Fine', '.']] });
    const errors: unknown[] = [];
    const originalError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      h.session.on('agentSentence', () => {
        throw new Error('UI bug');
      });
      h.session.start();
      void h.session.sendText('hi');
      await h.silenceUntil(() => h.of('turnEnd').length === 1);
    } finally {
      console.error = originalError;
    }
    expect(errors).toHaveLength(1);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Fine.']);
  });
});

function splitApology(): string[] {
  return ['Sorry, I had a problem there.', 'Could you say that again?'];
}
