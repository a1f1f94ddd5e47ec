// Agent dispatch in the embedded room server, driven by scripted worker doubles (they speak the
// worker protocol directly so each fault can be staged) and real @livekit/rtc-node participants:
// the people in the rooms, and the agents joining with the tokens the server assigned.
import { JobType, WorkerStatus } from '@livekit/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disposeRtcNode, RtcNodeParticipant, waitFor } from '../livekit/helpers/rtc-node-participant.ts';
import { AgentDispatchClient } from 'livekit-server-sdk';
import {
  API_KEY,
  API_SECRET,
  nextDispatchEvent,
  startDispatchServer,
  type DispatchTestServer,
} from './helpers/dispatch-server.ts';
import { ScriptedWorker, WorkerRefused } from './helpers/scripted-worker.ts';

describe('agent dispatch with scripted workers', () => {
  let lk: DispatchTestServer;
  const workers: ScriptedWorker[] = [];
  const participants: RtcNodeParticipant[] = [];

  beforeAll(async () => {
    // Short limits so the faults play out quickly; generous enough for a loaded 2-core machine.
    lk = await startDispatchServer({ availabilityTimeoutMs: 8000, joinTimeoutMs: 30_000, registerTimeoutMs: 3000 });
  });

  afterAll(async () => {
    for (const w of workers) w.close();
    for (const p of participants) await p.disconnect();
    await lk?.stop();
    await disposeRtcNode();
  }, 60_000);

  async function worker(agentName = '', load = 0): Promise<ScriptedWorker> {
    const w = await ScriptedWorker.connect(lk.url, await lk.workerToken());
    workers.push(w);
    const registered = nextDispatchEvent(lk.dispatch, 'workerRegistered');
    await w.register(agentName);
    await registered;
    if (load > 0) {
      w.report(load);
      // Load travels as a protobuf float.
      await waitFor('load reported', () => lk.dispatch.workerSnapshot().some((s) => s.load === Math.fround(load)));
    }
    return w;
  }

  /** A person joins `room`; `agents` is what their token's room configuration asks for. */
  async function person(identity: string, room: string, agents?: string[]): Promise<RtcNodeParticipant> {
    const p = new RtcNodeParticipant(identity);
    participants.push(p);
    await p.connect(lk.url, await lk.joinToken(identity, room, agents));
    return p;
  }

  /** Joins the room as the agent with the token from the worker's JobAssignment, and speaks a tone. */
  async function joinAsAgent(token: string, identity: string, hz: number): Promise<RtcNodeParticipant> {
    const p = new RtcNodeParticipant(identity);
    participants.push(p);
    await p.connect(lk.url, token);
    await p.publishTone(hz);
    return p;
  }

  function closeAll(ws: ScriptedWorker[]): void {
    for (const w of ws) w.close();
  }

  it('refuses a worker without a valid agent token (HTTP 401 with the reason)', async () => {
    const refusal = async (token: string) =>
      ScriptedWorker.connect(lk.url, token).then(
        () => null,
        (err: unknown) => err,
      );
    const none = (await refusal('')) as WorkerRefused;
    expect(none).toBeInstanceOf(WorkerRefused);
    expect(none.status).toBe(401);
    const forged = (await refusal(
      await lk.workerToken({ secret: 'not-the-secret-not-the-secret-0123456789' }),
    )) as WorkerRefused;
    expect(forged.status).toBe(401);
    expect(forged.body).toMatch(/invalid token/);
    const roomToken = (await refusal(await lk.workerToken({ agentGrant: false }))) as WorkerRefused;
    expect(roomToken.status).toBe(401);
    expect(roomToken.body).toMatch(/no agent grant/);
    expect(lk.dispatch.workerSnapshot()).toEqual([]);
  });

  it('registers a worker, answers pings, and cuts off one that skips register or floods', async () => {
    const w = await ScriptedWorker.connect(lk.url, await lk.workerToken());
    workers.push(w);
    const reg = await w.register('handshake');
    expect(reg.workerId).toMatch(/^AW_/);
    expect(reg.serverInfo?.agentProtocol).toBe(1);
    w.ping(1234n);
    expect((await w.next('pong')).lastTimestamp).toBe(1234n);

    const rude = await ScriptedWorker.connect(lk.url, await lk.workerToken());
    workers.push(rude);
    rude.report(0.1);
    expect(await rude.closed).toEqual({ code: 1008, reason: 'expected register, got updateWorker' });

    const flooder = await ScriptedWorker.connect(lk.url, await lk.workerToken());
    workers.push(flooder);
    const gone = nextDispatchEvent(
      lk.dispatch,
      'workerClosed',
      (_id, reason) => reason === 'message rate limit exceeded',
    );
    await flooder.register('flood');
    for (let i = 0; i < 500; i++) flooder.report((i % 10) / 10);
    expect(await flooder.closed).toEqual({ code: 1008, reason: 'message rate limit exceeded' });
    await gone;
    // The well-behaved worker is still registered and served.
    w.ping(99n);
    expect((await w.next('pong')).lastTimestamp).toBe(99n);
    closeAll([w]);
  });

  it('offers a job to the least-loaded available worker, skips declines and silence, ignores a late answer, and the assigned token joins', async () => {
    const busy = await worker('pick', 0.9);
    const light = await worker('pick', 0.2);
    const full = await worker('pick', 0);
    full.report(0, WorkerStatus.WS_FULL);
    await waitFor('full worker marked full', () => lk.dispatch.workerSnapshot().some((s) => s.status === 'full'));

    const requested = nextDispatchEvent(lk.dispatch, 'jobWaiting');
    await person('kid', 'pick-room', ['pick']);
    // The lighter worker is asked first and declines; the busier one is asked next and stays silent.
    const first = await light.next('availability');
    expect(first.job?.room?.name).toBe('pick-room');
    light.decline(first.job!);
    const second = await busy.next('availability');
    expect(second.job?.id).toBe(first.job?.id);
    const [waitingId] = await requested; // nobody else may take it: the full worker is never asked
    expect(waitingId).toBe(first.job?.id);
    expect(full.count('availability')).toBe(0);

    // Too late: the busy worker's answer after its time ran out is ignored (no assignment for it).
    busy.accept(second.job!);
    // The full worker frees up and is offered the waiting job; it takes it.
    full.report(0, WorkerStatus.WS_AVAILABLE);
    const third = await full.next('availability');
    expect(third.job?.id).toBe(first.job?.id);
    full.accept(third.job!);
    const assignment = await full.next('assignment');
    expect(assignment.job?.state?.participantIdentity).toBe(`agent-${first.job?.id}`);
    const joined = nextDispatchEvent(lk.dispatch, 'agentJoined');
    await joinAsAgent(assignment.token, `agent-${first.job?.id}`, 520);
    const [job] = await joined;
    expect(job.workerId).toBe(lk.dispatch.workerSnapshot().find((s) => s.jobs.includes(job.id))?.id);
    busy.ping(7n);
    await busy.next('pong');
    expect(busy.count('assignment')).toBe(0);
    closeAll([busy, light, full]);
  }, 90_000);

  it('takes a job back from a worker whose agent never joins and gives it to another', async () => {
    const idle = await worker('join', 0);
    const other = await worker('join', 0.5);
    const room = 'join-room';
    const kid = await person('kid-join', room, ['join']);

    const offer = await idle.next('availability');
    idle.accept(offer.job!);
    await idle.next('assignment');
    // It never joins: after the join limit it is told to terminate, and the other worker is asked, resuming.
    const termination = await idle.next('termination');
    expect(termination.jobId).toBe(offer.job?.id);
    const retry = await other.next('availability');
    expect(retry.job?.id).toBe(offer.job?.id);
    expect(retry.resuming).toBe(true);
    other.accept(retry.job!);
    const assignment = await other.next('assignment');
    const joined = nextDispatchEvent(lk.dispatch, 'agentJoined', (j) => j.room === room);
    await joinAsAgent(assignment.token, `agent-${offer.job?.id}`, 600);
    await joined;
    await waitFor('kid hears the agent', () => kid.loudFrames(`agent-${offer.job?.id}`) > 20, 60_000);
    closeAll([idle, other]);
  }, 120_000);

  it('gives a job whose agent failed to start on one worker to another, and never back to the first', async () => {
    const lacking = await worker('fail', 0);
    const able = await worker('fail', 0.5);
    const room = 'fail-room';
    const kid = await person('kid-fail', room, ['fail']);

    const offer = await lacking.next('availability');
    lacking.accept(offer.job!);
    await lacking.next('assignment');
    const refused = nextDispatchEvent(lk.dispatch, 'jobRefused', (jobId) => jobId === offer.job?.id);
    lacking.failJob(offer.job!.id, 'the toy agent needs VAD, STT and an LLM: stt missing');
    expect((await refused)[2]).toBe('failed to start');
    const retry = await able.next('availability');
    expect(retry.job?.id).toBe(offer.job?.id);
    expect(retry.resuming).toBe(true);
    able.accept(retry.job!);
    const assignment = await able.next('assignment');
    const joined = nextDispatchEvent(lk.dispatch, 'agentJoined', (j) => j.room === room);
    await joinAsAgent(assignment.token, `agent-${offer.job?.id}`, 600);
    await joined;
    await waitFor('kid hears the agent', () => kid.loudFrames(`agent-${offer.job?.id}`) > 20, 60_000);
    expect(lacking.count('availability')).toBe(1);
    closeAll([lacking, able]);
  }, 120_000);

  it('two workers racing for one job: only the worker asked gets it; an answer nobody asked for is ignored', async () => {
    const asked = await worker('race', 0);
    const rival = await worker('race', 0.5);
    await person('kid-race', 'race-room', ['race']);
    const offer = await asked.next('availability');
    // The rival answers for the same job first (it was never offered it), then the asked worker does.
    rival.accept(offer.job!, 'agent-rival');
    asked.accept(offer.job!, 'agent-asked');
    const assignment = await asked.next('assignment');
    expect(assignment.job?.id).toBe(offer.job?.id);
    expect(assignment.job?.state?.participantIdentity).toBe('agent-asked');
    // Messages on one connection arrive in order: once the rival's ping is answered, its stray answer was handled.
    rival.ping(5n);
    await rival.next('pong');
    expect(rival.count('assignment')).toBe(0);
    expect(rival.count('availability')).toBe(0);
    closeAll([asked, rival]);
  }, 90_000);

  it('re-dispatches a running job when its worker dies, and the person hears the new agent', async () => {
    const first = await worker('redo', 0);
    const second = await worker('redo', 0.4);
    const room = 'redo-room';
    const kid = await person('kid-redo', room, ['redo']);

    const offer = await first.next('availability');
    first.accept(offer.job!, 'agent-one');
    const a1 = await first.next('assignment');
    const agentOne = await joinAsAgent(a1.token, 'agent-one', 440);
    await waitFor('kid hears agent one', () => kid.loudFrames('agent-one') > 20, 60_000);

    // The worker process dies: its WebSocket drops, its agent stops.
    first.kill();
    agentOne.stopTone();
    const again = await second.next('availability');
    expect(again.job?.id).toBe(offer.job?.id);
    expect(again.resuming).toBe(true);
    second.accept(again.job!, 'agent-two');
    const a2 = await second.next('assignment');
    await joinAsAgent(a2.token, 'agent-two', 660);
    await waitFor('kid hears agent two', () => kid.loudFrames('agent-two') > 20, 60_000);
    await agentOne.disconnect();

    // The kid leaves: the room's job is terminated on the worker holding it.
    const ended = nextDispatchEvent(lk.dispatch, 'jobEnded', (j) => j.id === offer.job?.id);
    await kid.disconnect();
    expect((await second.next('termination')).jobId).toBe(offer.job?.id);
    expect((await ended)[0].status).toBe('success');
    closeAll([second]);
  }, 120_000);

  it("dispatches on request (the server SDK's AgentDispatchClient over Twirp) into a room that asked for nothing, and ends a job the worker reports done", async () => {
    const helper = await worker('helper', 0);
    await person('kid-api', 'api-room');
    const client = new AgentDispatchClient(lk.url, API_KEY, API_SECRET);
    const dispatch = await client.createDispatch('api-room', 'helper', { metadata: '{"toy":"bear"}' });
    expect(dispatch.agentName).toBe('helper');
    const offer = await helper.next('availability');
    expect(offer.job?.dispatchId).toBe(dispatch.id);
    expect(offer.job?.metadata).toBe('{"toy":"bear"}');
    helper.accept(offer.job!);
    const assignment = await helper.next('assignment');
    const joined = nextDispatchEvent(lk.dispatch, 'agentJoined', (j) => j.room === 'api-room');
    await joinAsAgent(assignment.token, `agent-${offer.job?.id}`, 700);
    await joined;
    // The dispatch's state lists its running job, as LiveKit's ListDispatch does (beside the
    // room's default dispatch for the unnamed agent, which no worker here serves).
    const listed = (await client.listDispatch('api-room')).find((d) => d.agentName === 'helper');
    expect(listed?.id).toBe(dispatch.id);
    expect(listed?.state?.jobs.map((j) => j.id)).toEqual([offer.job?.id]);
    const ended = nextDispatchEvent(lk.dispatch, 'jobEnded', (j) => j.id === offer.job?.id);
    helper.finishJob(offer.job!.id);
    expect((await ended)[0].status).toBe('success');
    closeAll([helper]);
  }, 90_000);

  it('participant jobs (JT_PARTICIPANT): one per person, each carrying its person, ended when that person leaves', async () => {
    const perKid = await ScriptedWorker.connect(lk.url, await lk.workerToken());
    workers.push(perKid);
    const registered = nextDispatchEvent(lk.dispatch, 'workerRegistered');
    await perKid.register('per-kid', JobType.JT_PARTICIPANT);
    await registered;

    const ann = await person('ann', 'kids-room', ['per-kid']);
    const annOffer = await perKid.next('availability');
    expect(annOffer.job?.type).toBe(JobType.JT_PARTICIPANT);
    expect(annOffer.job?.participant?.identity).toBe('ann');
    await person('bob', 'kids-room', ['per-kid']);
    const bobOffer = await perKid.next('availability', (a) => a.job?.participant?.identity === 'bob');
    expect(bobOffer.job?.dispatchId).toBe(annOffer.job?.dispatchId);
    for (const offer of [annOffer, bobOffer]) perKid.accept(offer.job!);
    await perKid.next('assignment', (a) => a.job?.id === annOffer.job?.id);
    await perKid.next('assignment', (a) => a.job?.id === bobOffer.job?.id);
    const jobs = lk.dispatch.jobSnapshot().filter((j) => j.room === 'kids-room');
    expect(jobs.map((j) => [j.type, j.target]).sort()).toEqual([
      ['participant', 'ann'],
      ['participant', 'bob'],
    ]);

    // Ann leaves: her job ends (the worker is told to terminate it); Bob's goes on.
    const ended = nextDispatchEvent(lk.dispatch, 'jobEnded', (j) => j.id === annOffer.job?.id);
    await ann.disconnect();
    await ended;
    expect((await perKid.next('termination')).jobId).toBe(annOffer.job?.id);
    expect(
      lk.dispatch
        .jobSnapshot()
        .filter((j) => j.room === 'kids-room')
        .map((j) => j.target),
    ).toEqual(['bob']);
    closeAll([perKid]);
  }, 90_000);
});
