import crypto from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

export interface PinHash {
  algorithm: 'scrypt';
  salt: string;
  hash: string;
  N: number;
  r: number;
  p: number;
}

// scrypt makes each guess cost real memory and time; a 4-digit PIN is still guessable offline,
// which is why the hash lives only in the server's data dir and online guesses are rate-limited.
const PARAMS = { N: 1 << 14, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

export async function hashPin(pin: string): Promise<PinHash> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(pin, salt, KEY_LENGTH, PARAMS);
  return { algorithm: 'scrypt', salt: salt.toString('base64'), hash: hash.toString('base64'), ...PARAMS };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const actual = await scrypt(pin, Buffer.from(stored.salt, 'base64'), expected.length, {
    N: stored.N,
    r: stored.r,
    p: stored.p,
  });
  return crypto.timingSafeEqual(actual, expected);
}
