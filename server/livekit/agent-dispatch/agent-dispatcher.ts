import { EventEmitter } from 'node:events';
import {
  Job,
  JobState,
  JobStatus,
  JobType,
  type ParticipantInfo,
  Room as RoomInfo,
  WorkerStatus,
  type UpdateJobStatus,
} from '@livekit/protocol';
import type { DispatchLog } from './dispatch-log.ts';
import type { ParticipantJoined, ParticipantLeft, RoomServer, TrackPublished } from '../room-server.ts';
import { newSid } from '../sids.ts';
import type { SignalSocket } from '../signal-connection.ts';
import { buildAgentToken } from './agent-token.ts';
import { WorkerConnection, type WorkerEvents, type WorkerLimits } from './worker-connection.ts';

export interface DispatchTiming extends WorkerLimits {
  /**
   * After its assignment, a job's agent must join the room within this, or the job goes to
   * another worker. Generous: a stock worker starts a process per job, which takes seconds on a
   * busy 2-core box; only a broken worker should hit it.
   */
  joinTimeoutMs: number;
}

export const DEFAULT_DISPATCH_TIMING: DispatchTiming = {
  registerTimeoutMs: 10_000,
  availabilityTimeoutMs: 10_000,
  joinTimeoutMs: 60_000,
  messageBurst: 60,
  messagesPerSecond: 20,
};

/** LiveKit's AgentDispatch: which agent a room asks for. */
export interface AgentDispatch {
  id: string;
  room: string;
  agentName: string;
  metadata: string;
  /** Only workers registered for this deployment take its jobs ('' for the default). */
  deployment: string;
  createdAtMs: number;
}

/** Dispatches for rooms not created yet are kept until then; beyond this many, new ones are refused. */
export const MAX_WAITING_DISPATCHES = 1000;

export interface JobSnapshot {
  id: string;
  dispatchId: string;
  room: string;
  agentName: string;
  type: 'room' | 'publisher' | 'participant';
  /** The participant a publisher or participant job is for ('' for a room job). */
  target: string;
  status: 'pending' | 'running' | 'success' | 'failed';
  workerId: string | null;
  participantIdentity: string;
  joined: boolean;
}

export interface WorkerSnapshot {
  id: string;
  agentName: string;
  status: 'available' | 'full';
  load: number;
  jobs: string[];
}

/** What the dispatcher reports (tests and logs wait on these). */
export interface DispatchEvents {
  workerRegistered: [workerId: string];
  workerClosed: [workerId: string, reason: string];
  jobAssigned: [job: JobSnapshot, resuming: boolean];
  agentJoined: [job: JobSnapshot];
  /** A worker was asked and did not take the job (declined, timed out, or never joined). */
  jobRefused: [
    jobId: string,
    workerId: string,
    why: 'declined' | 'no answer' | 'never joined' | 'failed to start' | 'closed',
  ];
  /** No worker can take the job now; it waits for one to register or free up. */
  jobWaiting: [jobId: string];
  jobEnded: [job: JobSnapshot];
}

interface JobRecord {
  job: Job;
  room: string;
  worker: WorkerConnection | null;
  joined: boolean;
  ended: boolean;
  placing: boolean;
  /** Workers that took this job and never joined (or could not start its agent): not asked again for it. */
  neverJoined: Set<WorkerConnection>;
  /** Wakes the placement loop waiting for the agent to join. */
  joinWaiter: ((outcome: 'joined' | 'worker-closed' | 'failed' | 'ended') => void) | null;
}

interface RoomRecord {
  name: string;
  sid: string;
  createdAtMs: number;
  dispatches: Map<string, AgentDispatch>;
  /** The room's participants that are not agents, by identity. */
  people: Map<string, PersonRecord>;
}

interface PersonRecord {
  info: ParticipantInfo;
  /** Has published a track (publisher jobs start then). */
  published: boolean;
}

const JOB_TYPE_NAME: Record<JobType, JobSnapshot['type']> = {
  [JobType.JT_ROOM]: 'room',
  [JobType.JT_PUBLISHER]: 'publisher',
  [JobType.JT_PARTICIPANT]: 'participant',
};

