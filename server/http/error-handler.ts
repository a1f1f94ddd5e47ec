import type { FastifyError, FastifyInstance } from 'fastify';

/**
 * What the server says when a request fails. 4xx errors raised by Fastify or its plugins (body
 * too large, bad JSON, unsupported type) keep their message, which says what the client got
 * wrong. Anything else is logged with its request id and answered with a generic 500 naming that
 * id: stack traces, file paths and SQL never reach the network.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status =
      typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600
        ? error.statusCode
        : 500;
    if (status < 500) {
      return reply.code(status).send({ error: clientErrorCode(error), message: error.message });
    }
    request.log.error({ err: error, reqId: request.id }, 'request failed');
    return reply.code(status).send({
      error: 'internal_error',
      message: `Something went wrong on the home server. Its log has the details (request ${request.id}).`,
      requestId: request.id,
    });
  });
}

function clientErrorCode(error: FastifyError): string {
  if (typeof error.code === 'string' && /^[a-z_]+$/.test(error.code)) return error.code;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return 'too_large';
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return 'unsupported_media_type';
  return 'bad_request';
}
