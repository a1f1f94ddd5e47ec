// A real Hearth agent worker process (`npm run agent`, server/agent-worker/main.ts), for tests and
// bench:toy-agent: its own engines from the contract packs, registered with a Hearth server.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FIXTURE_MODELS } from '../../helpers/server.ts';
import { generateIntoTempDir } from '../contract-models/generate-fixture.ts';
import { agentWorkerToken } from './worker-process.ts';

const CLI = path.join(import.meta.dirname, '..', '..', '..', 'server', 'agent-worker', 'main.ts');

export interface AgentWorkerProcess {
  child: ChildProcess;
  /** Its JSON log lines so far. */
  log(): string;
  /** Ends it at once, as a crash or a pulled plug would (SIGKILL). */
  kill(): Promise<void>;
}

/** A worker machine's model folder: the contract packs and the fixture packs, in one place. */
export function workerModels(): { manifestPath: string; modelsDir: string; cleanup(): void } {
  const generated = generateIntoTempDir();
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-worker-models-'));
  for (const root of [generated.outDir, FIXTURE_MODELS])
    for (const pack of fs.readdirSync(root, { withFileTypes: true }))
      if (pack.isDirectory()) fs.symlinkSync(path.join(root, pack.name), path.join(modelsDir, pack.name));
  return {
    manifestPath: generated.manifestPath,
    modelsDir,
    cleanup: () => {
      generated.cleanup();
      fs.rmSync(modelsDir, { recursive: true, force: true });
    },
  };
}

/** Starts `npm run agent` against the server at `serverUrl` and resolves once it has registered. */
export async function startAgentWorker(opts: {
  serverUrl: string;
  dataDir: string;
  models: { manifestPath: string; modelsDir: string };
  capacity: number;
}): Promise<AgentWorkerProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      '--url',
      opts.serverUrl.replace(/^http/, 'ws'),
      '--token',
      await agentWorkerToken(opts.dataDir),
      '--hearth-url',
      opts.serverUrl,
      '--manifest',
      opts.models.manifestPath,
      '--models-dir',
      opts.models.modelsDir,
      '--capacity',
      String(opts.capacity),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('"msg":"agent worker registered"')) resolve();
    });
    void exited.then(() => reject(new Error(`the agent worker exited before registering:\n${log.slice(-3000)}`)));
  });
  return {
    child,
    log: () => log,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