/** Whose job it is: the room's, or one participant's (publisher and participant jobs). */
function targetOf(job: Job): string {
  return job.type === JobType.JT_ROOM ? '' : (job.participant?.identity ?? '');
}

function servesJobs(worker: WorkerConnection, key: { agentName: string; type: JobType; deployment: string }): boolean {
  return (
    worker.agentName === key.agentName &&
    worker.jobType === key.type &&
    (worker.registration?.deployment ?? '') === key.deployment
  );
}

function statusName(status: JobStatus): JobSnapshot['status'] {
  switch (status) {
    case JobStatus.JS_RUNNING:
      return 'running';
    case JobStatus.JS_SUCCESS:
      return 'success';
    case JobStatus.JS_FAILED:
      return 'failed';
    default:
      return 'pending';
  }
}

const nowNs = () => BigInt(Date.now()) * 1_000_000n;

/**
 * Agent dispatch for the embedded room server, following LiveKit's (pkg/agent, agentservice.go,
 * rtc/room.go): a room asks for agents when it is created (its token's RoomConfiguration.agents,
 * or by default the unnamed agent), or through createDispatch; each dispatch becomes jobs (one for
 * the room, one per participant, one per participant who publishes, for workers registered for
 * that job type) offered to the least-loaded available worker registered for that agent name. A worker that
 * declines or does not answer is skipped; one that accepts gets a JobAssignment with a join token.
 *
 * Beyond open-source LiveKit (which leaves these as TODOs): a job whose agent has not joined
 * within `joinTimeoutMs` is taken back and offered to another worker; a worker that disconnects
 * mid-job has its jobs offered again (`resuming`) to the others; jobs nobody can take wait for a
 * worker to register or free up; when the last person leaves, the room's jobs are terminated.
 */
export class AgentDispatcher extends EventEmitter<DispatchEvents> {
  private readonly workers = new Map<string, WorkerConnection>();
  private readonly rooms = new Map<string, RoomRecord>();
  private readonly jobs = new Map<string, JobRecord>();
  /** Dispatches created for rooms that do not exist yet: they apply when the room is created. */
  private readonly waitingDispatches = new Map<string, AgentDispatch[]>();
  /** How many dispatches `waitingDispatches` holds in all (kept, not counted per request). */
  private waitingCount = 0;
  private readonly timing: DispatchTiming;
  private readonly unsubscribe: (() => void)[];
  private closed = false;

  constructor(
    roomServer: Pick<RoomServer, 'onParticipantJoined' | 'onParticipantLeft' | 'onTrackPublished'>,
    private readonly credentials: { apiKey: string; apiSecret: string },
    timing: Partial<DispatchTiming> = {},
    private readonly log?: DispatchLog,
  ) {
    super();
    this.timing = { ...DEFAULT_DISPATCH_TIMING, ...timing };
    this.unsubscribe = [
      roomServer.onParticipantJoined((joined) => this.participantJoined(joined)),
      roomServer.onParticipantLeft((left) => this.participantLeft(left)),
      roomServer.onTrackPublished((published) => this.trackPublished(published)),
    ];
  }

  /** Takes a verified worker's WebSocket; the worker registers over it. */
  acceptWorker(socket: SignalSocket): WorkerConnection {
    const events: WorkerEvents = {
      registered: (w) => this.workerRegistered(w),
      statusChanged: (w) => {
        if (w.status === WorkerStatus.WS_AVAILABLE) this.placeWaitingJobs();
      },
      jobUpdated: (w, update) => this.jobUpdated(w, update),
      closed: (w, reason) => this.workerClosed(w, reason),
    };
    const worker = new WorkerConnection(socket, events, this.timing, this.log);
    if (this.closed) worker.close('server shutting down');
    return worker;
  }

  /**
   * LiveKit's AgentDispatchService.CreateDispatch: the room gets this agent now, or when it is
   * created. Null when too many dispatches already wait for rooms that do not exist.
   */
  createDispatch(room: string, agentName: string, metadata = '', deployment = ''): AgentDispatch | null {
    const dispatch = this.newDispatch(room, agentName, metadata, deployment);
    const record = this.rooms.get(room);
    if (!record) {
      if (this.waitingCount >= MAX_WAITING_DISPATCHES) return null;
      this.waitingDispatches.set(room, [...(this.waitingDispatches.get(room) ?? []), dispatch]);
      this.waitingCount++;
      return dispatch;
    }
    record.dispatches.set(dispatch.id, dispatch);
    this.ensureJobs(record);
    return dispatch;
  }

