import {
  AddTrackRequest,
  LeaveRequest,
  Ping,
  RequestResponse_Reason,
  SignalRequest,
  SignalResponse,
  TrackType,
} from '@livekit/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawData, WebSocket } from 'ws';
import { startTestRoomServer, type TestRoomServer } from './helpers/embedded-room-server.ts';
import { waitFor } from './helpers/rtc-node-participant.ts';

/** The ws client socket fastify's injectWS hands back. */
type WsClient = WebSocket;

/** The raw protocol, over Fastify's in-memory WebSocket: what every client relies on. */
describe('embedded room server: signalling protocol', () => {
  let lk: TestRoomServer;
  beforeAll(async () => {
    lk = await startTestRoomServer();
  });
  afterAll(async () => {
    await lk?.stop();
  });

  async function connect(
    identity: string,
    room: string,
  ): Promise<{ ws: WsClient; next: (c: string) => Promise<SignalResponse> }> {
    const token = await lk.token(identity, room);
    const inbox: SignalResponse[] = [];
    const waiters: (() => void)[] = [];
    // Listen from the first frame: the join response is sent during the upgrade.
    const onInit = (socket: WsClient) =>
      socket.on('message', (data: RawData) => {
        inbox.push(SignalResponse.fromBinary(new Uint8Array(Array.isArray(data) ? Buffer.concat(data) : data)));
        for (const w of waiters.splice(0)) w();
      });
    const ws = await lk.app.injectWS(`/rtc?access_token=${token}&protocol=16&auto_subscribe=1`, {}, { onInit });
    const next = async (kind: string): Promise<SignalResponse> => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const i = inbox.findIndex((m) => m.message.case === kind);
        if (i >= 0) return inbox.splice(i, 1)[0]!;
        if (Date.now() > deadline) throw new Error(`no ${kind} (got ${inbox.map((m) => m.message.case).join(',')})`);
        // Woken by the next message; the timer only bounds the wait so the deadline is checked.
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 100);
        });
      }
    };
    return { ws, next };
  }

  const send = (ws: WsClient, message: SignalRequest['message']) => ws.send(new SignalRequest({ message }).toBinary());

  it('answers with join first: LiveKit sid prefixes, subscriber primary, no ICE servers, then a subscriber offer', async () => {
    const { ws, next } = await connect('raw-1', 'sig');
    const join = await next('join');
    const value = join.message.case === 'join' ? join.message.value : undefined;
    expect(value?.participant?.sid).toMatch(/^PA_/);
    expect(value?.room?.sid).toMatch(/^RM_/);
    expect(value?.room?.name).toBe('sig');
    expect(value?.subscriberPrimary).toBe(true);
    expect(value?.iceServers).toEqual([]);
    expect(value?.pingInterval).toBeGreaterThan(0);
    const offer = await next('offer');
    expect(offer.message.case === 'offer' && offer.message.value.sdp).toContain('webrtc-datachannel');
    ws.close();
  });

  it('answers keep-alive pings (ping -> pong, pingReq -> pongResp)', async () => {
    const { ws, next } = await connect('raw-2', 'sig');
    await next('join');
    send(ws, { case: 'ping', value: 123n });
    expect((await next('pong')).message.case).toBe('pong');
    send(ws, { case: 'pingReq', value: new Ping({ timestamp: 456n, rtt: 0n }) });
    const pong = await next('pongResp');
    expect(pong.message.case === 'pongResp' && pong.message.value.lastPingTimestamp).toBe(456n);
    ws.close();
  });

  it('refuses a video track cleanly (audio-only server)', async () => {
    const { ws, next } = await connect('raw-3', 'sig');
    await next('join');
    send(ws, { case: 'addTrack', value: new AddTrackRequest({ cid: 'cam-1', name: 'camera', type: TrackType.VIDEO }) });
    const res = await next('requestResponse');
    expect(res.message.case === 'requestResponse' && res.message.value.reason).toBe(RequestResponse_Reason.NOT_ALLOWED);
    send(ws, { case: 'addTrack', value: new AddTrackRequest({ cid: 'mic-1', name: 'mic', type: TrackType.AUDIO }) });
    const published = await next('trackPublished');
    expect(published.message.case === 'trackPublished' && published.message.value.track?.sid).toMatch(/^TR_/);
    ws.close();
  });

  it('tells the others when a participant leaves', async () => {
    const first = await connect('raw-4', 'sig-leave');
    await first.next('join');
    const second = await connect('raw-5', 'sig-leave');
    await second.next('join');
    await first.next('update');
    send(second.ws, { case: 'leave', value: new LeaveRequest({}) });
    const update = await first.next('update');
    expect(update.message.case === 'update' && update.message.value.participants[0]).toMatchObject({
      identity: 'raw-5',
      state: 3,
    });
    first.ws.close();
  });

  it('keeps a participant whose signalling vanished for a while, then removes it', async () => {
    const departureTimeoutMs = 400;
    const quick = await startTestRoomServer({ departureTimeoutMs });
    try {
      const left: string[] = [];
      quick.server.onParticipantLeft(({ identity }) => left.push(identity));
      const token = await quick.token('ghost', 'dep');
      const ws = await quick.app.injectWS(`/rtc?access_token=${token}`);
      await waitFor(
        'the participant to be in the room',
        () => quick.server.findParticipant('dep', 'ghost') !== undefined,
      );
      const lostAt = performance.now();
      ws.terminate();
      await waitFor('the participant to be removed', () => left.includes('ghost'));
      // A lower bound only: the server's timer starts after the socket closed, so it can be late under
      // load but never early. Removed at once would be well under it.
      expect(performance.now() - lostAt).toBeGreaterThanOrEqual(departureTimeoutMs);
      expect(quick.server.snapshot()).toEqual([]);
    } finally {
      await quick.stop();
    }
  });
});
