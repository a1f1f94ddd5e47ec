// What a Hearth worker does with a job: the toy room's conversation, run by the same AgentSession
// (and so the same ToyConversation) as the in-process agent. Jobs name the room; a toy's room is
// `device-<id>`, so the room is also the toy's id.
import type { Job } from '@livekit/protocol';
import type { AgentConversation, AgentEngines } from '../agent/agent-session.ts';
import type { AgentMediaLibrary } from '../agent/media/media-library.ts';
import type { AgentLog } from '../agent/supervisor.ts';
import { deviceIdOfRoom, deviceRef } from '../devices/device-room.ts';
import type { Persona } from '../../src/core/prompt.ts';
import type { AssignedJob, RunningJob } from './worker-client.ts';

export interface JobToy {
  persona: Persona;
  conversation?: (engines: AgentEngines) => AgentConversation;
  /** The home media library (songs and stories); without it the toy has none. */
  media?: AgentMediaLibrary;
}

export interface ToyJobRunnerOptions {
  /** The worker's engines (loaded once, shared by its jobs; only the VAD is per session). */
  engines: () => Promise<AgentEngines>;
  /**
   * The toy for this job: its persona, and its conversation (guard, limits, volume, turn-taking)
   * made with the worker's engines; from the Hearth server's toy job API, or a fixed persona.
   */
  toy: (job: AssignedJob) => Promise<JobToy>;
  log: AgentLog;
  /** Leave a room whose toy has not joined (or left) for this long. */
  absentTimeoutMs?: number;
}

/** Whether the job is a toy's own room (the only rooms a Hearth worker takes). */
export function isToyJob(job: Job): boolean {
  return deviceIdOfRoom(job.room?.name ?? '') !== null;
}

export function toyJobRunner(opts: ToyJobRunnerOptions): (job: AssignedJob) => Promise<RunningJob> {
  return async (job) => {
    const deviceId = deviceIdOfRoom(job.room);
    if (!deviceId) throw new Error(`not a toy room: ${job.room}`);
    const [engines, toy] = await Promise.all([opts.engines(), opts.toy(job)]);
    const conversation = toy.conversation?.(engines);
    // rtc-node's native library loads only once a job comes, not with every worker start.
    const { AgentSession } = await import('../agent/agent-session.ts');
    const session = new AgentSession({
      url: job.url,
      token: job.token,
      room: job.room,
      deviceIdentity: deviceRef(deviceId).deviceIdentity,
      engines,
      persona: toy.persona,
      ...(conversation ? { conversation } : {}),
      ...(toy.media ? { media: toy.media } : {}),
      log: opts.log,
      ...(opts.absentTimeoutMs !== undefined ? { absentTimeoutMs: opts.absentTimeoutMs } : {}),
    });
    const ended = new Promise<void>((resolve) => session.onClosed(resolve));
    try {
      await session.start();
    } catch (error) {
      await session.close('join failed');
      throw error;
    }
    opts.log('info', 'worker agent joined toy room', { room: job.room, job: job.id });
    return { ended, stop: (reason) => session.close(reason) };
  };
}