  listDispatches(room: string): AgentDispatch[] {
    return [...(this.rooms.get(room)?.dispatches.values() ?? []), ...(this.waitingDispatches.get(room) ?? [])];
  }

  /** Removes a dispatch and terminates its jobs (LiveKit's DeleteDispatch). */
  deleteDispatch(room: string, dispatchId: string): AgentDispatch | null {
    const waiting = this.waitingDispatches.get(room) ?? [];
    const queued = waiting.find((d) => d.id === dispatchId);
    if (queued) {
      const rest = waiting.filter((d) => d !== queued);
      if (rest.length > 0) this.waitingDispatches.set(room, rest);
      else this.waitingDispatches.delete(room);
      this.waitingCount--;
      return queued;
    }
    const record = this.rooms.get(room);
    const dispatch = record?.dispatches.get(dispatchId);
    if (!record || !dispatch) return null;
    record.dispatches.delete(dispatchId);
    for (const job of this.jobs.values()) {
      if (job.job.dispatchId === dispatchId && !job.ended) this.endJob(job, JobStatus.JS_SUCCESS, '', true);
    }
    return dispatch;
  }

  /** The live jobs a dispatch has started (copies: callers may not change the dispatcher's own). */
  jobsOfDispatch(dispatchId: string): Job[] {
    return [...this.jobs.values()].filter((j) => j.job.dispatchId === dispatchId).map((j) => j.job.clone());
  }

  workerSnapshot(): WorkerSnapshot[] {
    return [...this.workers.values()].map((w) => ({
      id: w.id,
      agentName: w.agentName,
      status: w.status === WorkerStatus.WS_AVAILABLE ? 'available' : 'full',
      load: w.load,
      jobs: [...w.jobs],
    }));
  }

  jobSnapshot(): JobSnapshot[] {
    return [...this.jobs.values()].map((j) => this.snapshotOf(j));
  }

  close(): void {
    this.closed = true;
    for (const off of this.unsubscribe) off();
    for (const job of this.jobs.values()) job.joinWaiter?.('ended');
    for (const worker of [...this.workers.values()]) worker.close('server shutting down');
  }

  private newDispatch(room: string, agentName: string, metadata: string, deployment: string): AgentDispatch {
    return { id: newSid('AD_'), room, agentName, metadata, deployment, createdAtMs: Date.now() };
  }

  private snapshotOf(j: JobRecord): JobSnapshot {
    return {
      id: j.job.id,
      dispatchId: j.job.dispatchId,
      room: j.room,
      agentName: j.job.agentName,
      type: JOB_TYPE_NAME[j.job.type],
      target: targetOf(j.job),
      status: statusName(j.job.state?.status ?? JobStatus.JS_PENDING),
      workerId: j.worker?.id ?? null,
      participantIdentity: j.job.state?.participantIdentity ?? '',
      joined: j.joined,
    };
  }

  private participantJoined(joined: ParticipantJoined): void {
    let room = this.rooms.get(joined.room);
    if (!room || room.sid !== joined.roomSid) {
      room = this.createRoom(joined);
    }
    if (joined.agent) {
      const job = this.jobOfIdentity(joined.room, joined.identity);
      if (job && !job.ended) {
        job.joined = true;
        job.joinWaiter?.('joined');
        this.emit('agentJoined', this.snapshotOf(job));
      }
      return;
    }
    room.people.set(joined.identity, { info: joined.participant, published: false });
    this.ensureJobs(room);
  }

  private trackPublished(published: TrackPublished): void {
    const room = this.rooms.get(published.room);
    const person = room?.sid === published.roomSid ? room.people.get(published.identity) : undefined;
    if (!room || !person || person.published) return;
    person.published = true;
    person.info = published.participant;
    this.ensureJobs(room);
  }

