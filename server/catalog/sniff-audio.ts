// What an audio file really is, from its first bytes, so a WAV named .mp3 or a text file named
// .ogg gets a clear error instead of a silent player.

export type AudioContainer = 'mp3' | 'ogg' | 'flac' | 'wav' | 'm4a';

const EXTENSION_CONTAINERS: Record<string, AudioContainer[]> = {
  '.mp3': ['mp3'],
  '.ogg': ['ogg'],
  '.opus': ['ogg'],
  '.flac': ['flac'],
  '.wav': ['wav'],
  '.m4a': ['m4a'],
};

export function sniffAudio(head: Uint8Array): AudioContainer | null {
  const ascii = (start: number, text: string) => [...text].every((c, i) => head[start + i] === c.charCodeAt(0));
  if (ascii(0, 'RIFF') && ascii(8, 'WAVE')) return 'wav';
  if (ascii(0, 'OggS')) return 'ogg';
  if (ascii(0, 'fLaC')) return 'flac';
  if (ascii(4, 'ftyp')) return 'm4a';
  if (ascii(0, 'ID3')) return 'mp3';
  // A bare MPEG audio frame: 11 sync bits, then a layer that is not "reserved".
  const b0 = head[0] ?? 0;
  const b1 = head[1] ?? 0;
  if (b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0) return 'mp3';
  return null;
}

export function containersForExtension(ext: string): AudioContainer[] {
  return EXTENSION_CONTAINERS[ext.toLowerCase()] ?? [];
}
