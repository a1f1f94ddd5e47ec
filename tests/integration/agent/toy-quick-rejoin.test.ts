// A toy that switches off and straight back on while a parent watches its live transcript: the
// parent keeps the room open, so the dispatcher's job for the room is still the leaving agent's and
// no new job comes. The toy must still get an agent (the supervisor starts one once the old agent
// has gone, and a job that arrives while it is going waits for it instead of failing). Real server,
// embedded room server and dispatch; the toy is the simulator's ToyClient, the parent an rtc-node
// participant with the observer token. A CI run once saw the reconnected toy wait 60 s for nobody.
import { Room } from '@livekit/rtc-node';
import { describe, expect, it } from 'vitest';
import { ToyClient } from '../../../server/toys/simulator/livekit-toy.ts';
import { observerGrant, useToyServer } from './toy-server.ts';

describe('a toy back at once while a parent watches', () => {
  const toys = useToyServer({ withoutPacks: ['piper-contract'] });

  it('gets an agent again each time it reconnects straight after switching off', async () => {
    const { server } = toys.toyServer;
    const first = await toys.connect('Blinking bear');
    const registered = { id: first.deviceId, credential: first.credential };
    const parent = new Room();
    let toy: ToyClient = first;
    try {
      const grant = await observerGrant(server.url, first.deviceId);
      await parent.connect(grant.url, grant.token, { autoSubscribe: true, dynacast: false });

      // Three off-and-on cycles, each switched off mid-reply (the old agent then has a turn to wind
      // up as it leaves) and back on without waiting for the old agent to go.
      for (let cycle = 1; cycle <= 3; cycle++) {
        const since = Date.now();
        await toy.type('Once upon a time, there was a little fox who lived in the woods.');
        await toy.waitForMessage(
          `the agent to answer in cycle ${cycle}`,
          (m) => m.type === 'state' && (m.state === 'thinking' || m.state === 'speaking'),
          90_000,
          since,
        );
        await toy.disconnect();
        // ToyClient.connect resolves once an agent has joined the room.
        toy = await toys.connect(`Blinking bear, back ${cycle}`, registered);
      }
      const since = Date.now();
      await toy.type('Are you still there?');
      const reply = await toy.waitForMessage(
        'the last reply',
        (m) => m.type === 'transcript' && m.role === 'agent' && m.final,
        90_000,
        since,
      );
      expect(reply.type).toBe('transcript');
      expect(server.output()).not.toMatch(/agent session crashed/);
    } catch (error) {
      throw toys.withContext(error);
    } finally {
      await parent.disconnect().catch(() => undefined);
      await toy.disconnect();
    }
  }, 600_000);
});
