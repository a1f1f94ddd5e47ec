import { SimulateScenarioKind } from '@livekit/rtc-node';
import { describe, expect, it } from 'vitest';
import { rtcNodeSuite } from './helpers/rtc-node-suite.ts';
import { waitFor, type RtcNodeParticipant } from './helpers/rtc-node-participant.ts';

describe('embedded room server: drops and reconnects with @livekit/rtc-node', () => {
  const suite = rtcNodeSuite({ pingIntervalS: 1, pingTimeoutS: 4 });

  async function talkingPair(room: string): Promise<[RtcNodeParticipant, RtcNodeParticipant]> {
    const a = await suite.join(`${room}-a`, room);
    const b = await suite.join(`${room}-b`, room);
    await a.publishTone(440);
    await b.publishTone(660);
    await waitFor('b hears a', () => b.loudFrames(a.identity) > 30, 20_000);
    await waitFor('a hears b', () => a.loudFrames(b.identity) > 30, 20_000);
    return [a, b];
  }

  /** After a reconnect: audio flows both ways again and data still gets through. */
  async function stillTalking(a: RtcNodeParticipant, b: RtcNodeParticipant): Promise<void> {
    const aMark = a.heardCount(b.identity);
    const bMark = b.heardCount(a.identity);
    await waitFor('b hears a again', () => b.loudFramesSince(a.identity, bMark) > 30, 20_000);
    await waitFor('a hears b again', () => a.loudFramesSince(b.identity, aMark) > 30, 20_000);
    const text = `after reconnect ${Date.now()}`;
    await a.sendText(text);
    await b.sendText(`${text} back`);
    await waitFor(
      'data both ways after reconnect',
      () => b.data.some((d) => d.text === text) && a.data.some((d) => d.text === `${text} back`),
    );
  }

  /** The server is asked to resume and answers "rejoin": the client's full reconnect must bring everything back. */
  async function rejoined(room: string, a: RtcNodeParticipant, before: unknown): Promise<void> {
    await waitFor('a reconnected', () => a.events.includes('reconnected'), 30_000);
    await waitFor(
      'a has a new session with its track republished',
      () => {
        const now = suite.lk().server.findParticipant(room, a.identity);
        return now !== undefined && now !== before && now.tracks.size === 1;
      },
      20_000,
    );
  }

  it('reconnects after its signalling connection drops (network blip on the WebSocket)', async () => {
    const [a, b] = await talkingPair('blip');
    const before = suite.lk().server.findParticipant('blip', a.identity)!;
    before.dropSignalForTest();
    await rejoined('blip', a, before);
    await stillTalking(a, b);
    expect(
      suite
        .lk()
        .server.snapshot()
        .find((r) => r.room === 'blip')
        ?.participants.sort(),
    ).toEqual([a.identity, b.identity].sort());
  });

  it('reconnects when the client itself restarts signalling (SIMULATE_SIGNAL_RECONNECT)', async () => {
    const [a, b] = await talkingPair('sigre');
    const before = suite.lk().server.findParticipant('sigre', a.identity)!;
    await a.room.simulateScenario(SimulateScenarioKind.SIMULATE_SIGNAL_RECONNECT);
    await rejoined('sigre', a, before);
    await stillTalking(a, b);
  });

  it('rejoins with a full reconnect, republishing its audio (SIMULATE_FULL_RECONNECT)', async () => {
    const [a, b] = await talkingPair('full');
    const before = suite.lk().server.findParticipant('full', a.identity)!;
    await a.room.simulateScenario(SimulateScenarioKind.SIMULATE_FULL_RECONNECT);
    await rejoined('full', a, before);
    await stillTalking(a, b);
    expect(
      suite
        .lk()
        .server.snapshot()
        .find((r) => r.room === 'full')
        ?.participants.sort(),
    ).toEqual([a.identity, b.identity].sort());
  });

  it('keeps an idle participant connected through keep-alive pings', async () => {
    const idle = await suite.join('idle', 'keepalive');
    const joinedAt = performance.now();
    const participant = suite.lk().server.findParticipant('keepalive', 'idle')!;
    // pingTimeout is 4 s in this suite: without working pings the server would drop it. Count the
    // pings the server answered on this one connection until they span more than the timeout (a lower
    // bound on time, so a slow machine only makes the wait longer).
    await waitFor(
      'six keep-alive pings over more than the ping timeout',
      () => participant.signalPingsAnswered >= 6 && performance.now() - joinedAt > 4_500,
      30_000,
    );
    expect(idle.events).not.toContain('reconnecting');
    expect(suite.lk().server.findParticipant('keepalive', 'idle')).toBe(participant);
    expect(participant.hasSignal).toBe(true);
  });
});
