// The last turn's latency breakdown as display rows (Talk screen).
import type { TurnMetrics } from '../../core/metrics.ts';

export interface LatencyRow {
  id: string;
  label: string;
  value: string;
  /** What the number means, for a tooltip / screen readers. */
  hint: string;
}

export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function latencyRows(m: TurnMetrics): LatencyRow[] {
  return [
    {
      id: 'voice-to-voice',
      label: m.source === 'voice' ? 'Voice to voice' : 'Text to voice',
      value: formatMs(m.voiceToVoiceMs),
      hint:
        m.source === 'voice'
          ? 'From when you stopped speaking to Hearth’s first sound'
          : 'From sending to Hearth’s first sound',
    },
    {
      id: 'eou',
      label: 'End of speech',
      value: formatMs(m.endOfUtteranceDelayMs),
      hint: 'Silence waited to be sure you had finished',
    },
    { id: 'stt', label: 'Speech recognition', value: formatMs(m.sttMs), hint: 'Time to write down what you said' },
    {
      id: 'llm-ttft',
      label: m.answeredInPause ? 'First word (begun in your pause)' : 'First word',
      value: formatMs(m.llmTtftMs),
      hint: m.answeredInPause
        ? 'Language model: time to its first word, counted from when it began in your pause'
        : 'Language model: time to its first word',
    },
    {
      id: 'tts-ttfa',
      label: 'First audio',
      value: formatMs(m.ttsTtfaMs),
      hint: 'Voice: time from the first sentence to its first sound',
    },
    {
      id: 'tok-s',
      label: 'Speed',
      value: m.tokensPerSecond === null ? '—' : `${Math.round(m.tokensPerSecond)} tok/s`,
      hint: `${m.completionTokens} tokens generated`,
    },
  ];
}
