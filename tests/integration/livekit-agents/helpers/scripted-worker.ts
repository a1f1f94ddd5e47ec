import {
  AvailabilityResponse,
  JobStatus,
  JobType,
  ServerMessage,
  UpdateJobStatus,
  UpdateWorkerStatus,
  WorkerMessage,
  WorkerPing,
  WorkerStatus,
  RegisterWorkerRequest,
  type Job,
} from '@livekit/protocol';
import WebSocket from 'ws';

type ServerCase = NonNullable<ServerMessage['message']['case']>;
type ServerValue<C extends ServerCase> = Extract<ServerMessage['message'], { case: C }>['value'];

/**
 * A TEST DOUBLE of a LiveKit agent worker: it speaks the worker protocol (livekit_agent.proto over
 * the `/agent` WebSocket) directly, and each test scripts its answers (decline, stay silent,
 * accept and never join, flood). The stock @livekit/agents worker is tested in stock-agent.test.ts.
 */
export class ScriptedWorker {
  readonly received: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly consumed = new Set<ServerMessage>();
  private waiters: { kind: ServerCase; match: (v: never) => boolean; resolve: (m: ServerMessage) => void }[] = [];

  private constructor(private readonly ws: WebSocket) {
    this.closed = new Promise((resolve) =>
      ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    ws.on('message', (data: Buffer) => {
      const msg = ServerMessage.fromBinary(new Uint8Array(data));
      this.received.push(msg);
      for (const w of [...this.waiters]) {
        if (this.consumed.has(msg)) break;
        if (msg.message.case === w.kind && w.match(msg.message.value as never)) {
          this.consumed.add(msg);
          this.waiters = this.waiters.filter((x) => x !== w);
          w.resolve(msg);
        }
      }
    });
  }

  /** Opens `/agent` with `token` as a Bearer header (as agents-js does). */
  static connect(url: string, token: string): Promise<ScriptedWorker> {
    const ws = new WebSocket(`${url}/agent`, { headers: { authorization: `Bearer ${token}` } });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new ScriptedWorker(ws)));
      ws.once('unexpected-response', (_req, res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => reject(new WorkerRefused(res.statusCode ?? 0, body)));
      });
      ws.once('error', reject);
    });
  }

  send(message: WorkerMessage['message']): void {
    this.ws.send(new WorkerMessage({ message }).toBinary());
  }

  async register(agentName = '', type = JobType.JT_ROOM): Promise<ServerValue<'register'>> {
    const response = this.next('register');
    this.send({ case: 'register', value: new RegisterWorkerRequest({ type, agentName, version: 'scripted-double' }) });
    return response;
  }

  report(load: number, status = WorkerStatus.WS_AVAILABLE): void {
    this.send({ case: 'updateWorker', value: new UpdateWorkerStatus({ load, status }) });
  }

  ping(timestamp: bigint): void {
    this.send({ case: 'ping', value: new WorkerPing({ timestamp }) });
  }

  accept(job: Job, identity = `agent-${job.id}`): void {
    this.send({
      case: 'availability',
      value: new AvailabilityResponse({ jobId: job.id, available: true, participantIdentity: identity }),
    });
  }

  decline(job: Job): void {
    this.send({ case: 'availability', value: new AvailabilityResponse({ jobId: job.id, available: false }) });
  }

  finishJob(jobId: string): void {
    this.send({ case: 'updateJob', value: new UpdateJobStatus({ jobId, status: JobStatus.JS_SUCCESS }) });
  }

  /** Reports that the job's agent could not start (e.g. this machine lacks a model). */
  failJob(jobId: string, error: string): void {
    this.send({ case: 'updateJob', value: new UpdateJobStatus({ jobId, status: JobStatus.JS_FAILED, error }) });
  }

  /** The next message of `kind` (matching `match`) not yet taken by an earlier call, received or to come. */
  next<C extends ServerCase>(kind: C, match: (v: ServerValue<C>) => boolean = () => true): Promise<ServerValue<C>> {
    const earlier = this.received.find(
      (m) => !this.consumed.has(m) && m.message.case === kind && match(m.message.value as ServerValue<C>),
    );
    if (earlier) {
      this.consumed.add(earlier);
      return Promise.resolve(earlier.message.value) as Promise<ServerValue<C>>;
    }
    return new Promise<ServerMessage>((resolve) => {
      this.waiters.push({ kind, match: match as (v: never) => boolean, resolve });
    }).then((m) => m.message.value) as Promise<ServerValue<C>>;
  }

  count(kind: ServerCase): number {
    return this.received.filter((m) => m.message.case === kind).length;
  }

  /** Drops the connection without a close handshake, as a killed process does. */
  kill(): void {
    this.ws.terminate();
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close();
  }
}

export class WorkerRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`worker refused with HTTP ${status}: ${body}`);
  }
}
