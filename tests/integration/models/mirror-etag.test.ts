// URL rewriting for LAN mirrors and reading content hashes from ETags.
import { describe, expect, it } from 'vitest';
import { isStrongEtag, sha256FromEtag } from '../../../server/models/etag.ts';
import { applyMirror } from '../../../server/models/mirror.ts';

const HASH = 'ab'.repeat(32);

describe('mirror URLs', () => {
  it('swaps the origin and keeps the path', () => {
    expect(applyMirror('https://models.invalid/org/repo/resolve/main/onnx/m.onnx', 'http://10.0.0.5:8080')).toBe(
      'http://10.0.0.5:8080/org/repo/resolve/main/onnx/m.onnx',
    );
  });
  it('keeps a path prefix of the mirror', () => {
    expect(applyMirror('https://models.invalid/org/repo/resolve/main/a.json', 'http://nas.local/hf/')).toBe('http://nas.local/hf/org/repo/resolve/main/a.json');
  });
  it('leaves the URL alone without a mirror', () => {
    expect(applyMirror('https://models.invalid/a', null)).toBe('https://models.invalid/a');
  });
});

describe('ETags as content hashes', () => {
  it('accepts quoted, weak and upper-case sha256 ETags', () => {
    expect(sha256FromEtag(`"${HASH}"`)).toBe(HASH);
    expect(sha256FromEtag(`W/"${HASH}"`)).toBe(HASH);
    expect(sha256FromEtag(HASH.toUpperCase())).toBe(HASH);
  });
  it('ignores ETags that are not sha256 (e.g. a git blob id)', () => {
    expect(sha256FromEtag('"5a2f6a1b3c4d5e6f708192a3b4c5d6e7f8091a2b"')).toBeNull();
    expect(sha256FromEtag(null)).toBeNull();
  });
  it('only strong ETags may guard a resume', () => {
    expect(isStrongEtag(`"${HASH}"`)).toBe(true);
    expect(isStrongEtag('W/"x"')).toBe(false);
    expect(isStrongEtag(null)).toBe(false);
  });
});
