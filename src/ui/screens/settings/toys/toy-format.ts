// Pure wording for the toy cards and the "Add a toy" flow: how a toy connects, when it was last
// seen, how long a spoken code still works, and what a failed pairing means for the parent.

/** How a toy reaches Hearth: the LiveKit toy protocol, or a stock xiaozhi toy over one of its two transports. */
export type ToyTransport = 'livekit' | 'xiaozhi-ws' | 'xiaozhi-mqtt';

/** The two ways a stock xiaozhi toy can talk to Hearth; the parent may switch between them. */
export const XIAOZHI_TRANSPORTS = ['xiaozhi-ws', 'xiaozhi-mqtt'] as const satisfies readonly ToyTransport[];

const TRANSPORT_LABELS: Record<ToyTransport, string> = {
  livekit: 'LiveKit toy',
  'xiaozhi-ws': 'Xiaozhi toy over Wi-Fi WebSocket',
  'xiaozhi-mqtt': 'Xiaozhi toy over MQTT',
};

/** "Xiaozhi toy over MQTT"; a transport this page does not know yet is shown as it is. */
export function transportLabel(transport: string | null | undefined): string {
  if (!transport) return TRANSPORT_LABELS.livekit;
  return transport in TRANSPORT_LABELS ? TRANSPORT_LABELS[transport as ToyTransport] : `Toy (${transport})`;
}

export function isXiaozhi(transport: string | null | undefined): transport is (typeof XIAOZHI_TRANSPORTS)[number] {
  return transport === 'xiaozhi-ws' || transport === 'xiaozhi-mqtt';
}

/** The choices a parent sees when switching a xiaozhi toy's connection, in plain words. */
export const TRANSPORT_CHOICES: Record<(typeof XIAOZHI_TRANSPORTS)[number], { title: string; note: string }> = {
  'xiaozhi-ws': {
    title: 'Wi-Fi WebSocket',
    note: 'One direct connection to this home server. The simplest choice, and right for most homes.',
  },
  'xiaozhi-mqtt': {
    title: 'MQTT',
    note: 'Talks through a message service, with its voice sent separately and encrypted. Pick this if the toy’s maker recommends it.',
  },
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "3 minutes ago", "2 hours ago", "yesterday", "5 days ago" for a time in ms since the
 * epoch; a clock a little ahead of this browser's still reads "just now".
 */
export function timeSince(thenMs: number, nowMs: number, locale = 'en'): string {
  const elapsed = Math.max(0, nowMs - thenMs);
  if (elapsed < MINUTE) return 'just now';
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
  if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
  return relative.format(-Math.floor(elapsed / DAY), 'day');
}

/** "seen 3 minutes ago", or "not seen yet" for a toy that never checked in. */
export function lastSeen(lastSeenAt: number | null | undefined, nowMs: number): string {
  return lastSeenAt === null || lastSeenAt === undefined ? 'not seen yet' : `seen ${timeSince(lastSeenAt, nowMs)}`;
}

/** How long a spoken code still works: "4 minutes left", "less than a minute left", "run out". */
export function timeLeft(expiresAtMs: number, nowMs: number): string {
  const left = expiresAtMs - nowMs;
  if (left <= 0) return 'run out';
  if (left < MINUTE) return 'less than a minute left';
  const minutes = Math.floor(left / MINUTE);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left`;
}

/** The LiveKit toy's presence (its room, its agent) or a xiaozhi toy's plain online flag. */
export type ToyOnline = boolean | { device: boolean | null; agent: boolean };

export interface Presence {
  text: string;
  tone: 'ok' | 'muted' | 'warn';
}

/** The badge on a toy's card; `canTalk` false (the server lacks what a conversation needs) wins over "Online". */
export function presence(online: ToyOnline, canTalk = true): Presence {
  if (!canTalk) return { text: "Can't talk yet", tone: 'warn' };
  if (typeof online === 'boolean') return online ? { text: 'Online', tone: 'ok' } : { text: 'Offline', tone: 'muted' };
  if (online.device) return { text: online.agent ? 'Online · talking' : 'Online', tone: 'ok' };
  if (online.device === null) return { text: online.agent ? 'Companion in its room' : 'Status unknown', tone: 'muted' };
  return { text: 'Offline', tone: 'muted' };
}

/** "123 456", "123-456" → "123456": what a parent types as they heard it. */
export function normalizeCode(typed: string): string {
  return typed.replace(/[\s-]/g, '');
}

export const isPairingCode = (code: string): boolean => /^\d{6}$/.test(code);

/**
 * What a failed `POST /api/toys/pair` means for the parent; the server's own message for anything
 * else (a bad name, say).
 */
export function pairingProblem(status: number, serverMessage: string): string {
  switch (status) {
    case 404:
      return 'No toy is waiting with that code. Check the six digits the toy said, and that it is on the same Wi-Fi as this home server.';
    case 410:
      return 'That code has run out. Ask the toy for a new code: turn it off and on.';
    case 409:
      return 'This toy is already added: find it in the list below.';
    default:
      return serverMessage;
  }
}

/**
 * The address to type into a stock toy's "Custom OTA URL" field: this page's own server, when the
 * page was opened over plain http at an address another device can reach. null otherwise (https
 * pages use another port, and "localhost" means the toy itself): the README says where to look.
 */
export function otaAddressFor(location: { protocol: string; host: string; hostname: string }): string | null {
  if (location.protocol !== 'http:') return null;
  const host = location.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1' || host.startsWith('127.') || host.endsWith('.localhost')) return null;
  return `http://${location.host}/xiaozhi/ota/`;
}
