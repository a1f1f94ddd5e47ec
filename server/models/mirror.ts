// A LAN mirror (or a test server) serves the same paths as the public source under another origin.

/** Keeps the URL's path and query, swaps the origin; a path prefix on the mirror is kept in front. */
export function applyMirror(url: string, mirror: string | null | undefined): string {
  if (!mirror) return url;
  const source = new URL(url);
  const base = new URL(mirror);
  const prefix = base.pathname.replace(/\/+$/, '');
  return new URL(`${prefix}${source.pathname}${source.search}`, base.origin).href;
}
