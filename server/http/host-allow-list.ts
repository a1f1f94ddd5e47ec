import os from 'node:os';
import type { FastifyInstance } from 'fastify';
import { localNames } from '../tls/local-names.ts';

/** localhost, host name, `.local` name, and every address of every interface (IPv6 too, without zone). */
function ownNamesAndAddresses(): { dns: string[]; ips: string[] } {
  const { dns, ips } = localNames();
  const all = Object.values(os.networkInterfaces()).flatMap((addrs) =>
    (addrs ?? []).map((a) => a.address.replace(/%.*$/, '')),
  );
  return { dns, ips: [...ips, ...all] };
}

/**
 * The names a request's Host may carry: this machine's own (localhost, its host name and
 * `.local` name, loopback and LAN addresses) plus those a household adds with --allowed-hosts.
 * A page on evil.example that rebinds its DNS to this server's address still sends
 * `Host: evil.example`, so refusing unknown Hosts keeps such pages from reading anything here.
 * LAN addresses change (DHCP): an unknown name re-reads them once before it is refused.
 */
export class HostAllowList {
  private names: Set<string>;

  constructor(
    private readonly extra: readonly string[] = [],
    private readonly ownNames: () => { dns: string[]; ips: string[] } = ownNamesAndAddresses,
  ) {
    this.names = this.load();
  }

  allows(hostHeader: string | undefined): boolean {
    const name = hostName(hostHeader);
    if (name === null) return false;
    if (this.names.has(name)) return true;
    this.names = this.load();
    return this.names.has(name);
  }

  private load(): Set<string> {
    const own = this.ownNames();
    return new Set([...own.dns, ...own.ips, ...this.extra].map((n) => normalize(n)));
  }
}

/** The host part of a Host header, lower-cased, without port, brackets or a trailing dot; null if malformed. */
export function hostName(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  const value = hostHeader.trim();
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed?.[1]) return normalize(bracketed[1]);
  const plain = /^([A-Za-z0-9._-]+)(?::\d{1,5})?$/.exec(value);
  return plain?.[1] ? normalize(plain[1]) : null;
}

function normalize(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** Refuses requests for any other Host before routing (421: this server is not the one asked for). */
export function registerHostAllowList(app: FastifyInstance, allowList: HostAllowList): void {
  app.addHook('onRequest', async (request, reply) => {
    if (allowList.allows(request.headers.host)) return;
    return reply.code(421).header('Cache-Control', 'no-store').send({
      error: 'unknown_host',
      message:
        'This Hearth server does not answer to that name. Open it by its own address or name, or start it with --allowed-hosts <name> to add one.',
    });
  });
}
