import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AdminSessions } from './admin-sessions.ts';

declare module 'fastify' {
  interface FastifyInstance {
    adminSessions: AdminSessions;
  }
}

export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return null;
  return header.slice('Bearer '.length).trim() || null;
}

/**
 * preHandler for routes only a parent may use (settings, memory, library and device management).
 * Usage: `app.post('/api/x', { preHandler: requireAdmin }, handler)`. Tokens come from
 * `POST /api/admin/session { pin }`.
 */
export async function requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = bearerToken(request);
  if (!token || !request.server.adminSessions.validate(token)) {
    return reply
      .code(401)
      .send({ error: 'admin_required', message: 'This needs the parent PIN. Unlock admin mode and try again.' });
  }
}
