import { describe, expect, it } from 'vitest';
import {
  isPairingCode,
  isXiaozhi,
  lastSeen,
  otaAddressFor,
  normalizeCode,
  pairingProblem,
  presence,
  timeLeft,
  timeSince,
  transportLabel,
} from '../../../src/ui/screens/settings/toys/toy-format.ts';

const NOW = Date.UTC(2026, 5, 10, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('transportLabel', () => {
  it('says how each kind of toy connects', () => {
    expect(transportLabel('livekit')).toBe('LiveKit toy');
    expect(transportLabel('xiaozhi-ws')).toBe('Xiaozhi toy over Wi-Fi WebSocket');
    expect(transportLabel('xiaozhi-mqtt')).toBe('Xiaozhi toy over MQTT');
  });

  it('treats a server that sends no transport as a LiveKit toy, and names an unknown one', () => {
    expect(transportLabel(undefined)).toBe('LiveKit toy');
    expect(transportLabel(null)).toBe('LiveKit toy');
    expect(transportLabel('bluetooth')).toBe('Toy (bluetooth)');
  });

  it('knows which toys can switch between WebSocket and MQTT', () => {
    expect(isXiaozhi('xiaozhi-ws')).toBe(true);
    expect(isXiaozhi('xiaozhi-mqtt')).toBe(true);
    expect(isXiaozhi('livekit')).toBe(false);
    expect(isXiaozhi(undefined)).toBe(false);
  });
});

describe('timeSince and lastSeen', () => {
  it('rounds down to the largest whole unit', () => {
    expect(timeSince(NOW - 5 * SECOND, NOW)).toBe('just now');
    expect(timeSince(NOW - 59 * SECOND, NOW)).toBe('just now');
    expect(timeSince(NOW - 60 * SECOND, NOW)).toBe('1 minute ago');
    expect(timeSince(NOW - 3 * MINUTE - 40 * SECOND, NOW)).toBe('3 minutes ago');
    expect(timeSince(NOW - 59 * MINUTE, NOW)).toBe('59 minutes ago');
    expect(timeSince(NOW - HOUR, NOW)).toBe('1 hour ago');
    expect(timeSince(NOW - 23 * HOUR, NOW)).toBe('23 hours ago');
    expect(timeSince(NOW - 30 * HOUR, NOW)).toBe('yesterday');
    expect(timeSince(NOW - 5 * 24 * HOUR, NOW)).toBe('5 days ago');
  });

  it('reads a time slightly in the future (another clock) as just now', () => {
    expect(timeSince(NOW + 20 * SECOND, NOW)).toBe('just now');
  });

  it('says when a toy was never seen', () => {
    expect(lastSeen(NOW - 3 * MINUTE, NOW)).toBe('seen 3 minutes ago');
    expect(lastSeen(null, NOW)).toBe('not seen yet');
    expect(lastSeen(undefined, NOW)).toBe('not seen yet');
  });
});

describe('timeLeft', () => {
  it('counts whole minutes down to the last one', () => {
    expect(timeLeft(NOW + 4 * MINUTE + 59 * SECOND, NOW)).toBe('4 minutes left');
    expect(timeLeft(NOW + MINUTE, NOW)).toBe('1 minute left');
    expect(timeLeft(NOW + 59 * SECOND, NOW)).toBe('less than a minute left');
    expect(timeLeft(NOW, NOW)).toBe('run out');
    expect(timeLeft(NOW - MINUTE, NOW)).toBe('run out');
  });
});

describe('presence', () => {
  it('reads a xiaozhi toy’s online flag', () => {
    expect(presence(true)).toEqual({ text: 'Online', tone: 'ok' });
    expect(presence(false)).toEqual({ text: 'Offline', tone: 'muted' });
  });

  it('reads a LiveKit toy’s room presence', () => {
    expect(presence({ device: true, agent: true })).toEqual({ text: 'Online · talking', tone: 'ok' });
    expect(presence({ device: true, agent: false })).toEqual({ text: 'Online', tone: 'ok' });
    expect(presence({ device: false, agent: false })).toEqual({ text: 'Offline', tone: 'muted' });
    expect(presence({ device: null, agent: false })).toEqual({ text: 'Status unknown', tone: 'muted' });
  });
});

describe('the spoken pairing code', () => {
  it('accepts six digits typed with spaces or dashes', () => {
    expect(normalizeCode(' 123 456 ')).toBe('123456');
    expect(normalizeCode('123-456')).toBe('123456');
    expect(isPairingCode('123456')).toBe(true);
    expect(isPairingCode('12345')).toBe(false);
    expect(isPairingCode('1234567')).toBe(false);
    expect(isPairingCode('12345a')).toBe(false);
  });

  it('explains each refusal in words a parent can act on', () => {
    expect(pairingProblem(404, 'unknown code')).toMatch(/No toy is waiting with that code/);
    expect(pairingProblem(410, 'expired')).toBe(
      'That code has run out. Ask the toy for a new code: turn it off and on.',
    );
    expect(pairingProblem(409, 'exists')).toMatch(/already added/);
    expect(pairingProblem(400, 'name: a name is needed')).toBe('name: a name is needed');
  });
});

describe('otaAddressFor', () => {
  const at = (url: string) => new URL(url);

  it('gives this server’s OTA address when the page came over plain http at a LAN address', () => {
    expect(otaAddressFor(at('http://192.168.1.20:8080/#/settings'))).toBe('http://192.168.1.20:8080/xiaozhi/ota/');
    expect(otaAddressFor(at('http://hearth.local/#/settings'))).toBe('http://hearth.local/xiaozhi/ota/');
  });

  it('gives nothing where the toy could not use the page’s address', () => {
    expect(otaAddressFor(at('https://192.168.1.20:8443/'))).toBeNull();
    expect(otaAddressFor(at('http://localhost:8080/'))).toBeNull();
    expect(otaAddressFor(at('http://127.0.0.1:8080/'))).toBeNull();
    expect(otaAddressFor(at('http://[::1]:8080/'))).toBeNull();
  });
});
