// How much audio one library file may hold. A children's library holds songs and stories, not
// ten-hour recordings: a file beyond these is refused at ingest (it would cost the toy agent
// minutes of CPU and gigabytes of memory to decode), with a message saying which flag raises it.

export interface MediaLimits {
  /** Longest song or story, in seconds (--max-media-minutes). */
  maxDurationSec: number;
  /** Highest sample rate, in Hz (--max-media-sample-rate). */
  maxSampleRate: number;
  /** Most channels (--max-media-channels). */
  maxChannels: number;
}

export const DEFAULT_MEDIA_LIMITS: Readonly<MediaLimits> = Object.freeze({
  maxDurationSec: 60 * 60,
  maxSampleRate: 48_000,
  maxChannels: 2,
});

/** The file holds more audio than the limits allow; `message` names the limit and its flag. */
export class MediaLimitError extends Error {
  override name = 'MediaLimitError';
}

export function describeDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  return `${Math.round((seconds / 60) * 10) / 10} min`;
}

/** Header facts checked before any decoding; throws MediaLimitError naming the flag to change. */
export function checkAudioFormat(
  label: string,
  facts: { sampleRate?: number | undefined; channels?: number | undefined; durationSec?: number | undefined },
  limits: MediaLimits,
): void {
  if (facts.sampleRate !== undefined && facts.sampleRate > limits.maxSampleRate) {
    throw new MediaLimitError(
      `${label} is sampled at ${facts.sampleRate} Hz; the library takes at most ${limits.maxSampleRate} Hz (convert it, or raise --max-media-sample-rate)`,
    );
  }
  if (facts.channels !== undefined && facts.channels > limits.maxChannels) {
    throw new MediaLimitError(
      `${label} has ${facts.channels} channels; the library takes at most ${limits.maxChannels} (mix it down, or raise --max-media-channels)`,
    );
  }
  if (facts.durationSec !== undefined && facts.durationSec > limits.maxDurationSec) {
    throw new MediaLimitError(
      `${label} is ${describeDuration(facts.durationSec)} long; songs and stories may be at most ${describeDuration(limits.maxDurationSec)} (split it, or raise --max-media-minutes)`,
    );
  }
}
