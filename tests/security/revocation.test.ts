import fs from 'node:fs';
import path from 'node:path';
import { RoomEvent, DisconnectReason } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { disposeRtcNode, RtcNodeParticipant } from '../integration/livekit/helpers/rtc-node-participant.ts';
import { rawRequest } from './raw-http.ts';
import { TEST_CONSENT } from '../helpers/toy-consent.ts';

// Issue 12, finding 8: a room token minted before a toy's credential was replaced, or before the
// toy was deleted, still joined for up to an hour. Now such a token is refused at join, and a
// participant already in the room is removed the moment the credential changes. The toy is a
// real @livekit/rtc-node client against the embedded room server of a real Hearth process.

describe('revoking room tokens (finding 8)', { timeout: 400_000 }, () => {
  let server: RunningServer;
  let key: string;
  const clients: RtcNodeParticipant[] = [];

  beforeAll(async () => {
    server = await startHearthServer({ media: 'empty', args: ['--starter-library', 'off'] });
    key = fs.readFileSync(path.join(server.dataDir, 'secrets', 'household-key'), 'utf8').trim();
  }, 300_000);
  afterAll(async () => {
    for (const c of clients) await c.disconnect();
    await disposeRtcNode();
    await server?.stop();
  }, 60_000);

  const withKey = { authorization: () => `Bearer ${key}` };
  const api = (p: string, body?: unknown, method?: string) =>
    rawRequest(server.url, p, { body, method, headers: { authorization: withKey.authorization() } });
  const deviceToken = async (id: string, credential: string) =>
    (
      await rawRequest(server.url, `/api/devices/${id}/token`, {
        body: {},
        headers: { authorization: `Bearer ${credential}` },
      })
    ).json() as { url: string; token: string };
  const validate = (token: string) => rawRequest(server.url, `/rtc/validate?access_token=${token}`);

  /** Resolves with the reason once the client is disconnected by the server. */
  const disconnection = (client: RtcNodeParticipant) =>
    new Promise<DisconnectReason | undefined>((resolve) =>
      client.room.once(RoomEvent.Disconnected, (reason?: DisconnectReason) => resolve(reason)),
    );

  it('removes a toy at once when its credential is replaced, and refuses its old token', async () => {
    const created = (await api('/api/devices', { name: 'Bunny', consent: TEST_CONSENT })).json() as {
      id: string;
      credential: string;
    };
    const old = await deviceToken(created.id, created.credential);
    expect((await validate(old.token)).status).toBe(200);

    const toy = new RtcNodeParticipant(`device-${created.id}`);
    clients.push(toy);
    await toy.connect(old.url, old.token);
    const removed = disconnection(toy);

    const rotated = await api(`/api/devices/${created.id}/credential`, {});
    expect(rotated.status).toBe(200);
    expect(await removed).toBe(DisconnectReason.PARTICIPANT_REMOVED);

    const refused = await validate(old.token);
    expect(refused.status).toBe(401);
    expect(refused.text).toMatch(/new credential/);
    const fresh = await deviceToken(created.id, String(rotated.json().credential));
    expect((await validate(fresh.token)).status).toBe(200);
  });

  it("refuses every token for a deleted toy's room and removes who is in it", async () => {
    const created = (await api('/api/devices', { name: 'Owl', consent: TEST_CONSENT })).json() as {
      id: string;
      credential: string;
    };
    const minted = await deviceToken(created.id, created.credential);
    const toy = new RtcNodeParticipant(`device-${created.id}`);
    clients.push(toy);
    await toy.connect(minted.url, minted.token);
    const removed = disconnection(toy);

    expect((await api(`/api/devices/${created.id}`, undefined, 'DELETE')).status).toBe(204);
    expect(await removed).toBe(DisconnectReason.PARTICIPANT_REMOVED);
    const refused = await validate(minted.token);
    expect(refused.status).toBe(401);
    expect(refused.text).toMatch(/removed/);
  });
});
