import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A TLS file that exists but cannot be used; the message names it and says how to recover. */
export class TlsFileError extends Error {
  override name = 'TlsFileError';
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(
      `${file}: ${problem}. To start over, stop Hearth and delete the folder ${path.dirname(file)}; ` +
        'Hearth then creates a new home certificate authority, and every phone, tablet and computer must install the new one (open /hearth-ca.crt again).',
    );
  }
}

/** The file's text, or null when it does not exist. */
export function readIfPresent(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return null;
    throw new TlsFileError(file, `cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
}

export function parsePrivateKey(file: string, pem: string): crypto.KeyObject {
  try {
    return crypto.createPrivateKey(pem);
  } catch {
    throw new TlsFileError(file, 'is not a readable private key (damaged or not PEM)');
  }
}

export function parseCertificate(file: string, pem: string): crypto.X509Certificate {
  try {
    return new crypto.X509Certificate(pem);
  } catch {
    throw new TlsFileError(file, 'is not a readable certificate (damaged or not PEM)');
  }
}

/**
 * Writes via a temporary file and a rename, so a crash never leaves half a key behind.
 * Private keys get mode 0600; the folder 0700.
 */
export function writeTlsFile(file: string, text: string, mode: 0o600 | 0o644): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode });
  fs.chmodSync(tmp, mode);
  fs.renameSync(tmp, file);
}
