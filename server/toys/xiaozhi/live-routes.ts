// `GET /api/toys/:id/live` (parent's admin session or household key): a stock xiaozhi toy's
// conversation as it happens, as Server-Sent Events. A LiveKit toy's parent joins its room instead
// (observer token); a xiaozhi toy has no room, so this stream carries the same agent messages
// (src/core/agent-protocol.ts): `event: agent` with `{topic, message}`, and `event: presence` with
// `{online}` first and whenever the toy connects or goes. The child is told while anyone reads along.
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MAX_WATCHERS_PER_TOY, type LiveEvent } from './live-watchers.ts';
import type { ToyTransportRepository } from './toy-transports.ts';
import type { XiaozhiSessionManager } from './xiaozhi-sessions.ts';

/** A comment line this often keeps idle connections open through proxies and finds dead clients. */
const KEEPALIVE_MS = 15_000;

export interface LiveRouteOptions {
  sessions: Pick<XiaozhiSessionManager, 'watch' | 'watcherCount'>;
  transports: Pick<ToyTransportRepository, 'get'>;
  guard: { preHandler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> };
  log: (level: 'info' | 'warn', msg: string, extra?: Record<string, unknown>) => void;
  keepaliveMs?: number;
}

export function registerXiaozhiLiveRoute(app: FastifyInstance, options: LiveRouteOptions): void {
  const { sessions, transports } = options;
  const open = new Set<() => void>();
  // Streams never end by themselves: end them before the server waits for its connections to close.
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  app.get<{ Params: { id: string } }>('/api/toys/:id/live', options.guard, async (request, reply) => {
    const id = request.params.id;
    if (!transports.get(id))
      return reply.code(404).send({
        error: 'not_found',
        message: `no stock xiaozhi toy with id ${JSON.stringify(id.slice(0, 64))} (a LiveKit toy's live transcript is its room)`,
      });
    if (sessions.watcherCount(id) >= MAX_WATCHERS_PER_TOY)
      return reply.code(429).send({
        error: 'too_many_watchers',
        message: `${MAX_WATCHERS_PER_TOY} live transcripts of this toy are already open; close one first`,
      });

    const stream = new PassThrough();
    const write = (event: string, data: unknown) => {
      if (!stream.writableEnded) stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const stop = sessions.watch(id, (event: LiveEvent) => {
      if (event.kind === 'presence') write('presence', { online: event.online });
      else write('agent', { topic: event.topic, message: event.message });
    });
    const keepalive = setInterval(() => {
      if (!stream.writableEnded) stream.write(': keep-alive\n\n');
    }, options.keepaliveMs ?? KEEPALIVE_MS);
    const end = () => {
      open.delete(end);
      clearInterval(keepalive);
      stop();
      if (!stream.writableEnded) stream.end();
    };
    open.add(end);
    request.raw.on('close', end);
    options.log('info', 'a parent opened a xiaozhi toy’s live transcript', { toy: id });
    return reply
      .header('Content-Type', 'text/event-stream; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .header('X-Accel-Buffering', 'no')
      .send(stream);
  });
}
