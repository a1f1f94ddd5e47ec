// A melody written as notes ("C4 C4 G4:2 R:1") rendered to a soft music-box tone.

export const TUNE_SAMPLE_RATE = 22_050;

const NOTE_INDEX: Record<string, number> = { C: 0, D: 2, E: 4, F: 5, G: 7, A: 9, B: 11 };

export interface Note {
  /** Hz; null for a rest. */
  frequency: number | null;
  beats: number;
}

/** "C#4:1.5" -> 277 Hz for 1.5 beats; "R:2" -> a two-beat rest. Throws on anything else. */
export function parseMelody(melody: string): Note[] {
  return melody
    .trim()
    .split(/\s+/)
    .map((token) => {
      const m = /^(?:([A-G])([#b]?)(\d)|R)(?::(\d+(?:\.\d+)?))?$/.exec(token);
      if (!m) throw new Error(`bad note "${token}" (expected e.g. C4, F#3:2 or R:1)`);
      const beats = m[4] ? Number(m[4]) : 1;
      if (!m[1]) return { frequency: null, beats };
      const semitone = NOTE_INDEX[m[1]]! + (m[2] === '#' ? 1 : m[2] === 'b' ? -1 : 0);
      const midi = 12 * (Number(m[3]) + 1) + semitone;
      return { frequency: 440 * 2 ** ((midi - 69) / 12), beats };
    });
}

/** Renders notes at `tempo` beats per minute: each note a decaying sine with a soft octave overtone. */
export function synthesizeTune(notes: Note[], tempo: number, sampleRate = TUNE_SAMPLE_RATE): Float32Array {
  const beatSec = 60 / tempo;
  const tailSec = 1.2; // let the last note ring out
  const totalSec = notes.reduce((s, n) => s + n.beats * beatSec, 0) + tailSec;
  const out = new Float32Array(Math.ceil(totalSec * sampleRate));
  let start = 0;
  for (const note of notes) {
    const lengthSec = note.beats * beatSec;
    if (note.frequency !== null) {
      const ringSec = Math.min(lengthSec + 0.6, 2.5);
      const first = Math.round(start * sampleRate);
      const count = Math.round(ringSec * sampleRate);
      for (let i = 0; i < count && first + i < out.length; i++) {
        const t = i / sampleRate;
        const attack = Math.min(1, t / 0.008); // no click at the onset
        const decay = Math.exp(-t * 3.2);
        const w = 2 * Math.PI * note.frequency * t;
        out[first + i]! += 0.22 * attack * decay * (Math.sin(w) + 0.3 * Math.sin(2 * w) * Math.exp(-t * 6));
      }
    }
    start += lengthSec;
  }
  // Gentle limiter: overlapping tails never clip.
  let peak = 0;
  for (const s of out) peak = Math.max(peak, Math.abs(s));
  if (peak > 0.9) for (let i = 0; i < out.length; i++) out[i] = (out[i]! * 0.9) / peak;
  return out;
}
