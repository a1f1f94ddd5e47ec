/** Re-chunks audio of any length into the fixed-size frames the VAD expects. */
export class FrameAssembler {
  private pending = new Float32Array(0);

  constructor(private readonly frameSamples: number) {}

  push(chunk: Float32Array): Float32Array[] {
    const joined = new Float32Array(this.pending.length + chunk.length);
    joined.set(this.pending);
    joined.set(chunk, this.pending.length);
    const frames: Float32Array[] = [];
    let offset = 0;
    for (; offset + this.frameSamples <= joined.length; offset += this.frameSamples) {
      frames.push(joined.slice(offset, offset + this.frameSamples));
    }
    this.pending = joined.slice(offset);
    return frames;
  }

  reset(): void {
    this.pending = new Float32Array(0);
  }
}

export function concatAudio(chunks: readonly Float32Array[]): Float32Array {
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Float32Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
