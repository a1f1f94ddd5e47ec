import { describe, expect, it } from 'vitest';
import { rtcNodeSuite } from './helpers/rtc-node-suite.ts';
import { waitFor } from './helpers/rtc-node-participant.ts';

describe('embedded room server: data packets with @livekit/rtc-node', () => {
  const suite = rtcNodeSuite();

  it('reliable data goes both ways, stamped with the real sender', async () => {
    const a = await suite.join('a', 'data-both');
    const b = await suite.join('b', 'data-both');
    await waitFor('a sees b', () => a.room.remoteParticipants.has('b'));
    await a.sendText('ping from a', { topic: 'chat' });
    await b.sendText('pong from b');
    await waitFor('b got a', () => b.data.some((d) => d.text === 'ping from a'));
    await waitFor('a got b', () => a.data.some((d) => d.text === 'pong from b'));
    expect(b.data.find((d) => d.text === 'ping from a')).toMatchObject({ from: 'a', topic: 'chat' });
  });

  it('lossy data is forwarded too', async () => {
    const a = await suite.join('la', 'data-lossy');
    const b = await suite.join('lb', 'data-lossy');
    await waitFor('a sees b', () => a.room.remoteParticipants.has('lb'));
    // Lossy may drop a packet by design: send a few, expect most.
    for (let i = 0; i < 10; i++) await a.sendText(`lossy ${i}`, { reliable: false });
    await waitFor('b got lossy data', () => b.data.filter((d) => d.text.startsWith('lossy')).length >= 5);
  });

  it('destination identities limit who receives a packet', async () => {
    const a = await suite.join('da', 'data-dest');
    const b = await suite.join('db', 'data-dest');
    const c = await suite.join('dc', 'data-dest');
    await waitFor('a sees both', () => a.room.remoteParticipants.size === 2);
    await a.sendText('only for b', { to: ['db'] });
    await a.sendText('for everyone');
    await waitFor('c got the broadcast', () => c.data.some((d) => d.text === 'for everyone'));
    await waitFor(
      'b got both',
      () => b.data.some((d) => d.text === 'only for b') && b.data.some((d) => d.text === 'for everyone'),
    );
    // Reliable data is ordered: c received the broadcast, so the targeted packet (sent first) was withheld, not late.
    expect(c.data.map((d) => d.text)).not.toContain('only for b');
  });

  it('a participant without canPublishData cannot send data to the room', async () => {
    const lk = suite.lk();
    const muteData = suite.client('nodata');
    await muteData.connect(lk.url, await lk.token('nodata', 'data-grant', { canPublishData: false }));
    const listener = await suite.join('listener', 'data-grant');
    const other = await suite.join('other', 'data-grant');
    await waitFor('all joined', () => listener.room.remoteParticipants.size === 2);
    await muteData.sendText('should be dropped').catch(() => {});
    await other.sendText('allowed');
    await waitFor('allowed data arrives', () => listener.data.some((d) => d.text === 'allowed'));
    // The server has had the forbidden packet in hand (and dropped it) before we look at what arrived.
    await waitFor(
      'the server to refuse the packet',
      () => (lk.server.findParticipant('data-grant', 'nodata')?.refusedDataPackets ?? 0) >= 1,
    );
    expect(listener.data.map((d) => d.text)).not.toContain('should be dropped');
  });
});
