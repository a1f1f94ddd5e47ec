// Device ids: a parent may give the toy's own id (usually its Wi-Fi MAC address, written any common
// way) or let Hearth make one up. Ids end up in URLs, room names and participant identities, so
// they are kept to lowercase letters, digits, '-' and '_'.
import crypto from 'node:crypto';

const MAC = /^[0-9a-f]{2}([:-]?)[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i;
const PLAIN_ID = /^[a-z0-9][a-z0-9_-]{2,47}$/;

export class DeviceIdError extends Error {
  override name = 'DeviceIdError';
}

/** "AA:BB:CC:DD:EE:FF", "aa-bb-…" or "AABBCCDDEEFF" → "aa-bb-cc-dd-ee-ff"; other ids are lowercased and checked. */
export function normalizeDeviceId(raw: string): string {
  const value = raw.trim();
  if (MAC.test(value)) {
    const hex = value.replace(/[:-]/g, '').toLowerCase();
    return hex.match(/../g)!.join('-');
  }
  const lower = value.toLowerCase();
  if (PLAIN_ID.test(lower)) return lower;
  throw new DeviceIdError('device id: a MAC address like AA:BB:CC:DD:EE:FF, or 3 to 48 letters, digits, "-" or "_"');
}

export function generateDeviceId(): string {
  return `dev_${crypto.randomBytes(8).toString('hex')}`;
}
