// The embedded broker's cap on MQTT packet size, applied before aedes parses anything: mqtt-packet
// buffers a whole packet of whatever size its header announces (up to 256 MB), so one connection
// announcing a huge packet could hold that much memory. This reads only the fixed headers (type
// byte, then the remaining length in 1 to 4 bytes of 7 bits) as bytes pass and stops a connection
// at the first header over the cap.

/** Follows MQTT packet boundaries across chunks; `check` says whether a chunk stays within the cap. */
export class MqttPacketSizeGuard {
  private state: 'type' | 'length' | 'body' = 'type';
  private length = 0;
  private multiplier = 1;
  private lengthBytes = 0;
  private remaining = 0;
  /** The announced size of the packet that broke the cap (null while none has). */
  refused: number | null = null;

  constructor(readonly maxBytes: number) {}

  /** False once a packet header announces more than `maxBytes` (or a malformed length). */
  check(chunk: Uint8Array): boolean {
    if (this.refused !== null) return false;
    for (let i = 0; i < chunk.length;) {
      if (this.state === 'body') {
        const take = Math.min(this.remaining, chunk.length - i);
        this.remaining -= take;
        i += take;
        if (this.remaining === 0) this.state = 'type';
        continue;
      }
      const byte = chunk[i++]!;
      if (this.state === 'type') {
        this.state = 'length';
        this.length = 0;
        this.multiplier = 1;
        this.lengthBytes = 0;
        continue;
      }
      this.length += (byte & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      this.lengthBytes++;
      if (byte & 0x80) {
        if (this.lengthBytes < 4) continue;
        this.refused = Infinity; // a fifth length byte: not MQTT
        return false;
      }
      if (this.length > this.maxBytes) {
        this.refused = this.length;
        return false;
      }
      this.remaining = this.length;
      this.state = this.remaining > 0 ? 'body' : 'type';
    }
    return true;
  }
}

/**
 * Puts the guard in front of what aedes reads from `socket` (aedes pulls with socket.read() on
 * 'readable'); a chunk over the cap is never handed over and the connection is destroyed.
 */
export function guardPacketSize(
  socket: { read(size?: number): unknown; destroy(): void },
  maxBytes: number,
  onRefused: (announcedBytes: number) => void,
): void {
  const guard = new MqttPacketSizeGuard(maxBytes);
  const read = socket.read.bind(socket);
  socket.read = (size?: number) => {
    const chunk = read(size);
    if (!(chunk instanceof Uint8Array) || guard.check(chunk)) return chunk;
    onRefused(guard.refused ?? Infinity);
    socket.destroy();
    return null;
  };
}
