import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { loadOrCreateCa } from './certificate-authority.ts';
import { readIfPresent, writeTlsFile } from './key-files.ts';
import { localNames, type LocalNames } from './local-names.ts';
import { issueServerCertificate, reissueReason } from './server-certificate.ts';

export const TLS_DIR = 'tls';
export const SERVER_KEY_FILE = 'server.key';
export const SERVER_CERT_FILE = 'server.crt';

/** What the HTTPS server and the CA download need. */
export interface TlsMaterial {
  /** The server certificate and its key (PEM), for node:https. */
  cert: string;
  key: string;
  caCertPem: string;
  /** SHA-256 of the CA certificate, AA:BB:…, for people to compare on their device. */
  caFingerprint256: string;
  caCreated: boolean;
  /** Why the server certificate was (re)issued at this start, or null when the kept one was used. */
  issuedBecause: string | null;
}

/**
 * Loads the home CA and the server certificate from `<dataDir>/tls`, creating the CA on first use
 * and issuing a new server certificate when the kept one no longer fits this machine.
 */
export async function loadTlsMaterial(
  dataDir: string,
  opts: { names?: LocalNames; hostname?: string; now?: Date } = {},
): Promise<TlsMaterial> {
  const dir = path.join(dataDir, TLS_DIR);
  const hostname = opts.hostname ?? os.hostname();
  const names = opts.names ?? localNames(hostname);
  const now = opts.now ?? new Date();
  const ca = await loadOrCreateCa(dir, hostname, now);

  const keyFile = path.join(dir, SERVER_KEY_FILE);
  const certFile = path.join(dir, SERVER_CERT_FILE);
  const keptCert = readIfPresent(certFile);
  const keptKey = readIfPresent(keyFile);
  const common = { caCertPem: ca.certPem, caFingerprint256: ca.cert.fingerprint256, caCreated: ca.created };
  // The server certificate is cheap to replace and devices never see its key: a damaged one is
  // simply issued again, unlike the CA.
  const problem =
    keptCert === null || keptKey === null
      ? 'there was none'
      : keptCertificateProblem(keptCert, keptKey, (c) => reissueReason(c, ca, names, now));
  if (problem === null && keptCert !== null && keptKey !== null)
    return { cert: keptCert, key: keptKey, ...common, issuedBecause: null };

  const issued = await issueServerCertificate(ca, names, now);
  writeTlsFile(keyFile, issued.keyPem, 0o600);
  writeTlsFile(certFile, issued.certPem, 0o644);
  return { cert: issued.certPem, key: issued.keyPem, ...common, issuedBecause: problem ?? 'there was none' };
}

function keptCertificateProblem(
  certPem: string,
  keyPem: string,
  reason: (certPem: string) => string | null,
): string | null {
  try {
    if (!new crypto.X509Certificate(certPem).checkPrivateKey(crypto.createPrivateKey(keyPem)))
      return 'its key did not match';
    return reason(certPem);
  } catch {
    return 'the kept one could not be read';
  }
}
