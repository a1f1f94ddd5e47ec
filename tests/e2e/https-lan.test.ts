import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanIPv4Addresses } from '../../server/lan.ts';
import { TokenMinter } from '../../server/livekit/token-minter.ts';
import { collectPageProblems, launchChromium, RequestRecorder } from '../helpers/browser.ts';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';

// Hearth with --https, opened in real Chromium. `--ignore-certificate-errors-spki-list` makes
// Chromium trust exactly the server certificate's key: for this test the same as a device that
// installed the home CA (the chain to the CA and the names in the certificate are checked by
// tests/integration/tls with Node's X.509 code). The page must be a secure context, so the
// service worker, Cache Storage, the microphone and crossOriginIsolated are all available.

function spkiSha256(certPem: string): string {
  const spki = new crypto.X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return crypto.createHash('sha256').update(spki).digest('base64');
}

/**
 * A plain TCP relay from a LAN address to the loopback server: every test server stays on
 * 127.0.0.1, yet Chromium opens https://<LAN IP>/ as a phone would. TLS runs end to end between
 * Chromium and Hearth; the relay only copies bytes.
 */
async function relay(fromHost: string, toPort: number): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(toPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, fromHost, resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A LiveKit join token signed with the key pair the server created in its data dir. */
async function joinToken(server: RunningServer): Promise<string> {
  const secret = (name: string) => fs.readFileSync(path.join(server.dataDir, 'secrets', name), 'utf8').trim();
  return (
    await new TokenMinter(secret('livekit-api-key'), secret('livekit-api-secret')).mint({
      identity: 'csp-probe',
      room: 'den',
      ttlSeconds: 60,
    })
  ).token;
}

async function secureState(page: Page) {
  return page.evaluate(() => ({
    secure: window.isSecureContext,
    isolated: window.crossOriginIsolated,
    protocol: location.protocol,
  }));
}

const LAN_NAME = 'hearth-home.test';

describe('Hearth over HTTPS on the home network, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let httpsUrl: string;

  beforeAll(async () => {
    // hearth-home.test is a name the household added (--allowed-hosts); other Hosts are refused.
    server = await startHearthServer({ https: true, media: 'empty', args: ['--allowed-hosts', LAN_NAME] });
    if (!server.httpsUrl) throw new Error(`no https URL in the startup report:\n${server.output()}`);
    httpsUrl = server.httpsUrl;
    const leaf = fs.readFileSync(path.join(server.dataDir, 'tls', 'server.crt'), 'utf8');
    browser = await launchChromium({
      // hearth-home.test: a LAN name for the loopback server, so a plain-http page is not a secure context.
      extraArgs: [
        `--ignore-certificate-errors-spki-list=${spkiSha256(leaf)}`,
        `--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`,
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens https://127.0.0.1 as a secure, isolated context, registers the service worker and stays on its own origin', async () => {
    const context = await browser.newContext();
    const recorder = new RequestRecorder(context);
    const page = await context.newPage();
    const problems = collectPageProblems(page);

    await page.goto(`${httpsUrl}/`);
    await page.getByTestId('screen-talk').waitFor();
    expect(await secureState(page)).toEqual({ secure: true, isolated: true, protocol: 'https:' });
    expect(await page.getByTestId('insecure-notice').count()).toBe(0);
    const worker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);
    expect(worker).toBe(`${httpsUrl}/sw.js`);
    expect(await page.evaluate(async () => typeof (await caches.keys()).length)).toBe('number');

    expect(recorder.requests.length).toBeGreaterThan(0);
    expect(recorder.offOrigin(httpsUrl)).toEqual([]);
    expect(problems.filter((p) => /Content Security Policy|certificate|ERR_CERT|ERR_SSL/i.test(p))).toEqual([]);
    await context.close();
  });

  it("lets the page open the LiveKit WebSocket on its own wss:// origin under the CSP (connect-src 'self'), and nothing else", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${httpsUrl}/`);
    await page.getByTestId('screen-talk').waitFor();

    const token = await joinToken(server);
    const probe = await page.evaluate(async (accessToken) => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.blockedURI));
      const attempt = (url: string) =>
        new Promise<string>((resolve) => {
          try {
            const ws = new WebSocket(url);
            ws.onopen = () => {
              resolve('open');
              ws.close();
            };
            // A socket the CSP blocks errors without ever opening.
            ws.onerror = () => resolve('error');
          } catch (err) {
            resolve(`threw ${(err as Error).name}`);
          }
        });
      // Same origin over wss: the embedded LiveKit signalling path, with a valid join token. Then a
      // host that can never resolve (.invalid), which the CSP must block before any lookup.
      const own = await attempt(`wss://${location.host}/rtc?access_token=${accessToken}&protocol=16&auto_subscribe=1`);
      const foreign = await attempt('wss://hearth-csp-probe.invalid/');
      // Violation events are queued as tasks: wait for the blocked one to be reported (bounded).
      for (let i = 0; i < 200 && violations.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      return { own, foreign, violations };
    }, token);
    expect(probe.own).toBe('open');
    expect(probe.foreign).not.toBe('open');
    expect(probe.violations).toEqual(['wss://hearth-csp-probe.invalid/']);
    await context.close();
  });

  it("is a secure context at this machine's LAN address too (skipped when the machine has none)", async (ctx) => {
    const lanIp = lanIPv4Addresses()[0];
    if (!lanIp) {
      ctx.skip('this machine has no non-loopback IPv4 address, so there is no LAN URL to open');
      return;
    }
    const lan = await relay(lanIp, server.httpsPort ?? 0);
    try {
      const origin = `https://${lanIp}:${lan.port}`;
      const context = await browser.newContext();
      const recorder = new RequestRecorder(context);
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      await page.getByTestId('screen-talk').waitFor();
      expect(await secureState(page)).toEqual({ secure: true, isolated: true, protocol: 'https:' });
      expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toBe(
        `${origin}/sw.js`,
      );
      expect(recorder.offOrigin(origin)).toEqual([]);
      await context.close();
    } finally {
      await lan.close();
    }
  });

  it('tells a page opened over plain http at a LAN name that the microphone needs the secure address, and links it and the CA', async () => {
    const origin = `http://${LAN_NAME}:${server.port}`;
    const context = await browser.newContext();
    const recorder = new RequestRecorder(context);
    const page = await context.newPage();
    const problems = collectPageProblems(page);
    await page.goto(`${origin}/`);
    await page.getByTestId('screen-talk').waitFor();
    expect(await secureState(page)).toEqual({ secure: false, isolated: false, protocol: 'http:' });

    const notice = page.getByTestId('insecure-notice');
    await notice.waitFor();
    const open = page.getByTestId('insecure-open-secure');
    await open.waitFor(); // once /api/health has said which port HTTPS is on
    expect(await open.getAttribute('href')).toBe(`https://${LAN_NAME}:${server.httpsPort}/`);
    const caHref = await page.getByTestId('insecure-ca-link').getAttribute('href');
    expect(caHref).toBe(`${origin}/hearth-ca.crt`);
    const served = await page.evaluate(async (url) => (await fetch(url)).text(), caHref!);
    expect(served).toBe(fs.readFileSync(path.join(server.dataDir, 'tls', 'ca.crt'), 'utf8'));

    // The page still works for typing: nothing crashed for want of a service worker or a microphone.
    // (Chromium itself warns that COOP is ignored on an untrustworthy origin: that is the point.)
    expect(problems.filter((p) => !/Cross-Origin-Opener-Policy header has been ignored/.test(p))).toEqual([]);
    expect(recorder.offOrigin(origin)).toEqual([]);
    await context.close();
  });
});
