import crypto from 'node:crypto';
import type { HomeCa } from './certificate-authority.ts';
import type { LocalNames } from './local-names.ts';
import { sameNames } from './local-names.ts';
import { days, EC_P256, ECDSA_SHA256, privateKeyPem, randomSerial, x509 } from './x509-setup.ts';

// Apple devices refuse server certificates valid for longer than 825 days.
const LEAF_LIFETIME_DAYS = 824;
const RENEW_BEFORE_DAYS = 30;

export interface ServerCertificate {
  certPem: string;
  keyPem: string;
}

/** A server certificate for exactly these names and addresses, signed by the home CA. */
export async function issueServerCertificate(
  ca: HomeCa,
  names: LocalNames,
  now = new Date(),
): Promise<ServerCertificate> {
  const keys = await globalThis.crypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject: [{ CN: [names.dns.find((n) => n !== 'localhost') ?? 'localhost'] }, { O: ['Hearth'] }],
    issuer: ca.subject,
    notBefore: new Date(now.getTime() - days(1) / 24),
    notAfter: new Date(now.getTime() + days(LEAF_LIFETIME_DAYS)),
    publicKey: keys.publicKey,
    signingKey: ca.signingKey,
    signingAlgorithm: ECDSA_SHA256,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension([
        ...names.dns.map((value) => ({ type: 'dns' as const, value })),
        ...names.ips.map((value) => ({ type: 'ip' as const, value })),
      ]),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      new x509.AuthorityKeyIdentifierExtension(ca.keyId),
    ],
  });
  return { certPem: `${cert.toString('pem')}\n`, keyPem: await privateKeyPem(keys.privateKey) };
}

/** The names and addresses a certificate is issued for. */
export function certificateNames(certPem: string): LocalNames {
  const san = new x509.X509Certificate(certPem).getExtension(x509.SubjectAlternativeNameExtension);
  const items = san?.names.items ?? [];
  return {
    dns: items.filter((n) => n.type === 'dns').map((n) => n.value),
    ips: items.filter((n) => n.type === 'ip').map((n) => canonicalIp(n.value)),
  };
}

/** Why the kept certificate must be replaced, or null when it is still good. */
export function reissueReason(certPem: string, ca: HomeCa, names: LocalNames, now = new Date()): string | null {
  const cert = new crypto.X509Certificate(certPem);
  if (!cert.verify(ca.cert.publicKey)) return 'it was signed by another certificate authority';
  if (new Date(cert.validTo).getTime() - now.getTime() < days(RENEW_BEFORE_DAYS)) return 'it expires within 30 days';
  if (new Date(cert.validFrom).getTime() > now.getTime()) return 'it is not valid yet (the clock went back)';
  const wanted = { dns: names.dns, ips: names.ips.map(canonicalIp) };
  if (!sameNames(certificateNames(certPem), wanted)) return 'the names or addresses of this machine changed';
  return null;
}

// "::1" and "0:0:0:0:0:0:0:1" are the same address; the URL parser writes each one one way.
function canonicalIp(ip: string): string {
  return ip.includes(':') ? new URL(`http://[${ip}]/`).hostname.slice(1, -1) : ip;
}
