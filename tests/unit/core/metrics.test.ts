import { describe, expect, it } from 'vitest';
import { computeTurnMetrics, TokenCounter, TurnTimer } from '../../../src/core/index.ts';
import { FakeClock } from './fakes.ts';

describe('TurnTimer', () => {
  it('stamps marks with the clock and measures spans', async () => {
    const clock = new FakeClock();
    const timer = new TurnTimer(clock);
    await clock.advance(100);
    timer.mark('llmStart');
    await clock.advance(40);
    timer.markOnce('llmFirstText');
    await clock.advance(10);
    timer.markOnce('llmFirstText'); // ignored: only the first counts
    timer.mark('speechEnd', 20);
    expect(timer.span('llmStart', 'llmFirstText')).toBe(40);
    expect(timer.at('speechEnd')).toBe(20);
    expect(timer.span('llmStart', 'llmEnd')).toBeNull();
  });
});

describe('TokenCounter', () => {
  it('counts text deltas per round unless the engine reports usage', () => {
    const counter = new TokenCounter();
    counter.addTextDelta();
    counter.addTextDelta();
    counter.endRound();
    counter.addTextDelta();
    counter.addUsage({ completionTokens: 7 });
    expect(counter.total).toBe(9);
    counter.endRound();
    counter.addUsage({ promptTokens: 3 }); // no completion count: fall back to deltas (none)
    counter.endRound();
    expect(counter.total).toBe(9);
  });
});

describe('computeTurnMetrics', () => {
  it('derives latencies from the marks and leaves stages that did not run as null', () => {
    const clock = new FakeClock();
    const timer = new TurnTimer(clock);
    timer.mark('committed', 1000);
    timer.mark('llmStart', 1000);
    timer.mark('llmFirstText', 1100);
    timer.mark('llmEnd', 1500);
    timer.mark('ttsFirstSentence', 1150);
    timer.mark('ttsFirstAudio', 1200);
    timer.mark('firstAudio', 1200);
    const metrics = computeTurnMetrics({
      turnId: 't',
      source: 'text',
      timer,
      completionTokens: 20,
      sentences: 3,
      interrupted: false,
      toolCalls: ['get_time'],
      transcribedInPause: false,
      answeredInPause: false,
    });
    expect(metrics).toEqual({
      turnId: 't',
      source: 'text',
      endOfUtteranceDelayMs: null,
      sttMs: null,
      llmTtftMs: 100,
      llmTotalMs: 500,
      ttsTtfaMs: 50,
      voiceToVoiceMs: 200,
      completionTokens: 20,
      tokensPerSecond: 50,
      sentences: 3,
      interrupted: false,
      toolCalls: ['get_time'],
      transcribedInPause: false,
      answeredInPause: false,
      // A text turn has no speech end; its first audio is where the clock put it.
      speechEndAt: null,
      firstAudioAt: 1200,
    });
  });
});
