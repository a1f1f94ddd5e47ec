// A tiny real MP3 with ID3v2.3 tags, written by hand (no encoder needed): silent MPEG-1 Layer III
// frames (all-zero side info and main data decode as silence) behind an ID3 tag carrying a title
// (TIT2) and, when given, an attached picture (APIC, front cover).

/** A 2×2 PNG (red, green / blue, white): the smallest picture that is still a real image. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFUlEQVR42mP4HxAQcCKAISDgPxAAAC4/B6S7Ag5CAAAAAElFTkSuQmCC',
  'base64',
);

export interface TaggedMp3Options {
  title?: string;
  /** The picture's bytes, stored as they are (a test may store a lie). */
  picture?: Buffer;
  /** What the tag says the picture is (default image/png). */
  pictureMime?: string;
  /** Number of 26 ms frames (default 40: about a second). */
  frames?: number;
}

function frame(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(10);
  header.write(id, 0, 'latin1');
  header.writeUInt32BE(body.length, 4); // ID3v2.3 frame sizes are plain big-endian
  return Buffer.concat([header, body]);
}

function syncsafe(n: number): Buffer {
  return Buffer.from([(n >> 21) & 0x7f, (n >> 14) & 0x7f, (n >> 7) & 0x7f, n & 0x7f]);
}

export function taggedMp3(options: TaggedMp3Options = {}): Buffer {
  const frames: Buffer[] = [];
  if (options.title)
    frames.push(frame('TIT2', Buffer.concat([Buffer.from([0]), Buffer.from(options.title, 'latin1')])));
  if (options.picture) {
    frames.push(
      frame(
        'APIC',
        Buffer.concat([
          Buffer.from([0]), // ISO-8859-1 text
          Buffer.from(`${options.pictureMime ?? 'image/png'}\0`, 'latin1'),
          Buffer.from([3]), // front cover
          Buffer.from('\0', 'latin1'), // no description
          options.picture,
        ]),
      ),
    );
  }
  const body = Buffer.concat(frames);
  const tag = Buffer.concat([Buffer.from('ID3', 'latin1'), Buffer.from([3, 0, 0]), syncsafe(body.length), body]);
  // MPEG-1 Layer III, no CRC, 128 kbit/s, 44.1 kHz, no padding, mono: 417-byte frames.
  const audioFrame = Buffer.alloc(417);
  audioFrame.set([0xff, 0xfb, 0x90, 0xc4]);
  const audio = Buffer.concat(Array.from({ length: options.frames ?? 40 }, () => audioFrame));
  return Buffer.concat([tag, audio]);
}
