// The compatibility proof for agents: a LiveKit agent written with the unchanged @livekit/agents
// package (pinned, in its own folder: see stock-agent/package.json) registers with Hearth's
// embedded room server on /agent, is dispatched when a participant joins, joins the room and is
// heard by a @livekit/rtc-node 1.1.0 participant.
import { JobType } from '@livekit/protocol';
import { ParticipantKind } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeRtcNode, RtcNodeParticipant, waitFor } from '../livekit/helpers/rtc-node-participant.ts';
import {
  API_KEY,
  API_SECRET,
  nextDispatchEvent,
  startDispatchServer,
  type DispatchTestServer,
} from './helpers/dispatch-server.ts';
import { ensureStockAgentInstalled, startStockAgent, type StockAgentWorker } from './helpers/stock-agent-process.ts';

describe('stock @livekit/agents worker on the embedded room server', () => {
  let lk: DispatchTestServer;
  const workers: StockAgentWorker[] = [];
  const people: RtcNodeParticipant[] = [];

  beforeAll(async () => {
    ensureStockAgentInstalled();
    lk = await startDispatchServer();
  }, 600_000);

  afterAll(async () => {
    for (const p of people) await p.disconnect();
    for (const w of workers) await w.stop();
    await lk?.stop();
    await disposeRtcNode();
  }, 60_000);

  async function startWorker(agentName?: string, jobType?: JobType): Promise<StockAgentWorker> {
    const registered = nextDispatchEvent(lk.dispatch, 'workerRegistered');
    const worker = await startStockAgent({ url: lk.url, apiKey: API_KEY, apiSecret: API_SECRET, agentName, jobType });
    workers.push(worker);
    const exited = new Promise<never>((_, reject) =>
      worker.process.once('exit', (code) =>
        reject(new Error(`stock worker exited (${code}):\n${worker.output().slice(-4000)}`)),
      ),
    );
    await Promise.race([registered, exited]);
    return worker;
  }

  /** Waits for `promise`; if the worker dies or it takes past `limitMs` (a hang), fails with the worker's log. */
  async function expectSoon<T>(
    worker: StockAgentWorker,
    what: string,
    promise: Promise<T>,
    limitMs = 150_000,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no ${what} within ${limitMs} ms`)), limitMs);
      worker.process.once('exit', (code) => reject(new Error(`stock worker exited (${code}) before ${what}`)));
    });
    try {
      return await Promise.race([promise, hang]);
    } catch (err) {
      throw new Error(`${(err as Error).message}\nworker output:\n${worker.output().slice(-4000)}`, { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }

  async function join(identity: string, room: string, agents?: string[]): Promise<RtcNodeParticipant> {
    const p = new RtcNodeParticipant(identity);
    people.push(p);
    await p.connect(lk.url, await lk.joinToken(identity, room, agents));
    return p;
  }

  it('an unnamed stock agent is dispatched when a participant joins, joins the room, and its tone is heard', async () => {
    const worker = await startWorker();
    const joined = nextDispatchEvent(lk.dispatch, 'agentJoined', (job) => job.room === 'stock-auto');
    const child = await join('child', 'stock-auto');
    const [job] = await expectSoon(worker, 'agent joining stock-auto', joined);
    expect(job.status).toBe('running');
    const agentIdentity = job.participantIdentity;
    // agents-js names its participant after the job it was given.
    expect(agentIdentity).toBe(`agent-${job.id}`);
    await expectSoon(
      worker,
      'tone heard from the agent',
      waitFor(`child hears the stock agent (${agentIdentity})`, () => child.loudFrames(agentIdentity) > 50, 150_000),
    );
    // A 0.3-amplitude sine decodes to RMS ~0.21: real audio, not silence or noise.
    expect(Math.max(...(child.levels.get(agentIdentity) ?? []))).toBeGreaterThan(0.15);
    // The room tells the others it is an agent (ParticipantInfo.kind AGENT).
    expect(child.room.remoteParticipants.get(agentIdentity)?.kind).toBe(ParticipantKind.AGENT);

    // The child leaves: the job ends and the agent leaves the room with it.
    const ended = nextDispatchEvent(lk.dispatch, 'jobEnded', (j) => j.id === job.id);
    await child.disconnect();
    await expectSoon(worker, 'job end', ended);
    await waitFor('the room closes', () => !lk.rooms.snapshot().some((r) => r.room === 'stock-auto'), 60_000);
    await worker.stop();
  }, 400_000);

  it('a named stock agent is dispatched only to rooms whose token asks for it', async () => {
    const worker = await startWorker('tone-teacher');
    await join('plain', 'stock-plain');
    const joined = nextDispatchEvent(lk.dispatch, 'agentJoined', (job) => job.room === 'stock-named');
    const child = await join('child2', 'stock-named', ['tone-teacher']);
    const [job] = await expectSoon(worker, 'named agent joining', joined);
    expect(job.agentName).toBe('tone-teacher');
    await expectSoon(
      worker,
      'tone heard from the named agent',
      waitFor('child2 hears the named agent', () => child.loudFrames(job.participantIdentity) > 30, 150_000),
    );
    // The room without a request got no job (it was created first, so its dispatch was decided first).
    expect(lk.dispatch.jobSnapshot().filter((j) => j.room === 'stock-plain')).toEqual([]);
    expect(lk.rooms.snapshot().find((r) => r.room === 'stock-plain')?.participants).toEqual(['plain']);
    await worker.stop();
  }, 400_000);

  it('a stock publisher agent (JT_PUBLISHER) gets a job for the person who publishes, carrying that person, ended when they leave', async () => {
    const worker = await startWorker(undefined, JobType.JT_PUBLISHER);
    const listener = await join('listener', 'stock-publisher');
    // Joining without publishing starts no publisher job (the dispatch is decided as the join is processed).
    expect(lk.dispatch.jobSnapshot().filter((j) => j.room === 'stock-publisher')).toEqual([]);
    const joined = nextDispatchEvent(lk.dispatch, 'agentJoined', (job) => job.room === 'stock-publisher');
    const singer = await join('singer', 'stock-publisher');
    await singer.publishTone(300);
    const [job] = await expectSoon(worker, 'publisher agent joining', joined);
    expect(job).toMatchObject({ type: 'publisher', target: 'singer' });
    const agentIdentity = job.participantIdentity;
    await expectSoon(
      worker,
      'tone heard from the publisher agent',
      waitFor('the listener hears the publisher agent', () => listener.loudFrames(agentIdentity) > 30, 150_000),
    );
    // The agent's job carried the participant it is for: it named its track after them.
    const names = [...(listener.room.remoteParticipants.get(agentIdentity)?.trackPublications.values() ?? [])].map(
      (t) => t.name,
    );
    expect(names).toEqual(['tone-for-singer']);
    // Only the one who published has a publisher job.
    expect(
      lk.dispatch
        .jobSnapshot()
        .filter((j) => j.room === 'stock-publisher')
        .map((j) => j.target),
    ).toEqual(['singer']);

    const ended = nextDispatchEvent(lk.dispatch, 'jobEnded', (j) => j.id === job.id);
    await singer.disconnect();
    await expectSoon(worker, 'publisher job end', ended);
    await worker.stop();
  }, 400_000);
});
