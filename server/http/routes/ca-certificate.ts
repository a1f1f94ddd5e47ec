import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';

export const CA_CERTIFICATE_PATH = '/hearth-ca.crt';

// The type that makes Android, iOS and desktop browsers offer to install a CA certificate.
const CA_CERT_TYPE = 'application/x-x509-ca-cert';

/**
 * The home CA's certificate, for household devices to install as trusted: PEM by default,
 * `?format=der` for systems that want the binary form. Served on plain HTTP too, since a device
 * needs it before it can trust HTTPS. Public by nature: it holds no secret.
 */
export function registerCaCertificateRoute(app: FastifyInstance, caCertPem: string): void {
  const pem = `${caCertPem.trim()}\n`;
  const der = new crypto.X509Certificate(caCertPem).raw;
  app.get(CA_CERTIFICATE_PATH, async (request, reply) => {
    const { format = 'pem' } = request.query as { format?: string };
    if (format !== 'pem' && format !== 'der')
      return reply.code(400).send({ error: 'bad_format', message: 'format must be pem or der' });
    reply.header('Cache-Control', 'no-cache').type(CA_CERT_TYPE);
    if (format === 'der') return reply.header('Content-Disposition', 'inline; filename="hearth-ca.cer"').send(der);
    return reply.header('Content-Disposition', 'inline; filename="hearth-ca.crt"').send(pem);
  });
}
