// Reading content hashes out of HTTP validators. Hugging Face's file endpoint sends the sha256 of
// LFS files as the ETag (and as X-Linked-Etag on its redirect to the CDN).
import { isSha256Hex } from './hash.ts';

/** `"abc"`, `W/"abc"` → `abc`. */
export function unquoteEtag(value: string): string {
  return value.trim().replace(/^W\//i, '').replace(/^"(.*)"$/, '$1');
}

export function sha256FromEtag(value: string | null | undefined): string | null {
  if (!value) return null;
  const bare = unquoteEtag(value).toLowerCase();
  return isSha256Hex(bare) ? bare : null;
}

/** If-Range needs a strong validator; a weak one would make a resume unsafe. */
export function isStrongEtag(value: string | null | undefined): value is string {
  return !!value && !/^W\//i.test(value.trim());
}
