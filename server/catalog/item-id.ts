import crypto from 'node:crypto';

/** Stable id from the file's place in the media folder: rescans and rebuilt databases agree. */
export function itemIdFor(relativePath: string): string {
  return crypto.createHash('sha256').update(relativePath).digest('hex').slice(0, 16);
}
