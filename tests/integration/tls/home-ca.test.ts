import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TlsFileError } from '../../../server/tls/key-files.ts';
import { localNames, type LocalNames } from '../../../server/tls/local-names.ts';
import { loadTlsMaterial, TLS_DIR } from '../../../server/tls/tls-material.ts';

// The home CA and the server certificate, made by the real @peculiar/x509 + WebCrypto and checked
// by Node's own X.509 code (OpenSSL), as a browser would check the chain.

const DAY_MS = 86_400_000;
const NAMES: LocalNames = localNames('Den-PC', ['192.168.1.20', '10.0.0.7']);

describe('home certificate authority', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-tls-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const tlsFile = (name: string) => path.join(dataDir, TLS_DIR, name);
  const load = (names = NAMES, now?: Date) =>
    loadTlsMaterial(dataDir, { names, hostname: 'Den-PC', ...(now ? { now } : {}) });

  it('lists localhost, the host name, its .local name, loopback and every LAN IPv4', () => {
    expect(NAMES).toEqual({
      dns: ['localhost', 'den-pc', 'den-pc.local'],
      ips: ['127.0.0.1', '::1', '192.168.1.20', '10.0.0.7'],
    });
    expect(localNames('media.example.org.', []).dns).toEqual(['localhost', 'media.example.org', 'media.local']);
    expect(localNames('bad name', []).dns).toEqual(['localhost']);
  });

  it('creates the CA once, keeps its key private, and reuses it (and the server certificate) on the next start', async () => {
    const first = await load();
    expect(first.caCreated).toBe(true);
    expect(fs.statSync(tlsFile('ca.key')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(tlsFile('server.key')).mode & 0o777).toBe(0o600);

    const ca = new crypto.X509Certificate(fs.readFileSync(tlsFile('ca.crt')));
    expect(ca.ca).toBe(true);
    expect(ca.subject).toContain('CN=Hearth home CA (Den-PC)');
    expect(ca.fingerprint256).toBe(first.caFingerprint256);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(new Date(ca.validTo).getTime() - Date.now()).toBeGreaterThan(9.9 * 365 * DAY_MS);

    const again = await load();
    expect(again.caCreated).toBe(false);
    expect(again.caFingerprint256).toBe(first.caFingerprint256);
    expect(again.issuedBecause).toBeNull();
    expect(again.cert).toBe(first.cert);
  });

  it('issues a server certificate for exactly this machine, chaining to the CA', async () => {
    const tls = await load();
    const leaf = new crypto.X509Certificate(tls.cert);
    const ca = new crypto.X509Certificate(tls.caCertPem);

    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.checkPrivateKey(crypto.createPrivateKey(tls.key))).toBe(true);
    expect(leaf.ca).toBe(false);
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']); // serverAuth
    for (const ip of NAMES.ips) expect(leaf.checkIP(ip), ip).toBe(ip);
    for (const host of NAMES.dns) expect(leaf.checkHost(host), host).toBe(host);
    expect(leaf.checkIP('192.168.1.21')).toBeUndefined();
    expect(leaf.checkHost('example.com')).toBeUndefined();
    const lifetimeDays = (new Date(leaf.validTo).getTime() - new Date(leaf.validFrom).getTime()) / DAY_MS;
    expect(lifetimeDays).toBeLessThanOrEqual(825);
    expect(lifetimeDays).toBeGreaterThan(800);
  });

  it('issues a new server certificate when an address changes, with the same CA', async () => {
    const first = await load();
    const moved = await load(localNames('Den-PC', ['192.168.1.99']));
    expect(moved.issuedBecause).toMatch(/names or addresses/);
    expect(moved.caFingerprint256).toBe(first.caFingerprint256);
    const leaf = new crypto.X509Certificate(moved.cert);
    expect(leaf.checkIP('192.168.1.99')).toBe('192.168.1.99');
    expect(leaf.checkIP('192.168.1.20')).toBeUndefined();
    expect(leaf.verify(new crypto.X509Certificate(first.caCertPem).publicKey)).toBe(true);
    // The new one is kept: the next start with the same addresses reuses it.
    expect((await load(localNames('Den-PC', ['192.168.1.99']))).issuedBecause).toBeNull();
  });

  it('renews the server certificate within 30 days of its end, and replaces a damaged one', async () => {
    await load();
    const soon = await load(NAMES, new Date(Date.now() + 800 * DAY_MS));
    expect(soon.issuedBecause).toMatch(/expires within 30 days/);

    fs.writeFileSync(tlsFile('server.key'), 'garbage');
    const repaired = await load();
    expect(repaired.issuedBecause).toMatch(/could not be read/);
    expect(new crypto.X509Certificate(repaired.cert).checkPrivateKey(crypto.createPrivateKey(repaired.key))).toBe(true);
  });

  it('refuses a damaged CA key with a message that names the file and says how to start over', async () => {
    await load();
    fs.writeFileSync(tlsFile('ca.key'), '-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n');
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TlsFileError);
    const message = (error as Error).message;
    expect(message).toContain(tlsFile('ca.key'));
    expect(message).toMatch(/delete the folder .*tls/);
    expect(message).toMatch(/install the new one/);
  });

  it('refuses a CA certificate that does not belong to the CA key, and a CA key without its certificate', async () => {
    await load();
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-tls-other-'));
    try {
      await loadTlsMaterial(other, { names: NAMES, hostname: 'Other' });
      fs.copyFileSync(path.join(other, TLS_DIR, 'ca.crt'), tlsFile('ca.crt'));
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
    await expect(load()).rejects.toThrow(/ca\.crt: does not belong to the key in ca\.key/);
    fs.rmSync(tlsFile('ca.crt'));
    await expect(load()).rejects.toThrow(/ca\.crt: is missing although ca\.key is there/);
  });
});
