// Songs and stories for a toy whose agent is a worker on another machine (#18): the real
// `npm run agent` (server/agent-worker/main.ts, with its own copy of the contract models) serves a
// toy of a Hearth server started with --toy-agent workers, and a song the toy asks for by name is
// found in the server's starter library and streamed to the worker through the toy job API, then
// into the toy's room on the media track. Real Hearth server, real worker process, real rtc-node toy.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AgentMessage } from '../../../server/agent/protocol.ts';
import { waitUntil, type ToyMessage } from '../../../server/toys/simulator/livekit-toy.ts';
import { FIXTURE_MODELS } from '../../helpers/server.ts';
import { untilAgentHears } from '../../helpers/toy-waits.ts';
import { generateIntoTempDir } from '../contract-models/generate-fixture.ts';
import { useToyServer } from '../agent/toy-server.ts';
import { agentWorkerToken } from './worker-process.ts';

const CLI = path.join(import.meta.dirname, '..', '..', '..', 'server', 'agent-worker', 'main.ts');

type MediaMessage = Extract<AgentMessage, { type: 'media' }> & ToyMessage;
const isMedia = (m: ToyMessage): m is MediaMessage => m.type === 'media';

describe('a toy served by a worker elsewhere plays from the home library', () => {
  const session = useToyServer({ args: ['--toy-agent', 'workers'] });
  const generated = generateIntoTempDir();
  // The worker machine's own model folder: the same packs as the server's, in one place.
  const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-worker-models-'));
  for (const root of [generated.outDir, FIXTURE_MODELS])
    for (const pack of fs.readdirSync(root, { withFileTypes: true }))
      if (pack.isDirectory()) fs.symlinkSync(path.join(root, pack.name), path.join(modelsDir, pack.name));
  let worker: ChildProcess | undefined;
  let workerLog = '';
  afterAll(() => {
    worker?.kill('SIGKILL');
    generated.cleanup();
    fs.rmSync(modelsDir, { recursive: true, force: true });
  });

  it('finds the song on the Hearth server and streams it into the room', async () => {
    const { server } = session.toyServer;
    worker = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        CLI,
        '--url',
        server.url.replace(/^http/, 'ws'),
        '--token',
        await agentWorkerToken(server.dataDir),
        '--hearth-url',
        server.url,
        '--manifest',
        generated.manifestPath,
        '--models-dir',
        modelsDir,
        '--capacity',
        '1',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    worker.stderr?.on('data', (d: Buffer) => (workerLog += d.toString()));
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
      expect(workerLog).toContain('worker agent joined toy room');
    } catch (error) {
      throw new Error(
        `${String(error)}\ntoy:\n${session.lines.join('\n')}\nworker:\n${workerLog.slice(-4000)}\nserver:\n${server.output().slice(-3000)}`,
        { cause: error },
      );
    } finally {
      await toy.disconnect();
    }
  }, 240_000);
});
