// A Hearth worker process for the dispatch tests: the real AgentWorker and toy job runner (the same
// AgentSession the server's agent runs), with the ENGINE DOUBLES of tests/integration/agent (they
// hear and say nothing), so the test is about dispatch and failover, not speech. It prints one JSON
// line per event on stdout so the test can wait on them; the test kills it with SIGKILL.
//   tsx stub-worker-process.ts <url> <token> <capacity>
import { AGENT_IDENTITY } from '../../../server/agent/protocol.ts';
import { toyJobRunner, isToyJob } from '../../../server/agent-worker/toy-job-runner.ts';
import { AgentWorker } from '../../../server/agent-worker/worker-client.ts';
import { builtinPersona, CHILD_COMPANION_ID, toPromptPersona } from '../../../src/core/personas/index.ts';
import { stubEngines } from '../agent/stub-engines.ts';

const [url, token, capacity] = process.argv.slice(2);
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
const record = builtinPersona(CHILD_COMPANION_ID);
if (!url || !token || !record) throw new Error('usage: stub-worker-process.ts <url> <token> <capacity>');

const engines = stubEngines();
const { createVad, stt, llm, tts } = engines;
if (!createVad || !stt || !llm) throw new Error('stub engines lack a role');
const worker = await AgentWorker.connect({
  url,
  token,
  agentName: '',
  capacity: Number(capacity ?? 2),
  accepts: isToyJob,
  participant: { identity: AGENT_IDENTITY, name: 'Hearth' },
  runJob: toyJobRunner({
    engines: () => Promise.resolve({ createVad, stt, llm, tts }),
    toy: () => Promise.resolve({ persona: toPromptPersona(record) }),
    log: (level, msg, extra) => say({ event: 'log', level, msg, ...extra }),
  }),
});
say({ event: 'registered', workerId: worker.workerId });
worker.on('jobStarted', (job) => say({ event: 'jobStarted', job: job.id, room: job.room }));
worker.on('jobEnded', (job, status) => say({ event: 'jobEnded', job, status }));
worker.on('closed', () => process.exit(0));
process.once('SIGTERM', () => void worker.close().then(() => process.exit(0)));
