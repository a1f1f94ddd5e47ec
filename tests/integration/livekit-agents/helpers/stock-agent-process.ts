import { JobType } from '@livekit/protocol';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The stock agent's own package (its @livekit/agents needs rtc-node ^0.13; Hearth pins 1.1.0). */
export const STOCK_AGENT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../stock-agent');

function pinnedAgentsVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(STOCK_AGENT_DIR, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  return pkg.dependencies['@livekit/agents']!;
}

function installedAgentsVersion(): string | null {
  const file = path.join(STOCK_AGENT_DIR, 'node_modules/@livekit/agents/package.json');
  if (!existsSync(file)) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * Installs the stock agent's package from its lock file (npm registry only; a fresh clone has no
 * node_modules there) unless the pinned version is already installed.
 */
export function ensureStockAgentInstalled(): void {
  if (installedAgentsVersion() === pinnedAgentsVersion()) return;
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: STOCK_AGENT_DIR,
    encoding: 'utf8',
    env: {
      ...process.env,
      ONNXRUNTIME_NODE_INSTALL: 'skip',
      ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip',
      NODE_LLAMA_CPP_SKIP_DOWNLOAD: 'true',
    },
  });
  if (result.status !== 0) {
    throw new Error(`npm ci in ${STOCK_AGENT_DIR} failed (${result.status}):\n${result.stderr.slice(-4000)}`);
  }
  if (installedAgentsVersion() !== pinnedAgentsVersion()) {
    throw new Error(`@livekit/agents ${pinnedAgentsVersion()} is not what npm ci installed in ${STOCK_AGENT_DIR}`);
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface StockAgentWorker {
  process: ChildProcess;
  /** Everything the worker printed (its JSON log lines), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node tone-agent.mjs start` against `url` with the given credentials. */
export async function startStockAgent(opts: {
  url: string;
  apiKey: string;
  apiSecret: string;
  agentName?: string;
  /** livekit_agent.proto's JobType (room by default). */
  jobType?: JobType;
}): Promise<StockAgentWorker> {
  let output = '';
  const child = spawn(process.execPath, ['tone-agent.mjs', 'start', '--log-level', 'debug'], {
    cwd: STOCK_AGENT_DIR,
    env: {
      ...process.env,
      LIVEKIT_URL: opts.url,
      LIVEKIT_API_KEY: opts.apiKey,
      LIVEKIT_API_SECRET: opts.apiSecret,
      LIVEKIT_AGENT_NAME: opts.agentName ?? '',
      AGENT_JOB_TYPE: String(opts.jobType ?? JobType.JT_ROOM),
      AGENT_HEALTH_PORT: String(await freePort()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() also ends the job processes it forks.
    detached: true,
  });
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
      await exited;
    },
  };
}