  private participantLeft(left: ParticipantLeft): void {
    const room = this.rooms.get(left.room);
    if (!room) return;
    const job = this.jobOfIdentity(left.room, left.identity);
    if (job && job.joined && !job.ended) {
      // LiveKit marks a job whose agent left the room as failed.
      this.endJob(job, JobStatus.JS_FAILED, 'agent worker left the room', true);
    }
    room.people.delete(left.identity);
    // A publisher or participant job is for one person: it ends when they leave.
    for (const j of this.jobs.values())
      if (j.room === room.name && !j.ended && targetOf(j.job) === left.identity)
        this.endJob(j, JobStatus.JS_SUCCESS, '', true);
    if (room.people.size === 0 || left.roomClosed) {
      for (const j of this.jobs.values())
        if (j.room === room.name && !j.ended) this.endJob(j, JobStatus.JS_SUCCESS, '', true);
    }
    if (left.roomClosed) this.rooms.delete(room.name);
  }

  private createRoom(joined: ParticipantJoined): RoomRecord {
    const room: RoomRecord = {
      name: joined.room,
      sid: joined.roomSid,
      createdAtMs: Date.now(),
      dispatches: new Map(),
      people: new Map(),
    };
    this.rooms.set(room.name, room);
    // As LiveKit: the token's room configuration names the agents; without any, the unnamed agent.
    const requested = joined.roomAgents.length > 0 ? joined.roomAgents : [{ agentName: '', metadata: '' }];
    const fromApi = this.waitingDispatches.get(room.name) ?? [];
    this.waitingDispatches.delete(room.name);
    this.waitingCount -= fromApi.length;
    for (const r of requested) {
      const d = this.newDispatch(room.name, r.agentName, r.metadata, '');
      room.dispatches.set(d.id, d);
    }
    for (const d of fromApi) room.dispatches.set(d.id, d);
    return room;
  }

  private jobOfIdentity(room: string, identity: string): JobRecord | undefined {
    for (const j of this.jobs.values()) {
      if (j.room === room && !j.ended && j.job.state?.participantIdentity === identity) return j;
    }
    return undefined;
  }

  /**
   * Gives each of the room's dispatches its live jobs (while people are in it), as LiveKit does:
   * one room job, one job per participant, and one per participant who has published, each only
   * when some worker serves that agent name and job type (LiveKit launches nothing otherwise).
   */
  private ensureJobs(room: RoomRecord): void {
    if (room.people.size === 0 || this.closed) return;
    const people = [...room.people.values()];
    for (const dispatch of room.dispatches.values()) {
      this.ensureJob(room, dispatch, JobType.JT_ROOM, null);
      for (const person of people) this.ensureJob(room, dispatch, JobType.JT_PARTICIPANT, person.info);
      for (const person of people)
        if (person.published) this.ensureJob(room, dispatch, JobType.JT_PUBLISHER, person.info);
    }
  }

  private ensureJob(room: RoomRecord, dispatch: AgentDispatch, type: JobType, participant: ParticipantInfo | null) {
    const target = participant?.identity ?? '';
    const key = { agentName: dispatch.agentName, type, deployment: dispatch.deployment };
    if (![...this.workers.values()].some((w) => servesJobs(w, key))) return;
    for (const j of this.jobs.values())
      if (j.job.dispatchId === dispatch.id && j.job.type === type && targetOf(j.job) === target && !j.ended) return;
    const job = new Job({
      id: newSid('AJ_'),
      dispatchId: dispatch.id,
      type,
      room: new RoomInfo({
        sid: room.sid,
        name: room.name,
        creationTime: BigInt(Math.floor(room.createdAtMs / 1000)),
        creationTimeMs: BigInt(room.createdAtMs),
        numParticipants: room.people.size,
      }),
      ...(participant ? { participant: participant.clone() } : {}),
      namespace: '',
      metadata: dispatch.metadata,
      agentName: dispatch.agentName,
      deployment: dispatch.deployment,
      state: new JobState({ status: JobStatus.JS_PENDING }),
    });
    const record: JobRecord = {
      job,
      room: room.name,
      worker: null,
      joined: false,
      ended: false,
      placing: false,
      neverJoined: new Set(),
      joinWaiter: null,
    };
    this.jobs.set(job.id, record);
    void this.place(record, false);
  }

