import { describe, expect, it } from 'vitest';
import { quotaMessage } from '../../../src/models-cache/errors.ts';

describe('quotaMessage', () => {
  it('names the file, its size, and what the browser allows and has used', () => {
    const text = quotaMessage('qwen/q.gguf', 400 * 1024 * 1024, 1024 * 1024 * 1024, 1.2 * 1024 * 1024 * 1024);
    expect(text).toContain('qwen/q.gguf (400 MB)');
    expect(text).toContain('lets Hearth use 1.2 GB and 1 GB is already used');
    expect(text).toMatch(/Settings → Storage/);
  });

  it('still reads well when the sizes are unknown', () => {
    expect(quotaMessage('a/b', null, null, null)).toBe(
      'Not enough storage on this device to keep a/b. Free some space on the device, or clear models you no longer use in Settings → Storage.',
    );
  });
});
