import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: () => Record<string, unknown>;
}

export interface RawRequest {
  method?: string;
  /** Sent as the Host header (fetch cannot set it); '' sends none. */
  host?: string;
  /** The source address, e.g. 127.0.0.7: Linux routes all of 127/8 to loopback, so one machine can play many LAN guests. */
  localAddress?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** One HTTP request with full control over Host and source address (node:http, a fresh connection each time). */
export function rawRequest(baseUrl: string, path: string, opts: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(path, baseUrl);
  const payload =
    opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: opts.method ?? (payload === undefined ? 'GET' : 'POST'),
        agent: false,
        setHost: opts.host !== '',
        ...(opts.localAddress ? { localAddress: opts.localAddress } : {}),
        headers: {
          ...(opts.host ? { host: opts.host } : {}),
          ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: () => JSON.parse(text) as Record<string, unknown>,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** How many of each status a burst got back. */
export function countStatuses(responses: RawResponse[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return counts;
}
