// `npm run toy -- --protocol xiaozhi-ws` against the real server: the simulated stock toy pairs itself
// with the household key (typing the code it was given), says one utterance, writes the reply WAV
// and prints per-stage timings; `--protocol livekit` still runs the LiveKit toy. Both ask for a story,
// which the built-in companion plays from the starter library.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWavFile } from '../../../server/agent/wav.ts';
import { rmsOf } from '../../../server/agent/resampler.ts';
import { PROJECT_ROOT } from '../../helpers/server.ts';
import { startToyServer, type ToyServer } from '../agent/toy-server.ts';
import { startCharacterLlm, type CharacterLlm } from './character-llm.ts';

const run = promisify(execFile);

describe('npm run toy -- --protocol xiaozhi-ws', () => {
  let server: ToyServer;
  let llm: CharacterLlm;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-toy-cli-'));

  beforeAll(async () => {
    llm = await startCharacterLlm([]);
    server = await startToyServer({ args: ['--llm-url', llm.url, '--llm-model', 'test-model'] });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await llm?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }, 60_000);

  it('pairs, talks, records the reply and prints timings; the LiveKit protocol still works', async () => {
    const out = path.join(tmp, 'xiaozhi.wav');
    const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    const main = path.join(PROJECT_ROOT, 'server', 'toys', 'simulator', 'main.ts');
    const xiaozhi = await run(
      tsx,
      [
        main,
        '--protocol',
        'xiaozhi-ws',
        '--server',
        server.server.url,
        '--household-key',
        server.householdKey,
        '--name',
        'CLI bear',
        '--child-age',
        '6',
        '--say',
        'Tell me a story please.',
        '--out',
        out,
        '--timeout',
        '120',
      ],
      { cwd: PROJECT_ROOT, timeout: 180_000 },
    );
    expect(xiaozhi.stdout).toMatch(/the toy says its pairing code: \d{6}/);
    expect(xiaozhi.stdout).toMatch(/you said: Tell me a story\./);
    // The built-in companion has the story tool: it plays a library story, and the toy waits for its end.
    expect(xiaozhi.stdout).toMatch(/Hearth: .*Here's a story: /);
    const timings = JSON.parse(/timings: (.*)/.exec(xiaozhi.stdout)?.[1] ?? 'null') as {
      otaMs: number;
      turns: { sttAfterSpeechMs: number; firstAudioAfterSpeechMs: number }[];
    };
    expect(timings.turns[0]?.sttAfterSpeechMs).toEqual(expect.any(Number));
    expect(timings.turns[0]?.firstAudioAfterSpeechMs).toEqual(expect.any(Number));
    const wav = readWavFile(out);
    expect(wav.sampleRate).toBe(24000);
    expect(rmsOf(wav.samples)).toBeGreaterThan(0.01);

    const livekitOut = path.join(tmp, 'livekit.wav');
    const livekit = await run(
      tsx,
      [
        main,
        '--server',
        server.server.url,
        '--household-key',
        server.householdKey,
        '--device',
        'CLI LiveKit bear',
        '--child-age',
        '6',
        '--say',
        'Tell me a story.',
        '--out',
        livekitOut,
        '--timeout',
        '120',
      ],
      { cwd: PROJECT_ROOT, timeout: 180_000 },
    );
    expect(livekit.stdout).toMatch(/agent: Here's a story: /);
    expect(fs.existsSync(livekitOut)).toBe(true);
  }, 300_000);
});
