// Hearth's toy agent as LiveKit agent workers (#18): two worker PROCESSES (real AgentWorker and
// AgentSession, engine doubles) against the embedded room server's dispatch, with real rtc-node
// toys. Toys spread over the workers by load; a worker killed with SIGKILL mid-conversation has its
// toy's job given to the other, whose agent joins and hears the toy; a bad token is refused.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_IDENTITY } from '../../../server/agent/protocol.ts';
import { AgentWorker, WorkerRefusedError } from '../../../server/agent-worker/worker-client.ts';
import { disposeRtcNode, RtcNodeParticipant, waitFor } from '../livekit/helpers/rtc-node-participant.ts';
import {
  API_KEY,
  API_SECRET,
  nextDispatchEvent,
  startDispatchServer,
  type DispatchTestServer,
} from '../livekit-agents/helpers/dispatch-server.ts';
import { startWorkerProcess, type WorkerProcess } from './worker-process.ts';

const CLI = path.join(import.meta.dirname, '..', '..', '..', 'server', 'agent-worker', 'main.ts');

describe('Hearth agent worker processes with the embedded dispatch', () => {
  let lk: DispatchTestServer;
  const processes: WorkerProcess[] = [];
  const toys: RtcNodeParticipant[] = [];

  beforeAll(async () => {
    lk = await startDispatchServer({ availabilityTimeoutMs: 8000, joinTimeoutMs: 30_000 });
    if (process.env.DEBUG_WORKER)
      for (const e of [
        'workerRegistered',
        'workerClosed',
        'jobAssigned',
        'agentJoined',
        'jobRefused',
        'jobWaiting',
        'jobEnded',
      ] as const)
        lk.dispatch.on(e, (...a: unknown[]) => console.error('D', e, JSON.stringify(a)));
  });

  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGKILL');
    for (const t of toys) await t.disconnect();
    await lk?.stop();
    await disposeRtcNode();
  }, 60_000);

  it('refuses a worker whose token is not signed with the server key (HTTP 401)', async () => {
    const token = await lk.workerToken({ secret: 'not-the-secret-not-the-secret-0123456789' });
    const refused = await AgentWorker.connect({
      url: lk.url,
      token,
      agentName: '',
      capacity: 1,
      participant: { identity: AGENT_IDENTITY, name: 'Hearth' },
      runJob: () => Promise.reject(new Error('a refused worker gets no job')),
    }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(WorkerRefusedError);
    expect((refused as WorkerRefusedError).status).toBe(401);
    expect((refused as WorkerRefusedError).body).toMatch(/invalid token/);
    expect(lk.dispatch.workerSnapshot()).toEqual([]);
  });

  it('`npm run agent` (server/agent-worker/main.ts) signs its agent token from the key pair and registers; SIGTERM leaves', async () => {
    const registered = nextDispatchEvent(lk.dispatch, 'workerRegistered');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, '--url', lk.url, '--key', API_KEY, '--secret', API_SECRET, '--capacity', '1'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const [workerId] = await registered;
    expect(lk.dispatch.workerSnapshot().map((w) => w.id)).toEqual([workerId]);
    const closed = nextDispatchEvent(lk.dispatch, 'workerClosed', (id) => id === workerId);
    child.kill('SIGTERM');
    await closed;
    expect(await exited).toBe(0);
  });

  it('`npm run agent` with a wrong secret is refused and exits with the reason', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, '--url', lk.url, '--key', API_KEY, '--secret', 'wrong-secret-wrong-secret-0123456789'],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/HTTP 401/);
  });

  it('spreads toys over two worker processes by load, and a killed worker’s toy is taken over by the other', async () => {
    for (let i = 0; i < 2; i++) processes.push(await startWorkerProcess(lk.url, await lk.workerToken(), 2));
    await waitFor('both workers registered', () => lk.dispatch.workerSnapshot().length === 2);

    /** A toy joins its own room and speaks; resolves with the worker whose agent joined it. */
    async function toy(id: string): Promise<{ toy: RtcNodeParticipant; workerId: string }> {
      const room = `device-${id}`;
      const joined = nextDispatchEvent(lk.dispatch, 'agentJoined', (job) => job.room === room);
      const p = new RtcNodeParticipant(room);
      toys.push(p);
      await p.connect(lk.url, await lk.joinToken(room, room));
      await p.publishTone(440);
      const [job] = await joined;
      return { toy: p, workerId: job.workerId ?? '' };
    }

    const heard = (p: RtcNodeParticipant, since: number) =>
      p.data.slice(since).some((d) => d.from === AGENT_IDENTITY && d.text.includes('"hearing-toy"'));

    const first = await toy('worker-a');
    await waitFor('the first agent hears its toy', () => heard(first.toy, 0), 60_000);
    // The first worker now reports half its capacity in use: the second toy goes to the idle one.
    await waitFor('the first worker reported its load', () =>
      lk.dispatch.workerSnapshot().some((w) => w.id === first.workerId && w.load > 0),
    );
    const second = await toy('worker-b');
    expect(new Set([first.workerId, second.workerId]).size).toBe(2);
    expect(processes.map((p) => p.workerId).sort()).toEqual([first.workerId, second.workerId].sort());
    await waitFor('the second agent hears its toy', () => heard(second.toy, 0), 60_000);

    // Kill the first toy's worker process mid-conversation: its job goes to the other worker.
    const victim = processes.find((p) => p.workerId === first.workerId)!;
    const survivor = processes.find((p) => p !== victim)!;
    const resumed = nextDispatchEvent(
      lk.dispatch,
      'jobAssigned',
      (job, resuming) => job.room === 'device-worker-a' && resuming,
    );
    const rejoined = nextDispatchEvent(
      lk.dispatch,
      'agentJoined',
      (job) => job.room === 'device-worker-a' && job.workerId === survivor.workerId,
    );
    const messagesBefore = first.toy.data.length;
    victim.child.kill('SIGKILL');
    const [closedId] = await nextDispatchEvent(lk.dispatch, 'workerClosed');
    expect(closedId).toBe(victim.workerId);
    const [job] = await resumed;
    expect(job.workerId).toBe(survivor.workerId);
    await rejoined;
    // The survivor's conversation hears the toy again (its 'hearing-toy' arrives after the kill).
    await waitFor('the other worker’s agent hears the toy', () => heard(first.toy, messagesBefore), 60_000);
    expect(survivor.events.filter((e) => e.event === 'jobStarted').map((e) => e.room)).toEqual(
      expect.arrayContaining(['device-worker-a', 'device-worker-b']),
    );
  }, 180_000);
});