  private roomAlive(record: JobRecord): boolean {
    return !record.ended && !this.closed && (this.rooms.get(record.room)?.people.size ?? 0) > 0;
  }

  private pickWorker(job: Job, skip: Set<WorkerConnection>): WorkerConnection | null {
    const candidates = [...this.workers.values()].filter(
      (w) => w.isOpen && !skip.has(w) && w.status === WorkerStatus.WS_AVAILABLE && servesJobs(w, job),
    );
    // Least loaded first; equal loads (two workers on one machine) go to the one with fewer jobs.
    candidates.sort((a, b) => a.load - b.load || a.jobs.size - b.jobs.size || a.connectedAtMs - b.connectedAtMs);
    return candidates[0] ?? null;
  }

  /** Offers a job to workers in turn until one takes it and its agent joins. One loop per job at a time. */
  private async place(record: JobRecord, resuming: boolean): Promise<void> {
    if (record.placing) return;
    record.placing = true;
    try {
      const asked = new Set<WorkerConnection>(record.neverJoined);
      // Workers that said no: a room no worker wants (a browser's room, with only toy workers) is not a problem.
      let declined = 0;
      while (this.roomAlive(record)) {
        const worker = this.pickWorker(record.job, asked);
        if (!worker) {
          record.job.state = new JobState({ status: JobStatus.JS_PENDING });
          const where = { job: record.job.id, room: record.room };
          if (declined > 0 && declined === asked.size)
            this.log?.info(where, 'agent dispatch: every worker declined the job');
          else this.log?.warn(where, 'agent dispatch: no worker can take the job now');
          this.emit('jobWaiting', record.job.id);
          return;
        }
        asked.add(worker);
        const answer = await worker.requestAvailability(record.job, resuming);
        if (!this.roomAlive(record)) return;
        if (answer === 'timeout' || answer === 'closed') {
          this.emit('jobRefused', record.job.id, worker.id, answer === 'timeout' ? 'no answer' : 'closed');
          continue;
        }
        if (answer.terminate) {
          this.endJob(record, JobStatus.JS_SUCCESS, '', false);
          return;
        }
        if (!answer.available) {
          declined++;
          this.emit('jobRefused', record.job.id, worker.id, 'declined');
          continue;
        }
        if (!(await this.assign(record, worker, answer.participantIdentity, answer))) continue;
        this.emit('jobAssigned', this.snapshotOf(record), resuming);
        const outcome = await this.waitForAgent(record);
        if (outcome === 'joined' || outcome === 'ended') return;
        // The worker took the job and its agent never came, could not start there (that machine may
        // lack a model another has), or the worker went away: take it back.
        this.release(record, worker, outcome === 'timeout');
        this.emit(
          'jobRefused',
          record.job.id,
          worker.id,
          outcome === 'timeout' ? 'never joined' : outcome === 'failed' ? 'failed to start' : 'closed',
        );
        if (outcome === 'timeout' || outcome === 'failed') record.neverJoined.add(worker);
        resuming = true;
      }
    } finally {
      record.placing = false;
    }
  }

  private async assign(
    record: JobRecord,
    worker: WorkerConnection,
    identity: string,
    answer: { participantName: string; participantMetadata: string; participantAttributes: Record<string, string> },
  ): Promise<boolean> {
    if (!identity || !worker.isOpen) return false;
    const token = await buildAgentToken(this.credentials.apiKey, this.credentials.apiSecret, {
      room: record.room,
      identity,
      name: answer.participantName,
      metadata: answer.participantMetadata,
      attributes: { ...answer.participantAttributes, 'lk.agent_name': worker.agentName },
      permissions: worker.permissions,
    });
    if (!worker.isOpen || !this.roomAlive(record)) return false;
    const now = nowNs();
    record.job.state = new JobState({
      status: JobStatus.JS_RUNNING,
      participantIdentity: identity,
      workerId: worker.id,
      startedAt: now,
      updatedAt: now,
    });
    record.worker = worker;
    record.joined = false;
    worker.jobs.add(record.job.id);
    worker.assign(record.job, token);
    this.log?.info(
      { job: record.job.id, room: record.room, worker: worker.id, identity },
      'agent dispatch: job assigned',
    );
    return true;
  }

