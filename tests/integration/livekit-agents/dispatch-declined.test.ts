// A room that no worker wants is not a fault: the browser's own room is dispatched to every worker
// with the default agent name, and Hearth's toy workers decline it. The dispatcher then logs one
// info line, not the warning it gives when no worker can be asked at all (or none answered).
import { WorkerStatus } from '@livekit/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeRtcNode, RtcNodeParticipant, waitFor } from '../livekit/helpers/rtc-node-participant.ts';
import { nextDispatchEvent, startDispatchServer, type DispatchTestServer } from './helpers/dispatch-server.ts';
import { ScriptedWorker } from './helpers/scripted-worker.ts';

interface LogLine {
  level: number;
  msg: string;
  room?: string;
}

describe('agent dispatch: a job every worker declines', () => {
  const lines: string[] = [];
  let lk: DispatchTestServer;
  const participants: RtcNodeParticipant[] = [];
  let toyWorker: ScriptedWorker | null = null;

  beforeAll(async () => {
    lk = await startDispatchServer({ availabilityTimeoutMs: 8000, registerTimeoutMs: 3000 }, lines);
  });
  afterAll(async () => {
    toyWorker?.close();
    for (const p of participants) await p.disconnect();
    await lk?.stop();
    await disposeRtcNode();
  }, 60_000);

  const logged = (room: string): LogLine[] =>
    lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.room === room && l.msg.startsWith('agent dispatch:'));

  async function person(identity: string, room: string): Promise<void> {
    const p = new RtcNodeParticipant(identity);
    participants.push(p);
    await p.connect(lk.url, await lk.joinToken(identity, room));
  }

  it('every worker declined: one info line; the only worker full: a warning', async () => {
    toyWorker = await ScriptedWorker.connect(lk.url, await lk.workerToken());
    const registered = nextDispatchEvent(lk.dispatch, 'workerRegistered');
    await toyWorker.register('');
    await registered;

    const declinedWaiting = nextDispatchEvent(lk.dispatch, 'jobWaiting');
    await person('browser-tab', 'hearth');
    const offer = await toyWorker.next('availability');
    expect(offer.job?.room?.name).toBe('hearth');
    toyWorker.decline(offer.job!);
    await declinedWaiting;
    expect(logged('hearth').map((l) => [l.level, l.msg])).toEqual([
      [30, 'agent dispatch: every worker declined the job'],
    ]);

    // The only worker is full: nobody could be asked, which a parent may need to know.
    toyWorker.report(0, WorkerStatus.WS_FULL);
    await waitFor('the worker marked full', () => lk.dispatch.workerSnapshot().some((w) => w.status === 'full'));
    const fullWaiting = nextDispatchEvent(lk.dispatch, 'jobWaiting');
    await person('toy-tab', 'busy-room');
    await fullWaiting;
    expect(logged('busy-room').map((l) => [l.level, l.msg])).toEqual([
      [40, 'agent dispatch: no worker can take the job now'],
    ]);
    expect(toyWorker.count('availability')).toBe(1);
  }, 60_000);
});
