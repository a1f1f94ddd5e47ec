// `npm run agent -- --url ws://<home-box>:8787 --key <api key> --secret <api secret>`: a Hearth toy
// agent worker alone, on this machine with its own engines (model packs here, or a LAN LLM). It
// registers with the room server's /agent endpoint (Hearth's embedded one, or a LiveKit server)
// and runs the toy rooms it is given. A token with the agent grant may be given instead of the key
// pair (--token); the key pair is only used to sign that token here.
import { parseArgs } from 'node:util';
import { AccessToken } from 'livekit-server-sdk';
import { AGENT_IDENTITY } from '../agent/protocol.ts';
import type { AgentEngines } from '../agent/agent-session.ts';
import { canExtractFacts, type AgentLog } from '../agent/supervisor.ts';
import { ModelStore } from '../models/store.ts';
import { remoteToyConversation } from './remote-toy-conversation.ts';
import { jobApiCaller } from './job-api-client.ts';
import { fetchToyJobInfo, toyJobReports } from './toy-job-api.ts';
import { remoteMediaLibrary } from './toy-job-media.ts';
import { isToyJob, toyJobRunner } from './toy-job-runner.ts';
import { AgentWorker } from './worker-client.ts';

const USAGE = `usage: npm run agent -- --url ws://host:port (--token <jwt> | --key <api key> --secret <api secret>)
  [--hearth-url http://host:port] [--capacity 2] [--agent-name ''] [--manifest models/manifest.json] [--models-dir models]
  [--llm-url http://lan-llm:11434/v1 --llm-model name]
Environment: LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET, HEARTH_MODELS_DIR, HEARTH_MODELS_MANIFEST.`;

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    token: { type: 'string' },
    key: { type: 'string' },
    secret: { type: 'string' },
    capacity: { type: 'string', default: '2' },
    'agent-name': { type: 'string', default: '' },
    manifest: { type: 'string' },
    'models-dir': { type: 'string' },
    'hearth-url': { type: 'string' },
    'llm-url': { type: 'string' },
    'llm-model': { type: 'string' },
    help: { type: 'boolean' },
  },
});

const log: AgentLog = (level, msg, extra) =>
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level, msg, ...extra })}\n`);

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const url = values.url ?? process.env.LIVEKIT_URL;
if (!url || !/^wss?:\/\//.test(url)) fail('--url must be the room server as ws:// or wss://');
const capacity = Number(values.capacity);
if (!Number.isInteger(capacity) || capacity < 1) fail('--capacity must be a whole number of toys, 1 or more');

async function workerToken(): Promise<string> {
  if (values.token) return values.token;
  const key = values.key ?? process.env.LIVEKIT_API_KEY;
  const secret = values.secret ?? process.env.LIVEKIT_API_SECRET;
  if (!key || !secret) fail('give --token, or --key and --secret (or LIVEKIT_API_KEY / LIVEKIT_API_SECRET)');
  // What @livekit/agents does: a token with only the agent grant.
  const at = new AccessToken(key, secret, { ttl: 24 * 3600 });
  at.addGrant({ agent: true });
  return at.toJwt();
}

const models = await ModelStore.open({
  manifestPath: values.manifest ?? process.env.HEARTH_MODELS_MANIFEST ?? 'models/manifest.json',
  modelsDir: values['models-dir'] ?? process.env.HEARTH_MODELS_DIR ?? 'models',
});
const llmUrl = values['llm-url'];
const llmModel = values['llm-model'];
if (llmUrl && !llmModel) fail('--llm-url needs --llm-model');

// Engines load on the first job and are shared by all of this worker's toys.
let engines: Promise<AgentEngines> | null = null;
const loadEngines = (): Promise<AgentEngines> =>
  (engines ??= (async () => {
    await models.verifyInBackground().catch(() => undefined);
    const loaded = await (
      await import('../engines/index.ts')
    ).createServerEngines({
      models,
      remoteLlm: llmUrl && llmModel ? { url: llmUrl, model: llmModel } : null,
      skip: ['embeddings'],
    });
    log('info', 'agent worker engines loaded', { report: loaded.report });
    const { createVad, stt, llm, tts, turnEnd } = loaded;
    if (!createVad || !stt || !llm)
      throw new Error(`the toy agent needs VAD, STT and an LLM: ${loaded.report.join('; ')}`);
    return { createVad, stt, llm, tts, turnEnd };
  })().catch((error: unknown) => {
    engines = null; // try again for the next job
    throw error;
  }));

// Each toy's persona, limits, volume and turn-taking come from the Hearth server, asked with the job's own room token
// (server/agent-worker/toy-job-api.ts). With the embedded room server that is the same address.
const hearthUrl = values['hearth-url'] ?? url.replace(/^ws/, 'http');
if (!/^https?:\/\//.test(hearthUrl)) fail('--hearth-url must be the Hearth server as http:// or https://');

// Installed before connecting: a stop asked for while registering still leaves cleanly.
let worker: AgentWorker | null = null;
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopping = true;
    void (worker?.close() ?? Promise.resolve()).then(() => process.exit(0));
  });
}

worker = await AgentWorker.connect({
  url,
  token: await workerToken(),
  agentName: values['agent-name'],
  capacity,
  accepts: isToyJob,
  participant: { identity: AGENT_IDENTITY, name: 'Hearth' },
  runJob: toyJobRunner({
    engines: loadEngines,
    toy: async (job) => {
      const info = await fetchToyJobInfo(hearthUrl, job.token);
      // One caller per job: its token is renewed once for the reports and the media alike.
      const api = jobApiCaller(hearthUrl, job.token);
      return {
        persona: info.persona,
        media: remoteMediaLibrary(api),
        conversation: (jobEngines) =>
          remoteToyConversation(info, {
            reports: toyJobReports(api),
            judgeLlm: canExtractFacts(jobEngines.llm) ? jobEngines.llm : null,
            onProblem: (message, error) => log('warn', message, { job: job.id, error: String(error) }),
          }),
      };
    },
    log,
  }),
  log,
});
worker.on('jobStarted', (job) => log('info', 'job started', { job: job.id, room: job.room }));
worker.on('jobEnded', (job, status, error) => log('info', 'job ended', { job, status, error }));
worker.on('closed', (code, reason) => {
  if (stopping) return;
  log('warn', 'the room server closed the worker connection', { code, reason });
  process.exit(1);
});
