import { describe, expect, it } from 'vitest';
import { rtcNodeSuite } from './helpers/rtc-node-suite.ts';
import { waitFor } from './helpers/rtc-node-participant.ts';

describe('embedded room server: audio with @livekit/rtc-node', () => {
  const suite = rtcNodeSuite();

  it('two participants join and hear each other (decoded audio level)', async () => {
    const alice = await suite.join('alice', 'media-two');
    const bob = await suite.join('bob', 'media-two');
    await waitFor('alice sees bob', () => alice.room.remoteParticipants.has('bob'));
    await alice.publishTone(440);
    await bob.publishTone(660);
    await waitFor('bob hears alice', () => bob.loudFrames('alice') > 50, 20_000);
    await waitFor('alice hears bob', () => alice.loudFrames('bob') > 50, 20_000);
    // A 0.3-amplitude sine decodes to RMS ~0.21: the level proves real audio, not just packets.
    expect(Math.max(...(bob.levels.get('alice') ?? []))).toBeGreaterThan(0.15);
  });

  it('three participants in one room each hear the other two', async () => {
    const names = ['p1', 'p2', 'p3'];
    const ps = [];
    for (const n of names) ps.push(await suite.join(n, 'media-three'));
    for (const [i, p] of ps.entries()) await p.publishTone(400 + i * 150);
    for (const p of ps) {
      for (const other of names.filter((n) => n !== p.identity)) {
        await waitFor(`${p.identity} hears ${other}`, () => p.loudFrames(other) > 30, 20_000);
      }
    }
    expect(
      suite
        .lk()
        .server.snapshot()
        .find((r) => r.room === 'media-three')
        ?.participants.sort(),
    ).toEqual(names);
  });

  it('a late joiner is subscribed to tracks published before it came', async () => {
    const early = await suite.join('early', 'media-late');
    await early.publishTone(500);
    const late = await suite.join('late', 'media-late');
    await waitFor('late hears early', () => late.loudFrames('early') > 30, 20_000);
  });

  it('unpublishing a track tells the others and removes it from the room', async () => {
    const speaker = await suite.join('speaker', 'media-unpub');
    const listener = await suite.join('listener', 'media-unpub');
    await speaker.publishTone(440);
    await waitFor('listener hears speaker', () => listener.loudFrames('speaker') > 30, 20_000);
    await speaker.unpublishTone();
    await waitFor('listener told of the unpublish', () => listener.events.includes('trackUnpublished:speaker'));
    const participant = suite.lk().server.findParticipant('media-unpub', 'speaker');
    expect(participant?.tracks.size).toBe(0);
  });

  it('a participant that leaves is reported disconnected and removed from the room', async () => {
    const stays = await suite.join('stays', 'media-leave');
    const goes = await suite.join('goes', 'media-leave');
    await waitFor('stays sees goes', () => stays.room.remoteParticipants.has('goes'));
    await goes.disconnect();
    await waitFor('stays sees goes leave', () => stays.events.includes('participantDisconnected:goes'));
    expect(
      suite
        .lk()
        .server.snapshot()
        .find((r) => r.room === 'media-leave')?.participants,
    ).toEqual(['stays']);
    await stays.disconnect();
    await waitFor(
      'empty room closed',
      () =>
        !suite
          .lk()
          .server.snapshot()
          .some((r) => r.room === 'media-leave'),
    );
  });
});
