import os from 'node:os';

/** The URLs other devices on the home network can open, best first. */
export function lanUrls(port: number, host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
  const urls: string[] = [];
  for (const addrs of Object.values(os.networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (a.family === 'IPv4' && !a.internal) urls.push(`http://${a.address}:${port}`);
    }
  }
  urls.push(`http://localhost:${port}`);
  return urls;
}
