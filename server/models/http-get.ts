// One GET with redirects followed by hand, so headers of every hop can be read (Hugging Face puts
// the LFS sha256 in X-Linked-Etag on the redirect, not on the CDN's response).
import { sha256FromEtag } from './etag.ts';

export interface HttpGetResult {
  response: Response;
  /** sha256 announced by any hop's X-Linked-Etag. */
  linkedSha256: string | null;
}

const MAX_REDIRECTS = 10;

export async function httpGet(url: string, headers: Record<string, string>, signal: AbortSignal): Promise<HttpGetResult> {
  let current = url;
  let linkedSha256: string | null = null;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await fetch(current, { headers, redirect: 'manual', signal });
    linkedSha256 ??= sha256FromEtag(response.headers.get('x-linked-etag'));
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      current = new URL(location, current).href;
      continue;
    }
    return { response, linkedSha256 };
  }
  throw new Error(`too many redirects for ${url}`);
}
