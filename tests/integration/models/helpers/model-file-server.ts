// A local stand-in for a model host (Hugging Face's /<org>/<repo>/resolve/<rev>/<path> layout) with
// quoted sha256 ETags, byte ranges and switchable misbehaviour. Test-only; never a real host.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  range: string | null;
  ifRange: string | null;
  status: number;
}

export class ModelFileServer {
  readonly files = new Map<string, Buffer>();
  /** ETag overrides (e.g. the hash of the intended content while the body is corrupt). */
  readonly etags = new Map<string, string>();
  /** Destroy the socket after this many body bytes, on the first request for the path only. */
  readonly dropAfter = new Map<string, number>();
  /** Send this many body bytes and then go silent (socket left open), on the first request only. */
  readonly stallAfter = new Map<string, number>();
  /** Send this many body bytes, then wait for the release function `pauseAfter` returned (first request only). */
  private readonly paused = new Map<string, { bytes: number; released: Promise<void> }>();
  /** Answer like Hugging Face for LFS files: 302 to /cdn/... carrying X-Linked-Etag, CDN sends a weak ETag. */
  lfsRedirect = false;
  readonly requests: RecordedRequest[] = [];
  private server: Server | null = null;
  baseUrl = '';

  add(urlPath: string, body: Buffer): void {
    this.files.set(urlPath, body);
  }

  /** Holds the first response for `urlPath` after `bytes` body bytes until the returned function is called. */
  pauseAfter(urlPath: string, bytes: number): () => void {
    let release = (): void => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    this.paused.set(urlPath, { bytes, released });
    return release;
  }

  /** Resolves once a paused response has sent its first bytes and is waiting. */
  readonly pausedNow = new Set<string>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  requestsFor(urlPath: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path === urlPath || r.path === `/cdn${urlPath}`);
  }

  private etagOf(urlPath: string, body: Buffer): string {
    return this.etags.get(urlPath) ?? `"${createHash('sha256').update(body).digest('hex')}"`;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const record = (status: number): void => {
      this.requests.push({ path, range: header(req, 'range'), ifRange: header(req, 'if-range'), status });
    };
    const isCdn = path.startsWith('/cdn/');
    const filePath = isCdn ? path.slice('/cdn'.length) : path;
    const body = this.files.get(filePath);
    if (!body) {
      record(404);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const etag = this.etagOf(filePath, body);
    if (this.lfsRedirect && !isCdn) {
      record(302);
      res.writeHead(302, { location: `/cdn${filePath}`, 'x-linked-etag': etag, etag }).end();
      return;
    }
    const sentEtag = this.lfsRedirect ? 'W/"cdn-object-7"' : etag;
    let start = 0;
    let status = 200;
    const range = header(req, 'range')?.match(/^bytes=(\d+)-$/);
    const ifRange = header(req, 'if-range');
    if (range?.[1] && (ifRange === null || ifRange === sentEtag)) {
      start = Number(range[1]);
      if (start >= body.length) {
        record(416);
        res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
        return;
      }
      status = 206;
    }
    const slice = body.subarray(start);
    const headers: Record<string, string | number> = {
      'accept-ranges': 'bytes',
      etag: sentEtag,
      'content-length': slice.length,
      'content-type': 'application/octet-stream',
    };
    if (status === 206) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    record(status);
    res.writeHead(status, headers);
    const drop = this.dropAfter.get(filePath);
    if (drop !== undefined) {
      this.dropAfter.delete(filePath); // misbehave once
      res.write(slice.subarray(0, drop), () => res.socket?.destroy());
      return;
    }
    const pause = this.paused.get(filePath);
    if (pause !== undefined) {
      this.paused.delete(filePath);
      res.write(slice.subarray(0, pause.bytes), () => this.pausedNow.add(filePath));
      void pause.released.then(() => {
        this.pausedNow.delete(filePath);
        if (!res.destroyed) res.end(slice.subarray(pause.bytes));
      });
      return;
    }
    const stall = this.stallAfter.get(filePath);
    if (stall !== undefined) {
      this.stallAfter.delete(filePath);
      res.write(slice.subarray(0, stall)); // and never finish: the client's idle timeout must fire
      return;
    }
    res.end(slice);
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  return typeof v === 'string' ? v : null;
}
