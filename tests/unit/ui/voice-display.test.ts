import { describe, expect, it } from 'vitest';
import type { TurnMetrics } from '../../../src/core/metrics.ts';
import { formatMs, latencyRows } from '../../../src/ui/voice/latency.ts';
import { orbStateFor } from '../../../src/ui/voice/orb-state.ts';

describe('orbStateFor', () => {
  it('follows the session while a turn is in progress, whatever the microphone does', () => {
    expect(orbStateFor('userSpeaking', 'on')).toBe('hearing');
    expect(orbStateFor('transcribing', 'on')).toBe('thinking');
    expect(orbStateFor('thinking', 'off')).toBe('thinking');
    expect(orbStateFor('speaking', 'off')).toBe('speaking');
  });

  it('between turns shows the microphone: listening, muted, starting or idle', () => {
    expect(orbStateFor('listening', 'on')).toBe('listening');
    expect(orbStateFor('listening', 'muted')).toBe('muted');
    expect(orbStateFor('idle', 'starting')).toBe('starting');
    expect(orbStateFor('listening', 'off')).toBe('idle');
    expect(orbStateFor('idle', 'off')).toBe('idle');
  });
});

describe('latency breakdown', () => {
  const voiceTurn: TurnMetrics = {
    turnId: 'turn-1',
    source: 'voice',
    endOfUtteranceDelayMs: 612.4,
    sttMs: 1940,
    llmTtftMs: 88,
    llmTotalMs: 2000,
    ttsTtfaMs: 41,
    voiceToVoiceMs: 3120,
    completionTokens: 90,
    tokensPerSecond: 45.6,
    sentences: 5,
    interrupted: false,
    toolCalls: [],
    transcribedInPause: false,
    answeredInPause: false,
  };

  it('formats milliseconds for people', () => {
    expect(formatMs(null)).toBe('—');
    expect(formatMs(612.4)).toBe('612 ms');
    expect(formatMs(1940)).toBe('1.94 s');
    expect(formatMs(12_345)).toBe('12.3 s');
  });

  it('lists voice-to-voice first, then each stage and the decode speed', () => {
    expect(latencyRows(voiceTurn).map((r) => [r.id, r.value])).toEqual([
      ['voice-to-voice', '3.12 s'],
      ['eou', '612 ms'],
      ['stt', '1.94 s'],
      ['llm-ttft', '88 ms'],
      ['tts-ttfa', '41 ms'],
      ['tok-s', '46 tok/s'],
    ]);
  });

  it('labels a typed turn as text to voice, with no speech stages', () => {
    const rows = latencyRows({ ...voiceTurn, source: 'text', endOfUtteranceDelayMs: null, sttMs: null });
    expect(rows[0]!.label).toBe('Text to voice');
    expect(rows.find((r) => r.id === 'stt')!.value).toBe('—');
  });
});
