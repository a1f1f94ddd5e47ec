// The Hearth server's own toy agent goes through the embedded room server's dispatch (#18): it is
// one agent worker among others, so a worker process started beside it (npm run agent; here the
// stub worker process with engine doubles) shares the toys instead of sending a second agent into
// the same room. Real Hearth server with the contract engines, real rtc-node toys.
import { afterAll, describe, expect, it } from 'vitest';
import { useToyServer } from '../agent/toy-server.ts';
import { waitFor } from '../livekit/helpers/rtc-node-participant.ts';
import { agentWorkerToken, jobAssignments, startWorkerProcess, type WorkerProcess } from './worker-process.ts';

describe('the in-process agent is a dispatched worker', () => {
  const session = useToyServer();
  let external: WorkerProcess | undefined;
  afterAll(() => {
    external?.child.kill('SIGKILL');
  });

  const assignments = () => jobAssignments(session.toyServer.server.output());

  it('toys spread over the in-process worker and a worker process, one agent per toy room', async () => {
    const { server } = session.toyServer;
    external = await startWorkerProcess(server.url.replace(/^http/, 'ws'), await agentWorkerToken(server.dataDir), 2);

    // The in-process worker registered at listen, before the process: equal loads go to it first,
    // then the least loaded (the process, with none).
    const bear = await session.toyServer.registerToy('Bear');
    const owl = await session.toyServer.registerToy('Owl');
    const bearToy = await session.connect('bear', bear);
    const owlToy = await session.connect('owl', owl);
    try {
      await waitFor('both jobs assigned', () => assignments().length >= 2, 30_000);
      const byRoom = new Map(assignments().map((a) => [a.room, a.worker]));
      expect([...byRoom.keys()].sort()).toEqual([`device-${bear.id}`, `device-${owl.id}`].sort());
      expect(byRoom.get(`device-${owl.id}`)).toBe(external.workerId);
      expect(byRoom.get(`device-${bear.id}`)).not.toBe(external.workerId);
      // The process ran exactly one job, the owl's: nobody sent a second agent into the bear's room.
      const started = external.events.filter((e) => e.event === 'jobStarted');
      expect(started.map((e) => e.room)).toEqual([`device-${owl.id}`]);
      expect(assignments()).toHaveLength(2);
    } catch (error) {
      throw new Error(`${String(error)}\nserver:\n${server.output().slice(-4000)}`, { cause: error });
    } finally {
      await bearToy.disconnect();
      await owlToy.disconnect();
    }
  }, 180_000);
});
