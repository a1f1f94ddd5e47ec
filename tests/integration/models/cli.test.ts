// Smoke test of `npm run models -- …` (the CLI as a child process) against a local model host.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelPack } from '../../../server/models/manifest.ts';
import { fakeUrl, makeWorkspace, pseudoRandomBytes, urlPack, urlPathOf, type TempWorkspace } from './helpers/fixtures.ts';
import { ModelFileServer } from './helpers/model-file-server.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    // Asynchronous on purpose: the test's HTTP server must keep answering while the CLI runs.
    execFile('npx', ['tsx', 'server/models/cli.ts', ...args], { cwd: REPO_ROOT, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('models CLI', { timeout: 60_000 }, () => {
  const server = new ModelFileServer();
  let ws: TempWorkspace;
  const weights = pseudoRandomBytes(300_000, 'cli-weights');
  const vad: ModelPack = {
    id: 'silero-vad-v5',
    role: 'vad',
    title: 'Silero VAD v5',
    engine: 'silero',
    tier: 'recommended',
    license: 'MIT',
    description: '',
    files: [{ path: 'silero_vad_v5.onnx', bytes: null, sha256: null, source: { kind: 'npm', package: '@ricky0123/vad-web', path: 'dist/silero_vad_v5.onnx' } }],
  };

  beforeAll(async () => {
    server.add(urlPathOf(fakeUrl('test-org/tiny-stt', 'onnx/model.onnx')), weights);
    server.dropAfter.set(urlPathOf(fakeUrl('test-org/tiny-stt', 'onnx/model.onnx')), 100_000);
    await server.start();
    ws = await makeWorkspace([vad, urlPack('tiny-stt', [{ path: 'onnx/model.onnx' }]), urlPack('gone', [{ path: 'x.bin' }], { role: 'tts' })]);
  });

  afterAll(async () => {
    await server.close();
    await ws.cleanup();
  });

  const common = (): string[] => ['--manifest', ws.manifestPath, '--models-dir', ws.modelsDir, '--model-path', ''];

  it('lists packs with their state and the command that fixes them', async () => {
    const r = await runCli(['list', ...common()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ROLE\s+PACK\s+TIER\s+SIZE\s+STATE\s+FIX/);
    expect(r.stdout).toMatch(/vad\s+\* silero-vad-v5\s+recommended\s+2\.22 MB\s+ready/);
    expect(r.stdout).toMatch(/stt\s+tiny-stt\s+recommended\s+\?\s+missing\s+npm run models -- download tiny-stt/);
  });

  it('downloads through a mirror (resuming a dropped connection), then lists and verifies it as ready', async () => {
    const r = await runCli(['download', 'tiny-stt', '--mirror', server.baseUrl, ...common()]);
    expect(r.stderr).not.toContain('FAILED');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tiny-stt: ready');
    expect(server.requests.some((q) => q.status === 206)).toBe(true);

    const list = await runCli(['list', ...common()]);
    expect(list.stdout).toMatch(/stt\s+\* tiny-stt\s+recommended\s+293 KB\s+ready/);

    const verify = await runCli(['verify', 'tiny-stt', ...common()]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain('ok       tiny-stt/onnx/model.onnx');
  });

  it('exits 1 with an offline hint when a download fails', async () => {
    const r = await runCli(['download', 'gone', '--mirror', server.baseUrl, ...common()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gone/x.bin: HTTP 404');
    expect(r.stderr).toContain('no internet? import from a folder with: npm run models -- import');
  });

  it('verify exits 1 and names a corrupt file', async () => {
    await writeFile(join(ws.modelsDir, 'tiny-stt', 'onnx', 'model.onnx'), pseudoRandomBytes(300_000, 'other'));
    const r = await runCli(['verify', ...common()]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('CORRUPT  tiny-stt/onnx/model.onnx');
    expect(r.stdout).toContain('ok       silero-vad-v5/silero_vad_v5.onnx');
  });
});
