import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAdmin } from '../../auth/require-admin.ts';
import type { CatalogService } from '../../catalog/catalog-service.ts';
import { EditError } from '../../catalog/editor.ts';
import { toMediaItem } from '../../catalog/record.ts';

/** Largest upload accepted: a long audiobook chapter, not a film. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const IdParams = z.object({ id: z.string().regex(/^[0-9a-f]{16}$/) });

/** Library management from the PWA: parents only (requireAdmin). */
export function registerCatalogAdminRoutes(app: FastifyInstance, catalog: CatalogService): void {
  // Encapsulated, so multipart parsing applies to these routes only.
  void app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, fieldSize: 256 * 1024 },
    });
    scope.addHook('preHandler', requireAdmin);

    const failed = (err: unknown, reply: import('fastify').FastifyReply) => {
      if (err instanceof EditError)
        return reply
          .code(err.status)
          .send({ error: err.status === 404 ? 'not_found' : 'invalid_media', message: err.message });
      throw err;
    };

    scope.get('/api/catalog/problems', async (_request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return { problems: catalog.repo.problems() };
    });

    // multipart/form-data: an optional "metadata" field (sidecar JSON) before the "file" field.
    scope.post('/api/catalog/items', async (request, reply) => {
      if (!request.isMultipart())
        return reply.code(415).send({
          error: 'multipart_required',
          message: 'Upload the file as multipart/form-data with a "file" field.',
        });
      let metadata: unknown = {};
      try {
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            if (part.fieldname !== 'metadata') continue;
            try {
              metadata = JSON.parse(String(part.value));
            } catch {
              return reply
                .code(400)
                .send({ error: 'invalid_media', message: 'the "metadata" field is not valid JSON' });
            }
            continue;
          }
          const record = await catalog.editor.upload(part.filename, part.file, metadata, MAX_UPLOAD_BYTES);
          catalog.changed();
          return reply.code(201).send({ item: toMediaItem(record) });
        }
      } catch (err) {
        if (err instanceof EditError) return failed(err, reply);
        const refused = multipartRefusal(err);
        if (refused) return reply.code(refused.status).send({ error: refused.error, message: refused.message });
        throw err;
      }
      return reply.code(400).send({ error: 'invalid_media', message: 'no "file" field in the upload' });
    });

    scope.patch('/api/catalog/items/:id', async (request, reply) => {
      const params = IdParams.safeParse(request.params);
      if (!params.success) return reply.code(404).send({ error: 'not_found', message: 'no such item' });
      if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) {
        return reply.code(400).send({ error: 'invalid_media', message: 'send the fields to change as a JSON object' });
      }
      try {
        const record = await catalog.editor.update(params.data.id, request.body as Record<string, unknown>);
        catalog.changed();
        return { item: toMediaItem(record) };
      } catch (err) {
        return failed(err, reply);
      }
    });

    scope.delete('/api/catalog/items/:id', async (request, reply) => {
      const params = IdParams.safeParse(request.params);
      if (!params.success) return reply.code(404).send({ error: 'not_found', message: 'no such item' });
      try {
        await catalog.editor.remove(params.data.id);
        catalog.changed();
        return reply.code(204).send();
      } catch (err) {
        return failed(err, reply);
      }
    });
  });
}

/**
 * What the multipart parser's errors mean for the client: its own limits (413) and refusals (4xx)
 * keep their status with a plain message; busboy's parse errors ("Malformed part header",
 * "Unexpected end of form", "Boundary not found") are a malformed body: 400. Anything else
 * (a disk error) is the server's fault and is rethrown.
 */
function multipartRefusal(err: unknown): { status: number; error: string; message: string } | null {
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  const status = (err as { statusCode?: unknown }).statusCode;
  if (
    typeof code === 'string' &&
    code.startsWith('FST_') &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500
  ) {
    const limits: Record<string, string> = {
      FST_PARTS_LIMIT: 'the upload has too many parts: send one "metadata" field and one "file"',
      FST_FILES_LIMIT: 'the upload has more than one file: send one file per request',
      FST_FIELDS_LIMIT: 'the upload has too many fields: send one "metadata" field and one "file"',
      FST_REQ_FILE_TOO_LARGE: `the file is larger than ${Math.round(MAX_UPLOAD_BYTES / 1024 / 1024)} MB`,
      FST_PROTO_VIOLATION: 'a field name is not allowed (__proto__ or constructor)',
    };
    return {
      status: status === 406 ? 415 : status,
      error: status === 413 ? 'too_large' : 'invalid_upload',
      message: limits[code] ?? `the upload was refused: ${err.message}`,
    };
  }
  if (typeof code === 'string' || 'syscall' in err) return null; // a system error on our side
  return {
    status: 400,
    error: 'invalid_upload',
    message: `the body is not well-formed multipart/form-data: ${err.message}`,
  };
}
