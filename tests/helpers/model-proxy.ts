// A small HTTP proxy in front of the Hearth server that can misbehave on model files the way real
// networks do: drop the connection partway, deliver slowly, or flip a byte. The browser talks to
// the proxy's origin exactly as it would to Hearth; nothing in the browser is mocked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Which body byte a corrupting rule inverts (so a test can work out the damaged file's hash). */
export const CORRUPT_AT_BYTE = 1000;

export interface ProxyRule {
  /** The first N requests for this path are cut after `cutAfterBytes` body bytes. */
  cutAfterBytes?: number;
  cutTimes?: number;
  /** The first N requests for this path get the body byte at CORRUPT_AT_BYTE inverted. */
  corruptTimes?: number;
}

export interface ProxiedRequest {
  method: string;
  path: string;
  range: string | null;
  /** Request headers the browser sent, lower-case names. */
  headers: http.IncomingHttpHeaders;
  status: number | null;
  /** Body bytes passed on before a cut, or the whole body. */
  bodyBytes: number;
  cut: boolean;
}

export interface ModelProxy {
  url: string;
  requests: ProxiedRequest[];
  rules: Map<string, ProxyRule>;
  /** Body bytes per second for /models/ responses (0: unthrottled). */
  throttleBytesPerSecond: number;
  close: () => Promise<void>;
}

export async function startModelProxy(target: string): Promise<ModelProxy> {
  const upstream = new URL(target);
  const requests: ProxiedRequest[] = [];
  const rules = new Map<string, ProxyRule>();
  const proxy: ModelProxy = { url: '', requests, rules, throttleBytesPerSecond: 0, close: async () => undefined };

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    const record: ProxiedRequest = {
      method: req.method ?? 'GET',
      path,
      range: typeof req.headers.range === 'string' ? req.headers.range : null,
      headers: req.headers,
      status: null,
      bodyBytes: 0,
      cut: false,
    };
    requests.push(record);
    const pathname = path.split('?')[0] ?? path;
    const rule = rules.get(pathname);
    const cutAt = rule?.cutAfterBytes !== undefined && (rule.cutTimes ?? 1) > 0 ? rule.cutAfterBytes : null;
    if (cutAt !== null && rule) rule.cutTimes = (rule.cutTimes ?? 1) - 1;
    const corrupt = (rule?.corruptTimes ?? 0) > 0;
    if (corrupt && rule) rule.corruptTimes = (rule.corruptTimes ?? 0) - 1;
    const throttled = pathname.startsWith('/models/') ? proxy.throttleBytesPerSecond : 0;

    const upstreamReq = http.request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path,
        headers: { ...req.headers, host: upstream.host },
      },
      (upRes) => {
        record.status = upRes.statusCode ?? 0;
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        let flipped = false;
        const started = Date.now();
        upRes.on('data', (chunk: Buffer) => {
          if (record.cut) return;
          let out = chunk;
          const at = CORRUPT_AT_BYTE - record.bodyBytes;
          if (corrupt && !flipped && at >= 0 && at < out.length) {
            out = Buffer.from(out);
            out[at] = out[at]! ^ 0xff;
            flipped = true;
          }
          if (cutAt !== null && record.bodyBytes + out.length >= cutAt) {
            const keep = out.subarray(0, Math.max(0, cutAt - record.bodyBytes));
            record.bodyBytes += keep.length;
            record.cut = true;
            upRes.destroy();
            // Flush what was promised so far, then drop the TCP connection mid-body.
            res.write(keep, () => setTimeout(() => res.socket?.destroy(), 50));
            return;
          }
          record.bodyBytes += out.length;
          res.write(out);
          if (throttled > 0) {
            const dueMs = (record.bodyBytes / throttled) * 1000 - (Date.now() - started);
            if (dueMs > 0) {
              upRes.pause();
              setTimeout(() => upRes.resume(), dueMs);
            }
          }
        });
        upRes.on('end', () => {
          if (!record.cut) res.end();
        });
      },
    );
    upstreamReq.on('error', () => res.destroy());
    req.pipe(upstreamReq);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
