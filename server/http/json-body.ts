import type { FastifyInstance } from 'fastify';

/** A request body refused with a message saying what is wrong (answered 400 by the error handler). */
export class JsonBodyError extends Error {
  override name = 'JsonBodyError';
  readonly statusCode = 400;
  constructor(
    readonly code: 'invalid_json' | 'forbidden_key',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Parses JSON bodies, refusing keys that could reach an object's prototype ("__proto__", and
 * "constructor" holding "prototype"), and says which problem it was: Fastify's own parser
 * answers "not valid JSON" for both.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw new JsonBodyError('invalid_json', 'the body is empty; send a JSON object');
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (key === '__proto__')
        throw new JsonBodyError('forbidden_key', 'the key "__proto__" is not allowed in a request body');
      if (key === 'constructor' && value !== null && typeof value === 'object' && 'prototype' in value) {
        throw new JsonBodyError(
          'forbidden_key',
          'the key "constructor" holding "prototype" is not allowed in a request body',
        );
      }
      return value;
    });
  } catch (err) {
    if (err instanceof JsonBodyError) throw err;
    throw new JsonBodyError(
      'invalid_json',
      `the body is not valid JSON (${err instanceof Error ? err.message : 'unreadable'})`,
    );
  }
}

export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}
