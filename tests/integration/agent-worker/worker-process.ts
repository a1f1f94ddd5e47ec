// Starts a Hearth agent worker process (stub-worker-process.ts: the real AgentWorker and toy job
// runner with engine doubles) and collects the JSON events it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AccessToken } from 'livekit-server-sdk';
import { createInterface } from 'node:readline';

const WORKER_SCRIPT = path.join(import.meta.dirname, 'stub-worker-process.ts');

export interface WorkerProcess {
  child: ChildProcess;
  workerId: string;
  events: Record<string, unknown>[];
}

/** Starts a worker process and resolves once it says it registered. */
export function startWorkerProcess(url: string, token: string, capacity: number): Promise<WorkerProcess> {
  // node with tsx's loader, not the tsx CLI: the CLI runs the script in a child process that a
  // SIGKILL of the CLI would leave running.
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT, url, token, String(capacity)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: Record<string, unknown>[] = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (process.env.DEBUG_WORKER) console.error('WERR', d.toString());
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const event = JSON.parse(line) as Record<string, unknown>;
      events.push(event);
      if (process.env.DEBUG_WORKER) console.error('W', line);
      if (event.event === 'registered') resolve({ child, workerId: String(event.workerId), events });
    });
    child.once('exit', (code) => reject(new Error(`worker process exited (${code}) before registering: ${stderr}`)));
  });
}

/** A worker registration token (agent grant only) signed with a Hearth server's own LiveKit key pair. */
export async function agentWorkerToken(dataDir: string): Promise<string> {
  const secret = (name: string) => fs.readFileSync(path.join(dataDir, 'secrets', name), 'utf8').trim();
  const at = new AccessToken(secret('livekit-api-key'), secret('livekit-api-secret'), { ttl: 600 });
  at.addGrant({ agent: true });
  return at.toJwt();
}

/** The dispatcher's "job assigned" log lines in a Hearth server's output: which worker got which room. */
export function jobAssignments(serverOutput: string): { room: string; worker: string }[] {
  return serverOutput
    .split('\n')
    .filter((line) => line.includes('agent dispatch: job assigned'))
    .map((line) => JSON.parse(line) as { room: string; worker: string });
}
