// Songs and stories for a toy whose agent is a worker on another machine (#18): the real
// `npm run agent` (server/agent-worker/main.ts, with its own copy of the contract models) serves a
// toy of a Hearth server started with --toy-agent workers, and a song the toy asks for by name is
// found in the server's starter library and streamed to the worker through the toy job API, then
// into the toy's room on the media track. Real Hearth server, real worker process, real rtc-node toy.
import { afterAll, describe, expect, it } from 'vitest';
import type { AgentMessage } from '../../../server/agent/protocol.ts';
import { waitUntil, type ToyMessage } from '../../../server/toys/simulator/livekit-toy.ts';
import { untilAgentHears } from '../../helpers/toy-waits.ts';
import { useToyServer } from '../agent/toy-server.ts';
import { startAgentWorker, workerModels, type AgentWorkerProcess } from './agent-cli-process.ts';

type MediaMessage = Extract<AgentMessage, { type: 'media' }> & ToyMessage;
const isMedia = (m: ToyMessage): m is MediaMessage => m.type === 'media';

describe('a toy served by a worker elsewhere plays from the home library', () => {
  const session = useToyServer({ args: ['--toy-agent', 'workers'] });
  // The worker machine's own model folder: the same packs as the server's, in one place.
  const models = workerModels();
  let worker: AgentWorkerProcess | undefined;
  afterAll(async () => {
    await worker?.kill();
    models.cleanup();
  });

  it('finds the song on the Hearth server and streams it into the room', async () => {
    const { server } = session.toyServer;
    worker = await startAgentWorker({ serverUrl: server.url, dataDir: server.dataDir, models, capacity: 1 });
    const toy = await session.connect('Song bear');
    try {
      await untilAgentHears(toy, 150_000);
      await toy.type('play twinkle twinkle');
      const playing = await toy.waitForMessage(
        'the song to start',
        (m): m is MediaMessage => isMedia(m) && m.status === 'playing',
        60_000,
      );
      expect(playing.title).toMatch(/Twinkle/);
      expect(playing.kind).toBe('song');
      // Its audio reaches the toy on the media track, streamed from the home server by the worker.
      await waitUntil('half a second of the song', () => toy.media.audibleFrames(playing.atMs) > 50, 30_000);
      expect(worker.log()).toContain('worker agent joined toy room');
    } catch (error) {
      throw new Error(
        `${String(error)}\ntoy:\n${session.lines.join('\n')}\nworker:\n${worker.log().slice(-4000)}\nserver:\n${server.output().slice(-3000)}`,
        { cause: error },
      );
    } finally {
      await toy.disconnect();
    }
  }, 240_000);
});