  private waitForAgent(record: JobRecord): Promise<'joined' | 'worker-closed' | 'failed' | 'ended' | 'timeout'> {
    if (record.joined) return Promise.resolve('joined');
    return new Promise((resolve) => {
      const timer = setTimeout(() => finish('timeout'), this.timing.joinTimeoutMs);
      const finish = (outcome: 'joined' | 'worker-closed' | 'failed' | 'ended' | 'timeout') => {
        clearTimeout(timer);
        record.joinWaiter = null;
        resolve(outcome);
      };
      record.joinWaiter = finish;
    });
  }

  /** Takes a job back from a worker (terminating it there if the worker is still connected). */
  private release(record: JobRecord, worker: WorkerConnection, terminate: boolean): void {
    worker.jobs.delete(record.job.id);
    if (terminate && worker.isOpen) worker.terminate(record.job.id);
    if (record.worker === worker) record.worker = null;
    record.joined = false;
  }

  private endJob(record: JobRecord, status: JobStatus, error: string, terminate: boolean): void {
    if (record.ended) return;
    record.ended = true;
    const worker = record.worker;
    if (worker) {
      worker.jobs.delete(record.job.id);
      if (terminate && worker.isOpen) worker.terminate(record.job.id);
    }
    const now = nowNs();
    record.job.state = new JobState({
      ...record.job.state,
      status,
      error,
      endedAt: now,
      updatedAt: now,
    });
    record.joinWaiter?.('ended');
    this.jobs.delete(record.job.id);
    this.log?.info(
      { job: record.job.id, room: record.room, status: JobStatus[status], error },
      'agent dispatch: job ended',
    );
    this.emit('jobEnded', this.snapshotOf(record));
  }

  private workerRegistered(worker: WorkerConnection): void {
    this.workers.set(worker.id, worker);
    this.emit('workerRegistered', worker.id);
    // Rooms created before any worker for their agent name was there get their jobs now.
    for (const room of this.rooms.values()) this.ensureJobs(room);
    this.placeWaitingJobs();
  }

  private placeWaitingJobs(): void {
    for (const job of this.jobs.values()) if (!job.worker && !job.placing && !job.ended) void this.place(job, false);
  }

  private jobUpdated(worker: WorkerConnection, update: UpdateJobStatus): void {
    const record = this.jobs.get(update.jobId);
    // Updates for jobs this worker does not hold are ignored (LiveKit logs them at debug level).
    if (!record || record.worker !== worker) return;
    if (update.status === JobStatus.JS_FAILED && !record.joined && record.joinWaiter && this.roomAlive(record)) {
      // Its agent could not start on that worker: the placement loop offers the job to another.
      this.log?.warn(
        { job: record.job.id, room: record.room, worker: worker.id, error: update.error },
        'agent dispatch: the job failed to start; offering it to another worker',
      );
      record.joinWaiter('failed');
      return;
    }
    if (update.status === JobStatus.JS_SUCCESS || update.status === JobStatus.JS_FAILED) {
      this.endJob(record, update.status, update.error, false);
      return;
    }
    record.job.state = new JobState({ ...record.job.state, status: update.status, updatedAt: nowNs() });
  }

  private workerClosed(worker: WorkerConnection, reason: string): void {
    if (!this.workers.delete(worker.id)) return;
    this.log?.warn({ worker: worker.id, reason, jobs: worker.jobs.size }, 'agent dispatch: worker gone');
    this.emit('workerClosed', worker.id, reason);
    for (const jobId of [...worker.jobs]) {
      const record = this.jobs.get(jobId);
      if (!record || record.ended) continue;
      this.release(record, worker, false);
      if (record.placing) {
        record.joinWaiter?.('worker-closed');
      } else if (this.roomAlive(record)) {
        // Its agent is gone with it (or soon will be): offer the job to the others, as a resume.
        void this.place(record, true);
      } else {
        this.endJob(record, JobStatus.JS_FAILED, 'agent worker disconnected', false);
      }
    }
  }
}
