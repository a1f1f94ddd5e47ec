import crypto from 'node:crypto';
import path from 'node:path';
import { parseCertificate, parsePrivateKey, readIfPresent, TlsFileError, writeTlsFile } from './key-files.ts';
import { days, EC_P256, ECDSA_SHA256, privateKeyPem, randomSerial, x509 } from './x509-setup.ts';

/** The household's own certificate authority: devices trust it once, Hearth signs its server certificate with it. */
export interface HomeCa {
  certPem: string;
  cert: crypto.X509Certificate;
  /** The CA's subject and key id, exactly as encoded, for the certificates it issues. */
  subject: x509.Name;
  keyId: string;
  signingKey: CryptoKey;
  created: boolean;
}

export const CA_KEY_FILE = 'ca.key';
export const CA_CERT_FILE = 'ca.crt';
const CA_LIFETIME_DAYS = 3650;

/** Loads the CA kept in `dir`, creating it the first time (key mode 0600). */
export async function loadOrCreateCa(dir: string, hostname: string, now = new Date()): Promise<HomeCa> {
  const keyFile = path.join(dir, CA_KEY_FILE);
  const certFile = path.join(dir, CA_CERT_FILE);
  const keyPem = readIfPresent(keyFile);
  const certPem = readIfPresent(certFile);
  if (keyPem === null && certPem === null) return createCa(keyFile, certFile, hostname, now);
  if (keyPem === null) throw new TlsFileError(keyFile, `is missing although ${CA_CERT_FILE} is there`);
  if (certPem === null) throw new TlsFileError(certFile, `is missing although ${CA_KEY_FILE} is there`);

  const key = parsePrivateKey(keyFile, keyPem);
  const cert = parseCertificate(certFile, certPem);
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new TlsFileError(keyFile, 'is not an ECDSA P-256 key');
  }
  const spki = (k: crypto.KeyObject) => k.export({ type: 'spki', format: 'der' });
  if (!spki(crypto.createPublicKey(key)).equals(spki(cert.publicKey))) {
    throw new TlsFileError(certFile, `does not belong to the key in ${CA_KEY_FILE}`);
  }
  const signingKey = await globalThis.crypto.subtle.importKey(
    'pkcs8',
    key.export({ type: 'pkcs8', format: 'der' }),
    EC_P256,
    false,
    ['sign'],
  );
  return { certPem, cert, ...identity(certPem), signingKey, created: false };
}

async function createCa(keyFile: string, certFile: string, hostname: string, now: Date): Promise<HomeCa> {
  const keys = await globalThis.crypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']);
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerial(),
    name: [{ CN: [`Hearth home CA (${hostname})`] }, { O: ['Hearth'] }],
    // An hour of slack for devices whose clock runs a little behind.
    notBefore: new Date(now.getTime() - days(1) / 24),
    notAfter: new Date(now.getTime() + days(CA_LIFETIME_DAYS)),
    keys,
    signingAlgorithm: ECDSA_SHA256,
    extensions: [
      // pathLength 0: it signs server certificates only, never another CA.
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const certPem = `${caCert.toString('pem')}\n`;
  writeTlsFile(keyFile, await privateKeyPem(keys.privateKey), 0o600);
  writeTlsFile(certFile, certPem, 0o644);
  return {
    certPem,
    cert: new crypto.X509Certificate(certPem),
    ...identity(certPem),
    signingKey: keys.privateKey,
    created: true,
  };
}

function identity(certPem: string): { subject: x509.Name; keyId: string } {
  const cert = new x509.X509Certificate(certPem);
  const ski = cert.getExtension(x509.SubjectKeyIdentifierExtension);
  if (!ski) throw new Error('the home CA certificate has no subject key identifier');
  return { subject: cert.subjectName, keyId: ski.keyId };
}
