import os from 'node:os';
import { lanIPv4Addresses } from '../lan.ts';

/** The names and addresses a device may use to reach this server: what the certificate must list. */
export interface LocalNames {
  dns: string[];
  ips: string[];
}

// Only names a certificate can carry (letters, digits, hyphens, dots); others are left out.
const DNS_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

/** localhost, the host name and its mDNS `.local` name; loopback plus every LAN IPv4. */
export function localNames(hostname = os.hostname(), lanIps = lanIPv4Addresses()): LocalNames {
  const host = hostname.trim().toLowerCase().replace(/\.$/, '');
  // mDNS answers for the first label only: "den-pc.example.org" is "den-pc.local".
  const mdns = `${host.split('.', 1)[0] ?? host}.local`;
  const dns = ['localhost', host, mdns].filter((n) => DNS_NAME.test(n));
  return { dns: unique(dns), ips: unique(['127.0.0.1', '::1', ...lanIps]) };
}

/** Same names and addresses, in any order. */
export function sameNames(a: LocalNames, b: LocalNames): boolean {
  const key = (n: LocalNames) => JSON.stringify([[...n.dns].sort(), [...n.ips].sort()]);
  return key(a) === key(b);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
