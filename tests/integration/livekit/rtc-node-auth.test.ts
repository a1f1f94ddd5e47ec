import { ConnectError } from '@livekit/rtc-node';
import { describe, expect, it } from 'vitest';
import { TokenMinter } from '../../../server/livekit/token-minter.ts';
import { rtcNodeSuite } from './helpers/rtc-node-suite.ts';
import { waitFor } from './helpers/rtc-node-participant.ts';

describe('embedded room server: tokens and grants with @livekit/rtc-node', () => {
  const suite = rtcNodeSuite();

  async function expectRefused(token: string): Promise<void> {
    const c = suite.client(`refused-${Math.random()}`);
    const err = await c.connect(suite.lk().url, token).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConnectError);
    expect(
      suite
        .lk()
        .server.snapshot()
        .some((r) => r.room === 'auth'),
    ).toBe(false);
  }

  it('refuses a token signed with another secret', async () => {
    await expectRefused(await suite.lk().forgedToken('mallory', 'auth'));
  });

  it('refuses an expired token', async () => {
    await expectRefused(await suite.lk().token('late', 'auth', { ttlSeconds: -60 }));
  });

  it('refuses a token without a room join grant', async () => {
    const { AccessToken } = await import('livekit-server-sdk');
    const at = new AccessToken('HKtestkey', 'test-secret-that-is-long-enough-for-hs256-0123456789', {
      identity: 'nojoin',
    });
    at.addGrant({ roomList: true });
    await expectRefused(await at.toJwt());
  });

  it('answers /rtc/validate with 401 and the reason for a bad token, 200 for a good one', async () => {
    const base = suite.lk().url.replace('ws://', 'http://');
    const bad = await fetch(`${base}/rtc/validate?access_token=${await suite.lk().forgedToken('m', 'auth')}`);
    expect(bad.status).toBe(401);
    expect(await bad.text()).toMatch(/invalid token/);
    const expired = await fetch(
      `${base}/rtc/validate?access_token=${await suite.lk().token('x', 'auth', { ttlSeconds: -60 })}`,
    );
    expect(await expired.text()).toMatch(/exp/);
    const good = await fetch(`${base}/rtc/validate?access_token=${await suite.lk().token('x', 'auth')}`);
    expect(good.status).toBe(200);
    // single-peer-connection mode is not offered: its 404 is what makes clients fall back to /rtc
    expect((await fetch(`${base}/rtc/v1/validate`)).status).toBe(404);
  });

  it("the room joined is the token's, not the client's choice", async () => {
    const minter = new TokenMinter('HKtestkey', 'test-secret-that-is-long-enough-for-hs256-0123456789');
    const c = suite.client('roomed');
    await c.connect(suite.lk().url, (await minter.mint({ identity: 'roomed', room: 'kitchen', ttlSeconds: 60 })).token);
    expect(c.room.name).toBe('kitchen');
  });

  it('without canSubscribe a participant receives no audio', async () => {
    const lk = suite.lk();
    const speaker = await suite.join('speaker', 'grant-sub');
    const deaf = suite.client('deaf');
    await deaf.connect(lk.url, await lk.token('deaf', 'grant-sub', { canSubscribe: false }));
    const hearing = await suite.join('hearing', 'grant-sub');
    await speaker.publishTone();
    await waitFor('the allowed listener hears', () => hearing.loudFrames('speaker') > 30, 20_000);
    expect(deaf.heardCount('speaker')).toBe(0);
  });

  it('without canPublish a participant cannot publish audio', async () => {
    const lk = suite.lk();
    const mute = suite.client('mute');
    await mute.connect(lk.url, await lk.token('mute', 'grant-pub', { canPublish: false }));
    const listener = await suite.join('listener', 'grant-pub');
    // As with livekit-server, the AddTrackRequest is refused (never answered with trackPublished).
    let published = false;
    mute.publishTone().then(
      () => (published = true),
      () => {},
    );
    await waitFor(
      'the server to refuse the track',
      () => (lk.server.findParticipant('grant-pub', 'mute')?.refusedTracks ?? 0) >= 1,
    );
    expect(published).toBe(false);
    expect(listener.heardCount('mute')).toBe(0);
    expect(suite.lk().server.findParticipant('grant-pub', 'mute')?.tracks.size).toBe(0);
  });
});
