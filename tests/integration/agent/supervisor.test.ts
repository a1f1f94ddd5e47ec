// AgentSupervisor against the in-process embedded room server with stub engines: one room whose
// session fails to start does not stop another room's agent; the agent leaves when the toy leaves,
// and gives up on a toy that never comes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AgentSupervisor, type AgentLog } from '../../../server/agent/supervisor.ts';
import { AGENT_IDENTITY } from '../../../server/agent/protocol.ts';
import { TokenMinter } from '../../../server/livekit/token-minter.ts';
import { startTestRoomServer, TEST_API_KEY, type TestRoomServer } from '../livekit/helpers/embedded-room-server.ts';
import { disposeRtcNode, RtcNodeParticipant, waitFor } from '../livekit/helpers/rtc-node-participant.ts';
import { silentSpeechToTextDouble, stubEngines } from './stub-engines.ts';

const TEST_API_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

describe('AgentSupervisor', () => {
  let lk: TestRoomServer;
  const clients: RtcNodeParticipant[] = [];
  const logs: { level: string; msg: string; extra?: Record<string, unknown> }[] = [];
  const log: AgentLog = (level, msg, extra) => logs.push({ level, msg, ...(extra ? { extra } : {}) });

  beforeAll(async () => {
    lk = await startTestRoomServer();
  });
  afterAll(async () => {
    for (const c of clients) await c.disconnect();
    await lk?.stop();
    await disposeRtcNode();
  });

  const toy = async (id: string) => {
    const c = new RtcNodeParticipant(`device-${id}`);
    clients.push(c);
    await c.connect(lk.url, await lk.token(`device-${id}`, `device-${id}`));
    return c;
  };

  it('a session that fails does not take down the others; the agent leaves with the toy', async () => {
    let calls = 0;
    const supervisor = new AgentSupervisor({
      minter: new TokenMinter(TEST_API_KEY, TEST_API_SECRET),
      livekitUrl: () => lk.url,
      loadEngines: () => Promise.resolve(stubEngines(() => ++calls === 1)),
      log,
    });
    try {
      const bad = await toy('bad');
      const good = await toy('good');
      supervisor.deviceTokenIssued({ deviceId: 'bad', room: 'device-bad', deviceIdentity: 'device-bad' });
      await supervisor.settled();
      supervisor.deviceTokenIssued({ deviceId: 'good', room: 'device-good', deviceIdentity: 'device-good' });
      await supervisor.settled();
      expect(
        logs.some(
          (l) =>
            l.level === 'error' &&
            l.extra?.room === 'device-bad' &&
            String(l.extra.error).includes('stub VAD exploded'),
        ),
      ).toBe(true);
      expect(supervisor.activeRooms()).toEqual(['device-good']);
      await waitFor('the agent in the good room', () => good.room.remoteParticipants.has(AGENT_IDENTITY));
      expect(bad.room.remoteParticipants.has(AGENT_IDENTITY)).toBe(false);
      // A second token for the same room does not start a second agent.
      supervisor.deviceTokenIssued({ deviceId: 'good', room: 'device-good', deviceIdentity: 'device-good' });
      await supervisor.settled();
      expect(
        lk.server
          .snapshot()
          .find((r) => r.room === 'device-good')
          ?.participants.filter((p) => p === AGENT_IDENTITY),
      ).toHaveLength(1);
      await good.disconnect();
      await waitFor('the agent to leave with the toy', () => supervisor.activeRooms().length === 0);
      await waitFor('the room to close', () => !lk.server.snapshot().some((r) => r.room === 'device-good'));
    } finally {
      await supervisor.dispose();
    }
  });

  it('gives up on a toy that never joins', async () => {
    const supervisor = new AgentSupervisor({
      minter: new TokenMinter(TEST_API_KEY, TEST_API_SECRET),
      livekitUrl: () => lk.url,
      loadEngines: () => Promise.resolve(stubEngines(() => false)),
      log,
      absentTimeoutMs: 500,
    });
    try {
      supervisor.deviceTokenIssued({ deviceId: 'ghost', room: 'device-ghost', deviceIdentity: 'device-ghost' });
      await supervisor.settled();
      expect(supervisor.activeRooms()).toEqual(['device-ghost']);
      await waitFor('the agent to give up', () => supervisor.activeRooms().length === 0, 5000);
      expect(logs.some((l) => l.msg === 'agent leaving room' && l.extra?.reason === 'device did not join')).toBe(true);
    } finally {
      await supervisor.dispose();
    }
  });

  it('does not keep engines without speech recognition: a model installed later is found without a restart', async () => {
    let loads = 0;
    let disposed = 0;
    const supervisor = new AgentSupervisor({
      minter: new TokenMinter(TEST_API_KEY, TEST_API_SECRET),
      livekitUrl: () => lk.url,
      loadEngines: () => {
        loads++;
        const engines = stubEngines();
        // The first load finds no speech recognition model (a fresh install); a parent then installs one.
        return Promise.resolve(
          loads === 1
            ? { ...engines, stt: null, report: ['stt: missing'], dispose: () => Promise.resolve(void disposed++) }
            : engines,
        );
      },
      log,
    });
    try {
      await Promise.all([
        expect(supervisor.agentEngines()).rejects.toThrow(/needs VAD, STT and an LLM: stt: missing/),
        expect(supervisor.agentEngines()).rejects.toThrow(/needs VAD, STT and an LLM/),
      ]);
      expect(disposed).toBe(1);
      const engines = await supervisor.agentEngines();
      expect(engines.stt).toBe(silentSpeechToTextDouble);
      expect(loads).toBe(2);
      await supervisor.agentEngines();
      expect(loads).toBe(2); // complete engines are kept and shared
    } finally {
      await supervisor.dispose();
    }
  });
});
