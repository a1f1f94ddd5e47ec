// --toy-agent workers (#18 item 4): the Hearth server registers no agent worker of its own, so every
// LiveKit toy's job goes to a worker started elsewhere (npm run agent; here the stub worker process
// with engine doubles). Beside a real LiveKit server the same switch keeps the server's agent out of
// the toys' rooms, and LiveKit dispatches to the scaled workers. Real Hearth server, real rtc-node toy.
import { afterAll, describe, expect, it } from 'vitest';
import { useToyServer } from '../agent/toy-server.ts';
import { waitFor } from '../livekit/helpers/rtc-node-participant.ts';
import { agentWorkerToken, jobAssignments, startWorkerProcess, type WorkerProcess } from './worker-process.ts';

describe('--toy-agent workers: only workers elsewhere serve the toys', () => {
  const session = useToyServer({ args: ['--toy-agent', 'workers'] });
  let external: WorkerProcess | undefined;
  afterAll(() => {
    external?.child.kill('SIGKILL');
  });

  const assignments = () => jobAssignments(session.toyServer.server.output());

  it('gives both toys to the worker process, none to the server itself', async () => {
    const { server } = session.toyServer;
    external = await startWorkerProcess(server.url.replace(/^http/, 'ws'), await agentWorkerToken(server.dataDir), 2);

    const bear = await session.toyServer.registerToy('Bear');
    const owl = await session.toyServer.registerToy('Owl');
    const bearToy = await session.connect('bear', bear);
    const owlToy = await session.connect('owl', owl);
    try {
      await waitFor('both jobs assigned', () => assignments().length >= 2, 30_000);
      expect(new Set(assignments().map((a) => a.worker))).toEqual(new Set([external.workerId]));
      await waitFor(
        'the worker to start both jobs',
        () => external!.events.filter((e) => e.event === 'jobStarted').length >= 2,
        30_000,
      );
      const rooms = external.events.filter((e) => e.event === 'jobStarted').map((e) => e.room);
      expect(rooms.sort()).toEqual([`device-${bear.id}`, `device-${owl.id}`].sort());
    } catch (error) {
      throw new Error(`${String(error)}\nserver:\n${server.output().slice(-4000)}`, { cause: error });
    } finally {
      await bearToy.disconnect();
      await owlToy.disconnect();
    }
  }, 180_000);
});
