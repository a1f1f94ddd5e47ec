// A LiveKit agent worker's side of the worker protocol (livekit_agent.proto, WorkerMessage /
// ServerMessage over `<url>/agent`), as @livekit/agents speaks it: register, answer availability
// requests, take job assignments, report each job's status and the worker's load, ping. What a job
// does (join the room and talk) is the `runJob` callback's business; this module only keeps the
// conversation with the server honest.
import { EventEmitter } from 'node:events';
import {
  AvailabilityResponse,
  JobStatus,
  JobType,
  RegisterWorkerRequest,
  ServerMessage,
  UpdateJobStatus,
  UpdateWorkerStatus,
  WorkerMessage,
  WorkerPing,
  WorkerStatus,
  type Job,
} from '@livekit/protocol';
import WebSocket from 'ws';

/** One job the server gave this worker: the room to join, and the token to join it with. */
export interface AssignedJob {
  id: string;
  room: string;
  /** The room server URL to join (the assignment's, or the one the worker connected to). */
  url: string;
  token: string;
  job: Job;
}

/** A job at work; `ended` resolves when it stops by itself (the room emptied, the session failed). */
export interface RunningJob {
  ended: Promise<void>;
  stop(reason: string): Promise<void>;
}

export interface AgentWorkerOptions {
  /** The room server's URL (ws:// or wss://), without `/agent`. */
  url: string;
  /** A JWT with the agent grant, signed with the server's API key pair. */
  token: string;
  /** The agent name rooms ask for ('' is LiveKit's default agent). */
  agentName: string;
  /** Jobs this worker runs at once; at that many it reports itself full. */
  capacity: number;
  /** Whether to take `job` at all (e.g. only toy rooms). */
  accepts?: (job: Job) => boolean;
  /** The identity and name the agent joins rooms with. */
  participant: { identity: string; name: string };
  /** Joins the room and starts the conversation; resolves once it is running. */
  runJob: (job: AssignedJob) => Promise<RunningJob>;
  pingIntervalMs?: number;
  log?: (level: 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}

export interface AgentWorkerEvents {
  jobStarted: [job: AssignedJob];
  jobEnded: [jobId: string, status: 'success' | 'failed', error: string];
  closed: [code: number, reason: string];
}

/** The server answered the WebSocket upgrade with an HTTP error (e.g. 401 for a bad token). */
export class WorkerRefusedError extends Error {
  override name = 'WorkerRefusedError';
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`agent worker refused (HTTP ${status}): ${body}`);
  }
}

const WORKER_VERSION = 'hearth-agent-worker/1';
/** How long a place promised in an availability answer waits for its assignment. */
const UNASSIGNED_HOLD_MS = 30_000;

export class AgentWorker extends EventEmitter<AgentWorkerEvents> {
  workerId = '';
  /** Jobs accepted and not yet ended (starting ones included, so capacity holds while they join). */
  private readonly jobs = new Map<string, RunningJob | null>();
  private readonly stopped = new Set<string>();
  private readonly assigned = new Set<string>();
  private pinger: NodeJS.Timeout | undefined;
  private closing = false;

  private constructor(
    private readonly ws: WebSocket,
    private readonly opts: AgentWorkerOptions,
  ) {
    super();
  }

