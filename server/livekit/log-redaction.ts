import type { FastifyRequest } from 'fastify';

/** Replaces token-bearing query values in a URL, so request logs never contain a join token. */
export function redactTokens(url: string): string {
  return url.replace(/([?&](?:access_token|token)=)[^&]*/gi, '$1<redacted>');
}

/** Fastify's default request serializer, minus any token in the URL (livekit-client puts one there). */
export function redactedRequestSerializer(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactTokens(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
