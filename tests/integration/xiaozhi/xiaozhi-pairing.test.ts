// Pairing a stock xiaozhi toy by its spoken code, through the real server: the OTA check of an
// unknown MAC gets an activation code and no transport, the activation poll gets 202 until the
// parent types the code (POST /api/toys/pair), 200 after, and the next check gets the WebSocket
// with a token that opens a session. Also: what the parent sees, wrong and used codes, a MAC already
// registered, switching and deleting (the toy is refused at once), and bad OTA input.
import { describe, expect, it } from 'vitest';
import { activate, checkVersion, newToyIdentity } from '../../../server/toys/simulator/xiaozhi-toy.ts';
import { WebSocketLink, WebSocketLinkError } from '../../../server/toys/simulator/websocket-link.ts';
import { useToyServer } from '../agent/toy-server.ts';
import { api, connectToy, otaUrlOf, pairToy } from './xiaozhi-harness.ts';
import { TEST_CONSENT } from '../../helpers/toy-consent.ts';

describe('xiaozhi pairing by code', () => {
  const toys = useToyServer();
  const url = () => toys.toyServer.server.url;
  const key = () => toys.toyServer.householdKey;

  it('an unknown toy gets a code and no transport; the parent pairs it; then it gets its WebSocket', async () => {
    const identity = newToyIdentity('bread-compact-wifi');
    const ota = otaUrlOf(url());
    const first = await checkVersion(ota, identity);
    expect(first.status).toBe(200);
    expect(first.answer.activation?.code).toMatch(/^\d{6}$/);
    expect(first.answer.activation?.challenge).toBeTruthy();
    expect(first.answer.activation?.timeout_ms).toBeGreaterThan(0);
    expect(first.answer.websocket).toBeUndefined();
    expect(first.answer.mqtt).toBeUndefined();
    expect(first.answer.server_time?.timestamp).toBeGreaterThan(0);
    expect(first.answer.firmware).toEqual({ version: identity.firmwareVersion });
    // Checking in again keeps the same code (the toy keeps saying it).
    const again = await checkVersion(ota, identity);
    expect(again.answer.activation?.code).toBe(first.answer.activation?.code);
    const code = first.answer.activation!.code;

    expect(await activate(ota, identity)).toBe(202);
    const pending = await api(url(), key(), 'GET', '/api/toys/pending');
    expect(pending.status).toBe(200);
    const waiting = (pending.json.pending as Record<string, unknown>[]).find((p) => p.board === 'bread-compact-wifi');
    expect(waiting).toMatchObject({ board: 'bread-compact-wifi', firmwareVersion: identity.firmwareVersion });
    expect(JSON.stringify(pending.json)).not.toContain(code);

    // Without the parent's PIN or the household key: refused.
    const anonymous = await fetch(`${url()}/api/toys/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: 'X' }),
    });
    expect(anonymous.status).toBe(401);
    const wrong = code === '000000' ? '000001' : '000000';
    expect(
      (await api(url(), key(), 'POST', '/api/toys/pair', { code: wrong, name: 'Bear', consent: TEST_CONSENT })).status,
    ).toBe(404);
    expect((await api(url(), key(), 'POST', '/api/toys/pair', { code: 'abc', name: 'Bear' })).status).toBe(400);
    // Consent first: without the child's age and the parent's acceptance, refused, and the code still waits.
    const noConsent = await api(url(), key(), 'POST', '/api/toys/pair', { code, name: 'Bear' });
    expect(noConsent.status).toBe(400);
    expect(noConsent.json).toMatchObject({ error: 'consent_required' });
    expect(String(noConsent.json.message)).toMatch(/child's age/);

    const paired = await api(url(), key(), 'POST', '/api/toys/pair', {
      code,
      consent: TEST_CONSENT,
      name: 'Kitchen bear',
      ownerName: 'Maya',
      personaId: 'builtin-hearth',
    });
    expect(paired.status).toBe(201);
    const deviceId = identity.mac.replaceAll(':', '-');
    expect(paired.json).toMatchObject({
      id: deviceId,
      name: 'Kitchen bear',
      ownerName: 'Maya',
      transport: 'xiaozhi-ws',
      board: 'bread-compact-wifi',
      firmwareVersion: identity.firmwareVersion,
      online: false,
      consent: { childAge: TEST_CONSENT.childAge, textVersion: TEST_CONSENT.textVersion, givenBy: 'household-key' },
    });
    // Single use.
    expect(
      (await api(url(), key(), 'POST', '/api/toys/pair', { code, name: 'Again', consent: TEST_CONSENT })).status,
    ).toBe(410);

    expect(await activate(ota, identity)).toBe(200);
    const after = await checkVersion(ota, identity);
    expect(after.answer.activation).toBeUndefined();
    expect(after.answer.mqtt).toBeUndefined();
    expect(after.answer.websocket?.url).toBe(`${url().replace(/^http/, 'ws')}/xiaozhi/v1/`);
    expect(after.answer.websocket?.token).toBeTruthy();
    // The same token at every boot, until it is revoked.
    expect((await checkVersion(ota, identity)).answer.websocket?.token).toBe(after.answer.websocket?.token);

    const listed = await api(url(), key(), 'GET', `/api/devices/${deviceId}`);
    expect(listed.json).toMatchObject({ transport: 'xiaozhi-ws', board: 'bread-compact-wifi', online: false });
    expect(typeof listed.json.lastSeenAt).toBe('number');
    const all = await api(url(), key(), 'GET', '/api/devices');
    expect((all.json.devices as Record<string, unknown>[]).find((d) => d.id === deviceId)?.transport).toBe(
      'xiaozhi-ws',
    );

    // The toy opens its session; the device shows online; deleting it closes the session and refuses it.
    const toy = await connectToy({
      identity,
      device: paired.json as { id: string },
      websocket: after.answer.websocket!,
    });
    try {
      expect((await api(url(), key(), 'GET', `/api/devices/${deviceId}`)).json.online).toBe(true);
      expect((await api(url(), key(), 'DELETE', `/api/devices/${deviceId}`)).status).toBe(204);
      await toy.waitUntil('the session to close', () => toy.state === 'closed', 10_000);
      expect(toy.closeReason).toMatch(/deleted/);
      await expect(
        WebSocketLink.connect({
          url: after.answer.websocket!.url,
          token: after.answer.websocket!.token,
          mac: identity.mac,
          clientId: identity.clientId,
        }),
      ).rejects.toThrow(/HTTP 401/);
      // Deleted: the next check starts pairing again.
      expect((await checkVersion(ota, identity)).answer.activation?.code).toMatch(/^\d{6}$/);
    } finally {
      toy.close();
    }
  }, 420_000);

  it('switching transport revokes the WebSocket token and closes the session; a LiveKit toy cannot switch', async () => {
    const paired = await pairToy(url(), key(), { name: 'Switch bear' });
    const toy = await connectToy(paired);
    try {
      const patched = await api(url(), key(), 'PATCH', `/api/devices/${paired.device.id}`, {
        transport: 'xiaozhi-mqtt',
        name: 'Switched bear',
      });
      expect(patched.status).toBe(200);
      expect(patched.json).toMatchObject({ transport: 'xiaozhi-mqtt', name: 'Switched bear' });
      await toy.waitUntil('the session to close', () => toy.state === 'closed', 10_000);
      expect(toy.closeReason).toMatch(/switched/);
      const refused = await WebSocketLink.connect({
        url: paired.websocket.url,
        token: paired.websocket.token,
        mac: paired.identity.mac,
        clientId: paired.identity.clientId,
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WebSocketLinkError);
      expect((refused as WebSocketLinkError).status).toBe(401);
      // Back to WebSocket: a new token at the next check.
      expect(
        (await api(url(), key(), 'PATCH', `/api/devices/${paired.device.id}`, { transport: 'xiaozhi-ws' })).status,
      ).toBe(200);
      const next = await checkVersion(otaUrlOf(url()), paired.identity);
      expect(next.answer.websocket?.token).toBeTruthy();
      expect(next.answer.websocket?.token).not.toBe(paired.websocket.token);
      expect(
        (await api(url(), key(), 'PATCH', `/api/devices/${paired.device.id}`, { transport: 'carrier-pigeon' })).status,
      ).toBe(400);

      const livekit = await toys.toyServer.registerToy('LiveKit bear');
      expect((await api(url(), key(), 'GET', `/api/devices/${livekit.id}`)).json).toMatchObject({
        transport: 'livekit',
        board: null,
        firmwareVersion: null,
        lastSeenAt: null,
      });
      expect((await api(url(), key(), 'PATCH', `/api/devices/${livekit.id}`, { transport: 'xiaozhi-ws' })).status).toBe(
        400,
      );
    } finally {
      toy.close();
    }
  }, 420_000);

  it('a MAC already registered as a LiveKit toy is a 409; bad OTA input gets a clear 4xx', async () => {
    const identity = newToyIdentity();
    const registered = await api(url(), key(), 'POST', '/api/devices', {
      name: 'Same MAC',
      id: identity.mac,
      consent: TEST_CONSENT,
    });
    expect(registered.status).toBe(201);
    const check = await checkVersion(otaUrlOf(url()), identity);
    const conflict = await api(url(), key(), 'POST', '/api/toys/pair', {
      code: check.answer.activation!.code,
      name: 'Twin',
      consent: TEST_CONSENT,
    });
    expect(conflict.status).toBe(409);

    const noMac = await fetch(otaUrlOf(url()), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noMac.status).toBe(400);
    expect(((await noMac.json()) as { message: string }).message).toMatch(/MAC/);
    const badMac = await fetch(otaUrlOf(url()), { headers: { 'Device-Id': 'not-a-mac' } });
    expect(badMac.status).toBe(400);
    const unknownActivate = await activate(otaUrlOf(url()), newToyIdentity());
    expect(unknownActivate).toBe(404);
  }, 60_000);
});
