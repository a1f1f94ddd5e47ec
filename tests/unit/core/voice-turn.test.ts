import { describe, expect, it } from 'vitest';
import { FRAME_MS, frameTags } from './fakes.ts';
import { config, createHarness } from './harness.ts';

const REPLY = ['Hello', ' there', '!', ' How', ' are', ' you', ' today', '?'];

describe('a normal voice turn', () => {
  async function runTurn() {
    const h = createHarness({ transcripts: ['hi Ember'], chat: [REPLY] });
    h.session.start();
    await h.silence(5 * FRAME_MS, 1); // frames at t = 0..128, tag 1 (pre-roll)
    const speechStart = h.clock.now(); // 160
    await h.speech(20 * FRAME_MS, 2); // 20 frames at t = 160..768
    const speechEnd = h.clock.now(); // 800: first silent frame
    await h.silenceUntil(() => h.session.state === 'listening' && h.of('turnEnd').length === 1);
    return { h, speechStart, speechEnd };
  }

  it('walks listening → userSpeaking → transcribing → thinking → speaking → listening', async () => {
    const { h } = await runTurn();
    expect(h.states()).toEqual(['listening', 'userSpeaking', 'transcribing', 'thinking', 'speaking', 'listening']);
  });

  it('confirms speech after minSpeechMs and ends the turn after endpointingDelayMs of silence', async () => {
    const { h, speechStart, speechEnd } = await runTurn();
    const at = (state: string) => h.of('state').find((e) => e.payload.state === state)?.at;
    // Onset frame at 160; the first frame at least 250 ms later is at 160 + 8 * 32.
    expect(at('userSpeaking')).toBe(speechStart + 8 * FRAME_MS);
    // Silence from 800; the first frame at least 600 ms later is at 800 + 19 * 32.
    expect(at('transcribing')).toBe(speechEnd + 19 * FRAME_MS);
  });

  it('sends the utterance with its pre-roll to STT and emits the final transcript', async () => {
    const { h } = await runTurn();
    expect(h.stt.calls).toHaveLength(1);
    const tags = frameTags(h.stt.calls[0]!.audio);
    const preRoll = tags.filter((t) => t === 1).length;
    // preRollMs = 300 → the 5 silent frames before onset all fit (t = 0..128 ≥ 160 - 300).
    expect(preRoll).toBe(5);
    expect(tags.filter((t) => t === 2)).toHaveLength(20);
    expect(tags.indexOf(2)).toBe(preRoll);
    expect(h.of('userTranscript').map((e) => e.payload)).toEqual([{ turnId: 'turn-1', text: 'hi Ember', final: true }]);
  });

  it('synthesizes sentence 1 and enqueues its audio before the LLM yields its last token', async () => {
    const { h } = await runTurn();
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Hello there!', 'How are you today?']);
    const firstAudio = h.log.indexOf('output:enqueue');
    const lastToken = h.log.lastIndexOf('llm:text ?');
    expect(firstAudio).toBeGreaterThan(-1);
    expect(firstAudio).toBeLessThan(lastToken);
    expect(h.output.enqueued[0]!.at).toBeLessThan(h.of('agentText').at(-1)!.at);
    expect(h.of('agentSentence').map((e) => e.payload.text)).toEqual(['Hello there!', 'How are you today?']);
    expect(h.of('agentText').at(-1)!.payload.text).toBe('Hello there! How are you today?');
  });

  it('plays the reply gap-free and returns to listening only when playback is done', async () => {
    const { h } = await runTurn();
    const [a, b, c, d] = h.output.enqueued;
    // Sentence 2 was synthesized while sentence 1 was still playing (2 × 100 ms chunks).
    expect(c!.at).toBeLessThan(a!.at + 200);
    expect([a, b, c, d].every((e) => e!.sampleRate === 16_000)).toBe(true);
    const playbackEnd = a!.at + 400; // four 100 ms chunks back to back
    const listening = h
      .of('state')
      .filter((e) => e.payload.state === 'listening')
      .at(-1)!;
    expect(listening.at).toBeGreaterThanOrEqual(playbackEnd);
    expect(listening.at).toBeLessThan(playbackEnd + FRAME_MS);
  });

  it('emits metrics derived from the clock', async () => {
    const { h, speechEnd } = await runTurn();
    const committed = speechEnd + 19 * FRAME_MS; // 1408
    const sttDone = committed + 100; // FakeSpeechToText delay
    const firstToken = sttDone + 80; // first token delay
    const sentence1Ready = firstToken + 3 * 20; // " How" reveals the boundary after "!"
    const firstAudio = sentence1Ready + 30; // TTS first-chunk delay
    const llmEnd = firstToken + 7 * 20;
    expect(h.of('metrics').map((e) => e.payload)).toEqual([
      {
        turnId: 'turn-1',
        source: 'voice',
        endOfUtteranceDelayMs: committed - speechEnd,
        sttMs: 100,
        llmTtftMs: 80,
        llmTotalMs: llmEnd - sttDone,
        ttsTtfaMs: 30,
        voiceToVoiceMs: firstAudio - speechEnd,
        completionTokens: 8,
        tokensPerSecond: (8 * 1000) / (llmEnd - firstToken),
        sentences: 2,
        interrupted: false,
        toolCalls: [],
        transcribedInPause: false,
        answeredInPause: false,
        speechEndAt: speechEnd,
        firstAudioAt: firstAudio,
      },
    ]);
    expect(h.output.enqueued[0]!.at).toBe(firstAudio);
  });

  it('prefers the engine-reported token usage over counting deltas', async () => {
    const h = createHarness({ transcripts: [], chat: [['Fine', ' thanks', '.', { usage: { completionTokens: 5 } }]] });
    h.session.start();
    const done = h.session.sendText('how are you');
    await h.silenceUntil(() => h.of('metrics').length > 0);
    await done;
    expect(h.of('metrics')[0]!.payload.completionTokens).toBe(5);
  });

  it('records the exchange in history and sends it with the next request', async () => {
    const { h } = await runTurn();
    expect(h.session.history).toEqual([
      { role: 'user', content: 'hi Ember' },
      { role: 'assistant', content: 'Hello there! How are you today?' },
    ]);
    const request = h.llm.calls[0]!;
    expect(request.messages[0]!.role).toBe('system');
    expect(request.messages.at(-1)).toEqual({ role: 'user', content: 'hi Ember' });
  });

  it('ignores speech blips shorter than minSpeechMs', async () => {
    const h = createHarness();
    h.session.start();
    await h.speech(config.minSpeechMs - 100);
    await h.silence(2000);
    expect(h.states()).toEqual(['listening']);
    expect(h.stt.calls).toHaveLength(0);
  });

  it('returns to listening without calling the LLM when the transcript is empty', async () => {
    const h = createHarness({ transcripts: ['   '] });
    h.session.start();
    await h.speech(500);
    await h.silenceUntil(() => h.stt.calls.length === 1 && h.session.state === 'listening');
    await h.silence(200);
    expect(h.llm.calls).toHaveLength(0);
    expect(h.states()).toEqual(['listening', 'userSpeaking', 'transcribing', 'listening']);
    expect(h.of('userTranscript')).toHaveLength(0);
  });

  it('runs the VAD on whole frames, one at a time, whatever the chunk size', async () => {
    const h = createHarness();
    h.session.start();
    const chunk = new Float32Array(700); // 1.37 frames
    const pushes = Array.from({ length: 8 }, () => h.session.pushAudio(chunk));
    await Promise.all(pushes);
    expect(h.vad.processed).toBe(Math.floor((700 * 8) / 512));
    expect(h.vad.maxInFlight).toBe(1);
  });

  it('emits vad events only when the speaking decision changes', async () => {
    const h = createHarness();
    h.session.start();
    await h.feed([0.1, 0.9, 0.9, 0.4, 0.4, 0.2, 0.1, 0.6]);
    expect(h.of('vad').map((e) => e.payload)).toEqual([
      // Probabilities travel inside Float32 frames, hence fround.
      { speaking: true, probability: Math.fround(0.9) },
      { speaking: false, probability: Math.fround(0.2) }, // 0.4 stays speaking (hysteresis above 0.35)
      { speaking: true, probability: Math.fround(0.6) },
    ]);
  });
});
