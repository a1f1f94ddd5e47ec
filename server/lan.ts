import os from 'node:os';

/** This machine's IPv4 addresses on the home network (loopback and other internal ones left out). */
export function lanIPv4Addresses(): string[] {
  const ips: string[] = [];
  for (const addrs of Object.values(os.networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (a.family === 'IPv4' && !a.internal && !ips.includes(a.address)) ips.push(a.address);
    }
  }
  return ips;
}

/** The URLs other devices on the home network can open, best first. */
export function lanUrls(port: number, host: string, scheme: 'http' | 'https' = 'http'): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`];
  return [...lanIPv4Addresses().map((ip) => `${scheme}://${ip}:${port}`), `${scheme}://localhost:${port}`];
}
