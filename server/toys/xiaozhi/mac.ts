// A xiaozhi toy names itself by its Wi-Fi MAC (the Device-Id header). On the wire and in the
// XiaozhiChannel contract it is "aa:bb:cc:dd:ee:ff"; Hearth's device ids keep to URL- and
// room-name-safe characters, so the stored id is "aa-bb-cc-dd-ee-ff" (normalizeDeviceId).
import { normalizeDeviceId } from '../../devices/device-id.ts';

const MAC = /^[0-9a-f]{2}([:-]?)[0-9a-f]{2}(?:\1[0-9a-f]{2}){4}$/i;

/** "AA:BB:CC:DD:EE:FF" (or with '-' or nothing between) → "aa:bb:cc:dd:ee:ff"; null when it is not a MAC. */
export function parseMac(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim();
  if (!MAC.test(value)) return null;
  return value.replace(/[:-]/g, '').toLowerCase().match(/../g)!.join(':');
}

/** The Hearth device id of a toy given by its MAC (either form) or already by its device id. */
export function hearthDeviceId(macOrId: string): string {
  return normalizeDeviceId(macOrId);
}

/** The MAC of a Hearth device id made from one, or null for ids that are not MACs. */
export function macOfDeviceId(deviceId: string): string | null {
  return parseMac(deviceId);
}