  /** Connects, registers, and resolves once the server accepted the registration. */
  static async connect(opts: AgentWorkerOptions): Promise<AgentWorker> {
    const base = opts.url.replace(/\/+$/, '');
    const ws = new WebSocket(`${base}/agent`, { headers: { authorization: `Bearer ${opts.token}` } });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => reject(new WorkerRefusedError(res.statusCode ?? 0, body)));
      });
      ws.once('error', reject);
    });
    const worker = new AgentWorker(ws, opts);
    await worker.register();
    return worker;
  }

  get jobCount(): number {
    return this.jobs.size;
  }

  /** Stops every job and leaves the server (what a worker does when it shuts down). */
  async close(reason = 'worker shutting down'): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    clearInterval(this.pinger);
    await Promise.all([...this.jobs.keys()].map((id) => this.stopJob(id, reason)));
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000, reason);
  }

  private register(): Promise<void> {
    return new Promise((resolve, reject) => {
      const onClose = (code: number, reason: Buffer) =>
        reject(new Error(`the server closed the worker connection (${code}): ${reason.toString()}`));
      this.ws.once('close', onClose);
      this.ws.on('message', (data: Buffer, isBinary: boolean) => {
        let msg: ServerMessage;
        try {
          msg = isBinary
            ? ServerMessage.fromBinary(new Uint8Array(data))
            : ServerMessage.fromJsonString(data.toString());
        } catch {
          this.opts.log?.('warn', 'agent worker: undecodable server message');
          return;
        }
        if (msg.message.case === 'register') {
          this.workerId = msg.message.value.workerId;
          this.ws.off('close', onClose);
          this.ws.on('close', (code, why) => {
            clearInterval(this.pinger);
            void this.close('server connection lost');
            this.emit('closed', code, why.toString());
          });
          this.startPinging();
          this.opts.log?.('info', 'agent worker registered', {
            workerId: this.workerId,
            agentName: this.opts.agentName,
          });
          resolve();
          return;
        }
        this.receive(msg);
      });
      this.send({
        case: 'register',
        value: new RegisterWorkerRequest({
          type: JobType.JT_ROOM,
          agentName: this.opts.agentName,
          version: WORKER_VERSION,
          pingInterval: Math.round((this.opts.pingIntervalMs ?? 10_000) / 1000),
        }),
      });
    });
  }

  private startPinging(): void {
    this.pinger = setInterval(
      () => this.send({ case: 'ping', value: new WorkerPing({ timestamp: BigInt(Date.now()) }) }),
      this.opts.pingIntervalMs ?? 10_000,
    );
    this.pinger.unref();
  }

  private send(message: WorkerMessage['message']): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.ws.send(new WorkerMessage({ message }).toBinary());
  }

  private receive(msg: ServerMessage): void {
    const m = msg.message;
    switch (m.case) {
      case 'availability':
        return this.answerAvailability(m.value.job);
      case 'assignment': {
        const job = m.value.job;
        if (!job) return;
        void this.startJob({
          id: job.id,
          room: job.room?.name ?? '',
          url: m.value.url || this.opts.url,
          token: m.value.token,
          job,
        });
        return;
      }
      case 'termination':
        void this.stopJob(m.value.jobId, 'terminated by the server');
        return;
      default:
        return; // pong, register (already done): nothing to do
    }
  }

  private answerAvailability(job: Job | undefined): void {
    if (!job) return;
    const available = !this.closing && this.jobs.size < this.opts.capacity && (this.opts.accepts?.(job) ?? true);
    // Held from the answer on, so two offers at once cannot both take the last place; freed again
    // if the server gives the job to someone else after all.
    if (available) {
      this.jobs.set(job.id, null);
      setTimeout(() => {
        if (this.jobs.get(job.id) === null && !this.assigned.has(job.id)) {
          this.jobs.delete(job.id);
          this.reportLoad();
        }
      }, UNASSIGNED_HOLD_MS).unref();
    }
    this.send({
      case: 'availability',
      value: new AvailabilityResponse({
        jobId: job.id,
        available,
        participantIdentity: available ? this.opts.participant.identity : '',
        participantName: available ? this.opts.participant.name : '',
      }),
    });
    this.reportLoad();
  }

  private async startJob(assigned: AssignedJob): Promise<void> {
    this.assigned.add(assigned.id);
    if (!this.jobs.has(assigned.id)) this.jobs.set(assigned.id, null);
    this.reportLoad();
    let running: RunningJob;
    try {
      running = await this.opts.runJob(assigned);
    } catch (error) {
      return this.finishJob(assigned.id, 'failed', error instanceof Error ? error.message : String(error));
    }
    if (this.stopped.has(assigned.id) || this.closing) {
      await running.stop('terminated while starting');
      return this.finishJob(assigned.id, 'success', '');
    }
    this.jobs.set(assigned.id, running);
    this.updateJob(assigned.id, JobStatus.JS_RUNNING, '');
    this.emit('jobStarted', assigned);
    void running.ended.then(
      () => this.finishJob(assigned.id, 'success', ''),
      (error: unknown) => this.finishJob(assigned.id, 'failed', String(error)),
    );
  }

  private async stopJob(jobId: string, reason: string): Promise<void> {
    if (!this.jobs.has(jobId)) return;
    this.stopped.add(jobId);
    const running = this.jobs.get(jobId);
    // A job still starting is stopped by startJob once it has started.
    if (running) {
      await running.stop(reason).catch(() => undefined);
      this.finishJob(jobId, 'success', '');
    }
  }

  private finishJob(jobId: string, status: 'success' | 'failed', error: string): void {
    if (!this.jobs.delete(jobId)) return;
    this.stopped.delete(jobId);
    this.assigned.delete(jobId);
    this.updateJob(jobId, status === 'success' ? JobStatus.JS_SUCCESS : JobStatus.JS_FAILED, error);
    if (error) this.opts.log?.('warn', 'agent worker: job failed', { jobId, error });
    this.emit('jobEnded', jobId, status, error);
    this.reportLoad();
  }

  private updateJob(jobId: string, status: JobStatus, error: string): void {
    this.send({ case: 'updateJob', value: new UpdateJobStatus({ jobId, status, error }) });
  }

  /** Load is the share of capacity in use; full workers are not offered jobs. */
  private reportLoad(): void {
    const load = Math.min(this.jobs.size / Math.max(this.opts.capacity, 1), 1);
    this.send({
      case: 'updateWorker',
      value: new UpdateWorkerStatus({
        status: this.jobs.size >= this.opts.capacity ? WorkerStatus.WS_FULL : WorkerStatus.WS_AVAILABLE,
        load,
        jobCount: this.jobs.size,
      }),
    });
  }
}
