import { afterAll, beforeAll } from 'vitest';
import type { RoomTiming } from '../../../../server/livekit/room.ts';
import { startTestRoomServer, type TestRoomServer } from './embedded-room-server.ts';
import { disposeRtcNode, RtcNodeParticipant } from './rtc-node-participant.ts';

export interface RtcNodeSuite {
  lk: () => TestRoomServer;
  /** A participant joined to `room` (token with all grants unless overridden). */
  join(identity: string, room: string): Promise<RtcNodeParticipant>;
  client(identity: string): RtcNodeParticipant;
}

/** One in-process room server per test file; every participant is disconnected and rtc-node disposed at the end. */
export function rtcNodeSuite(timing?: Partial<RoomTiming>): RtcNodeSuite {
  let lk: TestRoomServer | undefined;
  const clients: RtcNodeParticipant[] = [];
  beforeAll(async () => {
    lk = await startTestRoomServer(timing);
  });
  afterAll(async () => {
    for (const c of clients) await c.disconnect();
    await lk?.stop();
    await disposeRtcNode();
  });
  const client = (identity: string) => {
    const c = new RtcNodeParticipant(identity);
    clients.push(c);
    return c;
  };
  return {
    lk: () => lk!,
    client,
    join: async (identity, room) => {
      const c = client(identity);
      await c.connect(lk!.url, await lk!.token(identity, room));
      return c;
    },
  };
}
