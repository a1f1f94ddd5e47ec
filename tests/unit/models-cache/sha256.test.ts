import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sha256 } from '../../../src/models-cache/sha256.ts';

function nodeSha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function bytes(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('Sha256 (incremental)', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(new Sha256().hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(new Sha256().update(new TextEncoder().encode('abc')).hex()).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(
      new Sha256().update(new TextEncoder().encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).hex(),
    ).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('agrees with node:crypto at every length around the block and padding edges', () => {
    for (const n of [1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 1000]) {
      const data = bytes(n, n);
      expect(new Sha256().update(data).hex(), `length ${n}`).toBe(nodeSha256(data));
    }
  });

  it('gives the same digest however the input is split into chunks', () => {
    const data = bytes(300_001);
    const expected = nodeSha256(data);
    for (const chunk of [1, 3, 63, 64, 65, 4096, 65_537]) {
      const hash = new Sha256();
      for (let i = 0; i < data.length; i += chunk) hash.update(data.subarray(i, i + chunk));
      expect(hash.bytes).toBe(data.length);
      expect(hash.hex(), `chunks of ${chunk}`).toBe(expected);
    }
  });

  it('refuses to be used after the digest', () => {
    const hash = new Sha256().update(bytes(10));
    hash.hex();
    expect(() => hash.update(bytes(1))).toThrow(/after digest/);
    expect(() => hash.hex()).toThrow(/twice/);
  });
});
