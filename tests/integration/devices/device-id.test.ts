// Device ids a parent types: MACs in any common spelling become one form; other ids are checked.
import { describe, expect, it } from 'vitest';
import { DeviceIdError, generateDeviceId, normalizeDeviceId } from '../../../server/devices/device-id.ts';

describe('device ids', () => {
  it('normalises MAC addresses however they are written', () => {
    for (const mac of ['AA:BB:CC:DD:EE:FF', 'aa-bb-cc-dd-ee-ff', 'AABBCCDDEEFF', ' aa:bb:cc:dd:ee:ff '])
      expect(normalizeDeviceId(mac)).toBe('aa-bb-cc-dd-ee-ff');
  });

  it('accepts simple ids and refuses anything that cannot be a room name or URL segment', () => {
    expect(normalizeDeviceId('Kitchen_Bear-2')).toBe('kitchen_bear-2');
    for (const bad of [
      '',
      'ab',
      'has space',
      'AA:BB:CC:DD:EE',
      'AA:BB-CC:DD:EE:FF',
      'x'.repeat(49),
      '../etc',
      'emoji🐻',
    ]) {
      expect(() => normalizeDeviceId(bad), bad).toThrow(DeviceIdError);
    }
  });

  it('generates ids that are valid and distinct', () => {
    const a = generateDeviceId();
    expect(a).toMatch(/^dev_[0-9a-f]{16}$/);
    expect(normalizeDeviceId(a)).toBe(a);
    expect(generateDeviceId()).not.toBe(a);
  });
});
