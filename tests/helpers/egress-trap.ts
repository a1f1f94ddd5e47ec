// A trap for traffic leaving the machine: Chromium is started with this as its proxy, so every
// request to a non-loopback address, from any page, worker, service worker or the browser
// itself, arrives here (loopback, where the Hearth server listens, bypasses proxies). Nothing is
// forwarded: each request is recorded and refused.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Chromium's own services, which the browser contacts by itself whatever page is open (sign-in,
 * autofill hints, component updates, optimization hints) despite --disable-background-networking.
 * No page can reach them under Hearth's CSP, and every page, worker and service-worker request is
 * also recorded by Playwright, so only these exact hosts are set aside (not whole domains: an app
 * fetching e.g. fonts.googleapis.com is still caught).
 */
export const CHROMIUM_SERVICE_HOSTS = new Set([
  'accounts.google.com',
  'clients2.google.com',
  'content-autofill.googleapis.com',
  'optimizationguide-pa.googleapis.com',
  'update.googleapis.com',
  'safebrowsingohttpgateway.googleapis.com',
]);

export interface EgressTrap {
  /** `--proxy-server=...` for Chromium. */
  chromiumArg: string;
  /** "METHOD target" of everything that tried to leave. */
  attempts: string[];
  /** The attempts not made by Chromium's own services. */
  appAttempts: () => string[];
  close: () => Promise<void>;
}

function hostOf(attempt: string): string {
  const target = attempt.slice(attempt.indexOf(' ') + 1);
  if (/^https?:\/\//.test(target)) return new URL(target).hostname;
  return target.replace(/:\d+$/, ''); // CONNECT host:port
}

export async function startEgressTrap(): Promise<EgressTrap> {
  const attempts: string[] = [];
  const server = http.createServer((req, res) => {
    attempts.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(403, { 'content-type': 'text/plain' }).end('egress refused by the Hearth test trap');
  });
  // https (and wss) go through CONNECT.
  server.on('connect', (req: http.IncomingMessage, socket: import('node:net').Socket) => {
    attempts.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    chromiumArg: `--proxy-server=http://127.0.0.1:${port}`,
    attempts,
    appAttempts: () => attempts.filter((a) => !CHROMIUM_SERVICE_HOSTS.has(hostOf(a))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
