// Where a page opened over plain http (e.g. http://192.168.1.20:8787 on a tablet) should move
// to: browsers give the microphone, installing and offline use only to secure origins, and
// http is secure only on localhost.

export interface PageLocation {
  protocol: string;
  /** As `location.hostname` gives it (an IPv6 address keeps its brackets). */
  hostname: string;
  origin: string;
}

export interface SecureAddress {
  /** The same app over HTTPS on this server. */
  secureUrl: string;
  /** The home CA certificate to install first, from the page's own origin. */
  caUrl: string;
}

/** The secure address of this Hearth, or null when the server has no HTTPS (or the page is already on it). */
export function secureAddressFor(location: PageLocation, httpsPort: number | null): SecureAddress | null {
  if (location.protocol !== 'http:' || httpsPort === null) return null;
  return {
    secureUrl: `https://${location.hostname}:${httpsPort}/`,
    caUrl: `${location.origin}/hearth-ca.crt`,
  };
}
