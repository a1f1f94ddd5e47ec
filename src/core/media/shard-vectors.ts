// A shard's vectors on the wire, so browsers can merge results across shards: int8 with one
// float32 scale per vector (384 bytes + 4 per 384-dim item, a sixth of the shard's gzipped Voy
// JSON; rounding moves a unit vector's components by at most 1/254 of its largest one).
// Layout, little-endian: u32 count, u32 dims, count × f32 scale, count × dims × i8,
// then per item: u16 id length, that many u16 UTF-16 code units.
import type { VectorLookup } from './sharded-index.ts';

export function encodeShardVectors(ids: readonly string[], vectors: readonly ArrayLike<number>[], dims: number): Uint8Array {
  const idBytes = ids.reduce((sum, id) => sum + 2 + id.length * 2, 0);
  const bytes = new Uint8Array(8 + ids.length * 4 + ids.length * dims + idBytes);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, ids.length, true);
  view.setUint32(4, dims, true);
  const dataStart = 8 + ids.length * 4;
  ids.forEach((_, row) => {
    const vector = vectors[row]!;
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(vector[d] ?? 0));
    const scale = max / 127 || 1;
    view.setFloat32(8 + row * 4, scale, true);
    for (let d = 0; d < dims; d++) view.setInt8(dataStart + row * dims + d, Math.round((vector[d] ?? 0) / scale));
  });
  let at = dataStart + ids.length * dims;
  for (const id of ids) {
    view.setUint16(at, id.length, true);
    at += 2;
    for (let c = 0; c < id.length; c++, at += 2) view.setUint16(at, id.charCodeAt(c), true);
  }
  return bytes;
}

export class ShardVectors implements VectorLookup {
  private readonly rows = new Map<string, number>();
  private readonly view: DataView;
  private readonly values: Int8Array;
  readonly dims: number;

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const count = this.view.getUint32(0, true);
    this.dims = this.view.getUint32(4, true);
    const dataStart = 8 + count * 4;
    this.values = new Int8Array(bytes.buffer, bytes.byteOffset + dataStart, count * this.dims);
    let at = dataStart + count * this.dims;
    for (let row = 0; row < count; row++) {
      const length = this.view.getUint16(at, true);
      at += 2;
      const units: number[] = [];
      for (let c = 0; c < length; c++, at += 2) units.push(this.view.getUint16(at, true));
      this.rows.set(String.fromCharCode(...units), row);
    }
  }

  get size(): number {
    return this.rows.size;
  }

  vector(id: string): Float32Array | undefined {
    const row = this.rows.get(id);
    if (row === undefined) return undefined;
    const scale = this.view.getFloat32(8 + row * 4, true);
    const out = new Float32Array(this.dims);
    const base = row * this.dims;
    for (let d = 0; d < this.dims; d++) out[d] = this.values[base + d]! * scale;
    return out;
  }
}
