import crypto from 'node:crypto';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read off a terminal, typed on a phone

/**
 * The one-time code `npm start` prints while no parent PIN is set. Whoever can read the server's
 * terminal may set the first PIN from any device; a guest on the LAN cannot. 10 characters from
 * 32 (50 bits), and guesses are rate-limited like PINs. Kept in memory: a restart prints a new one.
 */
export class FirstPinSetupCode {
  private code: string | null;

  constructor(code: string = newSetupCode()) {
    this.code = code;
  }

  /** The code to print, or null once used. */
  get value(): string | null {
    return this.code;
  }

  matches(presented: string | undefined): boolean {
    if (!this.code || !presented) return false;
    const norm = (s: string) => crypto.createHash('sha256').update(s.replace(/[\s-]/g, '').toUpperCase()).digest();
    return crypto.timingSafeEqual(norm(this.code), norm(presented));
  }

  /** Used up: the first PIN is set. */
  consume(): void {
    this.code = null;
  }
}

function newSetupCode(): string {
  const chars = [...crypto.randomBytes(10)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/** True for a request from the home box itself: a loopback peer address (no proxy headers trusted). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}
