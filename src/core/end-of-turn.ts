// How much silence ends the user's turn, from what they have said so far (the transcript of the
// audio up to the pause) and who is speaking. A finished sentence ends sooner; a trailing "and"
// or "because" waits longer; a persona for young children may wait longer for everyone.

/** How the session ends a turn. */
export type EndOfTurnMode =
  /** The configured silence, whatever was said; the transcript starts after it (the old path). */
  | 'fixed'
  /** The configured silence, but speech recognition starts at the first pause. */
  | 'transcribe-in-pause'
  /** Recognition starts at the first pause and its text sets the silence (this module's rules). */
  | 'adaptive';

/** A persona's patience with pauses: children pause longer than adults between words. */
export type PausePatience = 'short' | 'usual' | 'long';

export const PAUSE_PATIENCE_SCALE: Readonly<Record<PausePatience, number>> = {
  short: 0.75,
  usual: 1,
  long: 1.6,
};

export type UtteranceShape = 'finished' | 'unfinished' | 'unknown';

/** Words after which a speaker is still mid-thought, punctuation or not ("I saw a dog and."). */
const GOES_ON = new Set([
  'and',
  'but',
  'or',
  'so',
  'because',
  'cause',
  'then',
  'if',
  'when',
  'while',
  'until',
  'that',
  'which',
  'who',
  'the',
  'a',
  'an',
  'my',
  'your',
  'to',
  'of',
  'with',
  'about',
  'for',
  'from',
  'in',
  'on',
  'at',
  'um',
  'uh',
  'er',
  'erm',
  'hmm',
  'like',
  'is',
  'was',
  'are',
  'were',
]);

/** Whether a transcript reads like the end of a turn. */
export function utteranceShape(text: string): UtteranceShape {
  const trimmed = text.trim();
  if (!trimmed) return 'unknown';
  const lastWord = /([\p{L}']+)[^\p{L}']*$/u.exec(trimmed)?.[1]?.toLowerCase();
  if (lastWord && GOES_ON.has(lastWord)) return 'unfinished';
  if (/(\.\.\.|…|[,;:-])\s*$/.test(trimmed)) return 'unfinished';
  if (/[.!?]["')\]]*\s*$/.test(trimmed)) return 'finished';
  return 'unknown';
}

/** What a finished or unfinished utterance does to the configured silence. */
export const SHAPE_SCALE: Readonly<Record<UtteranceShape, number>> = {
  finished: 0.5,
  unfinished: 2,
  unknown: 1,
};

/** The shortest silence that may end a turn, whatever the rules say (VAD dips inside words). */
export const MIN_ENDPOINTING_DELAY_MS = 250;

/** An end-of-turn model's probability as a shape: at least this likely finished reads as finished. */
export const TURN_END_THRESHOLD = 0.5;

export function shapeFromProbability(probability: number): UtteranceShape {
  if (!Number.isFinite(probability)) return 'unknown';
  return probability >= TURN_END_THRESHOLD ? 'finished' : 'unfinished';
}

/** What is known about the utterance at a pause: its words so far, an audio model's verdict, or both. */
export interface PauseEvidence {
  textSoFar?: string | null;
  /** The end-of-turn model's probability that the speaker has finished; wins over the words when present. */
  completionProbability?: number | null;
}

/**
 * The silence that ends this turn: the configured delay scaled by the persona's patience and by the
 * utterance's shape, from the end-of-turn model when it has answered, otherwise from the words so far.
 */
export function endpointingDelayFor(
  baseMs: number,
  patience: PausePatience = 'usual',
  evidence: string | null | PauseEvidence = null,
): number {
  const { textSoFar = null, completionProbability = null } =
    typeof evidence === 'string' || evidence === null ? { textSoFar: evidence } : evidence;
  const shape =
    completionProbability !== null
      ? shapeFromProbability(completionProbability)
      : textSoFar === null
        ? 'unknown'
        : utteranceShape(textSoFar);
  return Math.max(MIN_ENDPOINTING_DELAY_MS, Math.round(baseMs * PAUSE_PATIENCE_SCALE[patience] * SHAPE_SCALE[shape]));
}
