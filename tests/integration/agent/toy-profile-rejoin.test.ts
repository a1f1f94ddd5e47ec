// The agent follows registered toys into their rooms (embedded room server join hook): a toy that
// comes back with its still-valid token after the agent left gets an agent again; an unregistered
// identity or a device outside its own room does not start one; a deleted device's agent leaves; a
// hidden parent observer sees the agent but the toy never sees it. Stub engines: this is about rooms.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgentSupervisor,
  followDeviceJoins,
  toyContextsFrom,
  type AgentLog,
} from '../../../server/agent/supervisor.ts';
import { AGENT_IDENTITY } from '../../../server/agent/protocol.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { deviceRef } from '../../../server/devices/device-room.ts';
import { TokenMinter } from '../../../server/livekit/token-minter.ts';
import { startTestRoomServer, TEST_API_KEY, type TestRoomServer } from '../livekit/helpers/embedded-room-server.ts';
import { Room } from '@livekit/rtc-node';
import { disposeRtcNode, waitFor } from '../livekit/helpers/rtc-node-participant.ts';
import { stubEngines } from './stub-engines.ts';

const TEST_API_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

describe('agent follows registered toys into their rooms', () => {
  let lk: TestRoomServer;
  let db: HearthDatabase;
  let devices: DeviceRepository;
  let supervisor: AgentSupervisor;
  const clients: Room[] = [];
  const log: AgentLog = () => {};

  beforeAll(async () => {
    lk = await startTestRoomServer();
    db = openDatabase(':memory:');
    devices = new DeviceRepository(db);
    supervisor = new AgentSupervisor({
      minter: new TokenMinter(TEST_API_KEY, TEST_API_SECRET),
      livekitUrl: () => lk.url,
      loadEngines: () => Promise.resolve(stubEngines()),
      log,
      toyContext: toyContextsFrom(db, log),
      isDevicePresent: (ref) => lk.server.findParticipant(ref.room, ref.deviceIdentity) !== undefined,
    });
    followDeviceJoins(lk.server, supervisor, (id) => devices.get(id) !== undefined);
  });
  afterAll(async () => {
    for (const c of clients) await c.disconnect();
    await supervisor?.dispose();
    await lk?.stop();
    db?.close();
    await disposeRtcNode();
  });

  // No audio subscriptions: this test is about who is in which room, not about media.
  const join = async (identity: string, room: string, overrides = {}) => {
    const c = new Room();
    clients.push(c);
    await c.connect(lk.url, await lk.token(identity, room, overrides), { autoSubscribe: false, dynacast: false });
    return { room: c, disconnect: () => c.disconnect() };
  };
  const agentIn = (room: string) => lk.server.findParticipant(room, AGENT_IDENTITY) !== undefined;

  it('an agent joins when a registered toy enters its room, and again when it comes back', async () => {
    devices.create({ name: 'Bear', id: 'bear' });
    const ref = deviceRef('bear');
    // The toy joins with a token it already had: no token request, the join itself brings the agent.
    const first = await join(ref.deviceIdentity, ref.room);
    await waitFor('the agent to join the toy', () => first.room.remoteParticipants.has(AGENT_IDENTITY));
    await first.disconnect();
    await waitFor('the agent to leave with the toy', () => !agentIn(ref.room) && supervisor.activeRooms().length === 0);

    const again = await join(ref.deviceIdentity, ref.room);
    await waitFor('the agent to come back', () => again.room.remoteParticipants.has(AGENT_IDENTITY));
    expect(
      lk.server
        .snapshot()
        .find((r) => r.room === ref.room)
        ?.participants.filter((p) => p === AGENT_IDENTITY),
    ).toHaveLength(1);

    // A parent's hidden observer hears the agent's data but the toy never sees the observer.
    const observer = await join('observer-test', ref.room, { canPublish: false, canPublishData: false, hidden: true });
    await waitFor('the observer to see the agent', () => observer.room.remoteParticipants.has(AGENT_IDENTITY));
    expect(again.room.remoteParticipants.has('observer-test')).toBe(false);
    await observer.disconnect();

    // Deleting the device sends its agent away.
    devices.delete('bear');
    await supervisor.deviceRemoved('bear');
    await waitFor('the agent to leave the deleted toy', () => !agentIn(ref.room));
    await again.disconnect();
  });

  it('no agent for unregistered devices or identities that are not the room’s device', async () => {
    // Join listeners run in the order they were added, so once this one has seen all three joins the
    // supervisor's hook has already decided on each; settled() then waits for any agent it started.
    const seen: string[] = [];
    const stopWatching = lk.server.onParticipantJoined(({ room, identity }) => seen.push(`${identity}@${room}`));
    const stranger = await join('device-ghost', 'device-ghost');
    const wrongRoom = await join('device-owl', 'device-bear');
    devices.create({ name: 'Owl', id: 'owl' });
    const elsewhere = await join('device-owl', 'hearth');
    await waitFor('the room server to report all three joins', () =>
      ['device-ghost@device-ghost', 'device-owl@device-bear', 'device-owl@hearth'].every((j) => seen.includes(j)),
    );
    stopWatching();
    await supervisor.settled();
    expect(agentIn('device-ghost')).toBe(false);
    expect(agentIn('device-bear')).toBe(false);
    expect(agentIn('hearth')).toBe(false);
    expect(supervisor.activeRooms()).toEqual([]);
    for (const c of [stranger, wrongRoom, elsewhere]) await c.disconnect();
  });
});
