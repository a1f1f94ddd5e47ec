import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../../src/core/format-bytes.ts';

describe('formatBytes', () => {
  it('formats human-readable sizes', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MB');
    expect(formatBytes(41_000_000)).toBe('39.1 MB');
    expect(formatBytes(700 * 1024 * 1024)).toBe('700 MB');
    expect(formatBytes(1.25 * 1024 ** 3)).toBe('1.25 GB');
    // The same pack reads the same in Settings and in the models CLI (once "293 KB" vs "300 kB").
    expect(formatBytes(300_000)).toBe('293 KB');
  });

  it('says when the size is unknown', () => {
    expect(formatBytes(null)).toBe('size unknown');
    expect(formatBytes(undefined)).toBe('size unknown');
    expect(formatBytes(Number.NaN)).toBe('size unknown');
    expect(formatBytes(-1)).toBe('size unknown');
    expect(formatBytes(null, '?')).toBe('?');
  });
});
