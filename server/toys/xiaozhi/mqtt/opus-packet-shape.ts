// AES-CTR carries no integrity check, so a packet sealed with the wrong key (or forged) still
// "decrypts", to noise. What lets Hearth drop it is that a real packet from the toy is a well-formed
// Opus packet (RFC 6716 section 3) lasting exactly the frame duration the toy announced in its
// hello; noise passes both checks only a few times in a hundred (see the unit test's count).

const MAX_FRAME_BYTES = 1275;

/** Duration of one frame in tenths of a millisecond, from the TOC byte's config (RFC 6716 table 2). */
function frameTenthsMs(config: number): number {
  if (config < 12) return [100, 200, 400, 600][config % 4]!;
  if (config < 16) return [100, 200][config % 2]!;
  return [25, 50, 100, 200][config % 4]!;
}

/** Reads a frame length (1 or 2 bytes); [length, bytes used] or null when the packet is too short. */
function frameLength(packet: Uint8Array, at: number): [number, number] | null {
  const first = packet[at];
  if (first === undefined) return null;
  if (first < 252) return [first, 1];
  const second = packet[at + 1];
  if (second === undefined) return null;
  return [second * 4 + first, 2];
}

/** The packet's duration in milliseconds, or null when it breaks RFC 6716's framing rules. */
export function opusPacketDurationMs(packet: Uint8Array): number | null {
  const toc = packet[0];
  if (toc === undefined) return null;
  const tenths = frameTenthsMs(toc >> 3);
  const code = toc & 0x03;
  const rest = packet.length - 1;
  if (code === 0) return rest <= MAX_FRAME_BYTES ? tenths / 10 : null;
  if (code === 1) return rest % 2 === 0 && rest / 2 <= MAX_FRAME_BYTES ? (2 * tenths) / 10 : null;
  if (code === 2) {
    const first = frameLength(packet, 1);
    if (!first) return null;
    const second = rest - first[1] - first[0];
    return second >= 0 && first[0] <= MAX_FRAME_BYTES && second <= MAX_FRAME_BYTES ? (2 * tenths) / 10 : null;
  }
  // Code 3: a frame-count byte (VBR flag, padding flag, count), optional padding, then frames.
  const countByte = packet[1];
  if (countByte === undefined) return null;
  const count = countByte & 0x3f;
  if (count === 0 || count * tenths > 1200) return null;
  let at = 2;
  let padding = 0;
  if (countByte & 0x40) {
    for (;;) {
      const p = packet[at++];
      if (p === undefined) return null;
      padding += p === 255 ? 254 : p;
      if (p !== 255) break;
    }
  }
  let body = packet.length - at - padding;
  if (body < 0) return null;
  if (countByte & 0x80) {
    for (let i = 0; i < count - 1; i++) {
      const len = frameLength(packet, at);
      if (!len) return null;
      at += len[1];
      body -= len[1] + len[0];
      if (len[0] > MAX_FRAME_BYTES || body < 0) return null;
    }
    if (body > MAX_FRAME_BYTES) return null;
  } else if (body % count !== 0 || body / count > MAX_FRAME_BYTES) {
    return null;
  }
  return (count * tenths) / 10;
}

/** True when `packet` is well-formed Opus lasting `frameMs`. */
export function looksLikeOpusFrame(packet: Uint8Array, frameMs: number): boolean {
  return packet.length > 0 && opusPacketDurationMs(packet) === frameMs;
}
