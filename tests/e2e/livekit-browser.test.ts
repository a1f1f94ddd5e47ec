import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeRtcNode, RtcNodeParticipant, waitFor } from '../integration/livekit/helpers/rtc-node-participant.ts';
import {
  launchChromium,
  openBrowserParticipant,
  startHearthWithLivekitPage,
  type BrowserParticipant,
  type HearthWithLivekit,
} from '../livekit-browser/harness.ts';
import { toneWav } from '../livekit-browser/tone-wav.ts';

// livekit-client in Chromium (fake microphone playing a 440 Hz tone) and @livekit/rtc-node in
// this process, both against the embedded room server of a real `npm start`-style Hearth server.
describe('embedded room server with livekit-client in Chromium', () => {
  let lk: HearthWithLivekit;
  let browser: Browser;
  const nodeClients: RtcNodeParticipant[] = [];
  const pages: BrowserParticipant[] = [];

  const nodeClient = (identity: string) => {
    const c = new RtcNodeParticipant(identity);
    nodeClients.push(c);
    return c;
  };
  const browserClient = async () => {
    const p = await openBrowserParticipant(browser, lk.hearth.url);
    pages.push(p);
    return p;
  };

  beforeAll(async () => {
    lk = await startHearthWithLivekitPage();
    browser = await launchChromium({ fakeAudioCapture: toneWav({ hz: 440 }) });
  });
  afterAll(async () => {
    for (const p of pages) await p.close().catch(() => {});
    for (const c of nodeClients) await c.disconnect();
    await browser?.close();
    await lk?.hearth.stop();
    await disposeRtcNode();
  });

  it('browser and rtc-node join one room, hear each other and exchange data', async () => {
    const web = await browserClient();
    const { url, token } = await lk.token('web-1', 'room-a');
    const joined = await web.page.evaluate(([u, t]) => window.lkPage.join(u, t), [url, token] as const);
    expect(joined).toMatchObject({ ok: true });
    await web.page.evaluate(() => window.lkPage.publishMic());

    const agent = nodeClient('agent-1');
    const nodeToken = await lk.token('agent-1', 'room-a');
    await agent.connect(nodeToken.url, nodeToken.token);
    await agent.publishTone(660);

    await waitFor('rtc-node hears the browser mic', () => agent.loudFrames('web-1') > 50, 30_000);
    await expect
      .poll(() => web.page.evaluate(() => window.lkPage.heard('agent-1').loudReads), { timeout: 30_000 })
      .toBeGreaterThan(20);

    await web.page.evaluate(() => window.lkPage.sendText('from the browser'));
    await agent.sendText('from node');
    await waitFor('node receives browser data', () =>
      agent.data.some((d) => d.text === 'from the browser' && d.from === 'web-1'),
    );
    await expect
      .poll(() => web.page.evaluate(() => window.lkPage.received().find((r) => r.text === 'from node')?.from), {
        timeout: 15_000,
      })
      .toBe('agent-1');

    expect(web.recorder.offOrigin(lk.hearth.url)).toEqual([]);
    // `npm start` without LiveKit settings runs the embedded server, and never prints the key.
    expect(lk.hearth.output()).toContain('LiveKit: embedded room server');
    expect(lk.hearth.output()).not.toContain(lk.householdKey);
  });

  async function joinedBrowser(identity: string, room: string): Promise<BrowserParticipant> {
    const web = await browserClient();
    const { url, token } = await lk.token(identity, room);
    expect(await web.page.evaluate(([u, t]) => window.lkPage.join(u, t), [url, token] as const)).toMatchObject({
      ok: true,
    });
    return web;
  }

  async function joinedNode(identity: string, room: string): Promise<RtcNodeParticipant> {
    const c = nodeClient(identity);
    const { url, token } = await lk.token(identity, room);
    await c.connect(url, token);
    return c;
  }

  it('refuses a forged token with the error livekit-client expects (NotAllowed, 401)', async () => {
    const web = await browserClient();
    const { url, token } = await lk.token('forger', 'room-refused');
    const [head, body] = token.split('.');
    const forged = `${head}.${body}.${'A'.repeat(43)}`;
    const result = await web.page.evaluate(([u, t]) => window.lkPage.join(u, t), [url, forged] as const);
    // ConnectionErrorReason.NotAllowed is 0 in livekit-client 2.x.
    expect(result).toMatchObject({ ok: false, name: 'ConnectionError', reason: 0, status: 401 });
    expect(await web.page.evaluate(() => window.lkPage.state().state)).toBe('disconnected');
  });

  it('mute and unmute of the browser mic reach the other participant', async () => {
    const web = await joinedBrowser('web-mute', 'room-mute');
    await web.page.evaluate(() => window.lkPage.publishMic());
    const agent = await joinedNode('agent-mute', 'room-mute');
    await waitFor('agent hears the mic', () => agent.loudFrames('web-mute') > 20, 30_000);
    await web.page.evaluate(() => window.lkPage.setMicMuted(true));
    await waitFor('agent sees the mute', () => agent.events.includes('trackMuted:web-mute'));
    await web.page.evaluate(() => window.lkPage.setMicMuted(false));
    await waitFor('agent sees the unmute', () => agent.events.includes('trackUnmuted:web-mute'));
  });

  it('a browser that leaves is reported disconnected', async () => {
    const web = await joinedBrowser('web-leave', 'room-leave');
    const agent = await joinedNode('agent-leave', 'room-leave');
    await waitFor('agent sees the browser', () => agent.room.remoteParticipants.has('web-leave'));
    await web.page.evaluate(() => window.lkPage.leave());
    await waitFor('agent sees the browser leave', () => agent.events.includes('participantDisconnected:web-leave'));
  });

  it('a browser whose signalling drops reconnects and is heard again, with data flowing', async () => {
    const web = await joinedBrowser('web-drop', 'room-drop');
    await web.page.evaluate(() => window.lkPage.publishMic());
    const agent = await joinedNode('agent-drop', 'room-drop');
    await agent.publishTone(660);
    await waitFor('agent hears the browser', () => agent.loudFrames('web-drop') > 20, 30_000);
    await web.page.evaluate(() => window.lkPage.simulate('signal-reconnect'));
    await expect
      .poll(() => web.page.evaluate(() => window.lkPage.events().includes('reconnected')), { timeout: 30_000 })
      .toBe(true);
    const mark = agent.heardCount('web-drop');
    await waitFor('agent hears the browser again', () => agent.loudFramesSince('web-drop', mark) > 20, 30_000);
    await web.page.evaluate(() => window.lkPage.resetHeard());
    await expect
      .poll(() => web.page.evaluate(() => window.lkPage.heard('agent-drop').loudReads), { timeout: 30_000 })
      .toBeGreaterThan(10);
    await web.page.evaluate(() => window.lkPage.sendText('after the drop'));
    await waitFor('data after the drop', () => agent.data.some((d) => d.text === 'after the drop'));
  });

  it('three participants (two browsers, one rtc-node) all hear each other; targeted data reaches only its target', async () => {
    const web1 = await joinedBrowser('web-3a', 'room-three');
    const web2 = await joinedBrowser('web-3b', 'room-three');
    await web1.page.evaluate(() => window.lkPage.publishMic());
    await web2.page.evaluate(() => window.lkPage.publishMic());
    const agent = await joinedNode('agent-3', 'room-three');
    await agent.publishTone(660);
    await waitFor(
      'agent hears both browsers',
      () => agent.loudFrames('web-3a') > 20 && agent.loudFrames('web-3b') > 20,
      30_000,
    );
    for (const [web, other] of [
      [web1, 'web-3b'],
      [web2, 'web-3a'],
    ] as const) {
      await expect
        .poll(() => web.page.evaluate((id) => window.lkPage.heard(id).loudReads, other), { timeout: 30_000 })
        .toBeGreaterThan(10);
      await expect
        .poll(() => web.page.evaluate(() => window.lkPage.heard('agent-3').loudReads), { timeout: 30_000 })
        .toBeGreaterThan(10);
    }
    await agent.sendText('just for web-3a', { to: ['web-3a'] });
    await agent.sendText('for all');
    await expect
      .poll(() => web2.page.evaluate(() => window.lkPage.received().map((r) => r.text)), { timeout: 15_000 })
      .toContain('for all');
    await expect
      .poll(() => web1.page.evaluate(() => window.lkPage.received().map((r) => r.text)), { timeout: 15_000 })
      .toEqual(['just for web-3a', 'for all']);
    expect(await web2.page.evaluate(() => window.lkPage.received().map((r) => r.text))).toEqual(['for all']);
  });
});
