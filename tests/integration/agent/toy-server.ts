// A Hearth server for the toy tests: the real server and embedded room server, the repo's contract
// Whisper pack (any speech → "Tell me a story.") plus the stories260K GGUF from tests/fixtures/models, and the starter
// library (a fresh server installs it anyway: narrated once per machine into tests/.tmp, copied here).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispose } from '@livekit/rtc-node';
import { afterAll, beforeAll } from 'vitest';
import { ToyClient } from '../../../server/toys/simulator/livekit-toy.ts';
import { householdKeyFile } from '../../../server/livekit/household-key.ts';
import { FIXTURE_MODELS, startHearthServer, starterCache, type RunningServer } from '../../helpers/server.ts';
import { generateIntoTempDir } from '../contract-models/generate-fixture.ts';
import { TEST_CHILD_AGE, TEST_CONSENT } from '../../helpers/toy-consent.ts';

export interface ToyServer {
  server: RunningServer;
  householdKey: string;
  /** Registers a toy and returns its id and credential. */
  registerToy(name: string): Promise<{ id: string; credential: string }>;
  stop(): Promise<void>;
}

interface CatalogInfo {
  phase: string;
  items: { id: string; title: string }[];
}

export interface ToyServerOptions {
  /** Extra server flags (e.g. --llm-url for a test LLM endpoint). */
  args?: string[];
  env?: Record<string, string>;
  /** Model packs left out of the generated manifest (e.g. 'piper-contract', so the agent speaks with the classic flite voice). */
  withoutPacks?: string[];
}

/** A toy server for one test file, started in beforeAll and stopped in afterAll, with its toys. */
export interface ToyServerSession {
  /** The running server: read it inside tests and hooks. */
  readonly toyServer: ToyServer;
  /** Every line the toys printed, each after its toy's name: for failure messages. */
  readonly lines: string[];
  /** Connects a toy: registers `name` with the household key, or rejoins as an already registered device. */
  connect(name: string, registered?: { id: string; credential: string }): Promise<ToyClient>;
  /** A failed test's error with what the toys printed and the end of the server's output. */
  withContext(error: unknown, serverTail?: number): Error;
}

export async function startToyServer(opts: ToyServerOptions = {}): Promise<ToyServer> {
  const generated = generateIntoTempDir();
  if (opts.withoutPacks?.length) {
    const manifest = JSON.parse(fs.readFileSync(generated.manifestPath, 'utf8')) as { packs: { id: string }[] };
    manifest.packs = manifest.packs.filter((p) => !opts.withoutPacks?.includes(p.id));
    fs.writeFileSync(generated.manifestPath, JSON.stringify(manifest));
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-toy-'));
  const mediaDir = path.join(tmp, 'media');
  fs.cpSync(await starterCache(), mediaDir, { recursive: true });
  let server: RunningServer | null = null;
  const cleanup = async () => {
    await server?.stop();
    generated.cleanup();
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    server = await startHearthServer({
      args: [
        '--manifest',
        generated.manifestPath,
        '--model-path',
        [generated.outDir, FIXTURE_MODELS].join(path.delimiter),
        '--media-dir',
        mediaDir,
        ...(opts.args ?? []),
      ],
      env: { HEARTH_LOG_LEVEL: 'info', ...opts.env },
    });
    const url = server.url;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const info = (await (await fetch(`${url}/api/catalog`)).json()) as CatalogInfo;
      if (info.phase === 'ready' && info.items.some((i) => /twinkle/i.test(i.title))) break;
      if (Date.now() > deadline)
        throw new Error(
          `the starter library was not scanned in 60 s: ${JSON.stringify(info.items.map((i) => i.title))}`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
    const householdKey = fs.readFileSync(householdKeyFile(server.dataDir), 'utf8').trim();
    return {
      server,
      householdKey,
      async registerToy(name) {
        const res = await fetch(`${url}/api/devices`, {
          method: 'POST',
          headers: { authorization: `Bearer ${householdKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name, consent: TEST_CONSENT }),
        });
        if (!res.ok) throw new Error(`registering ${name}: HTTP ${res.status} ${await res.text()}`);
        return (await res.json()) as { id: string; credential: string };
      },
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Starts a toy server in beforeAll (2 minutes: it may narrate the starter library) and stops it, and rtc-node, in afterAll. */
export function useToyServer(opts: ToyServerOptions = {}): ToyServerSession {
  let toyServer: ToyServer | undefined;
  const lines: string[] = [];
  beforeAll(async () => {
    toyServer = await startToyServer(opts);
  }, 120_000);
  // A minute: a server stopping while its engines still load (a toy connected just before) waits for them.
  afterAll(async () => {
    await toyServer?.stop();
    await dispose();
  }, 60_000);
  const started = (): ToyServer => {
    if (!toyServer)
      throw new Error("the toy server is not started: use it inside a test or a hook after useToyServer's beforeAll");
    return toyServer;
  };
  return {
    get toyServer() {
      return started();
    },
    lines,
    withContext(error, serverTail = 4000) {
      const output = started().server.output().slice(-serverTail);
      return new Error(`${String(error)}\ntoy:\n${lines.join('\n')}\nserver:\n${output}`, { cause: error });
    },
    connect(name, registered) {
      const { server, householdKey } = started();
      return ToyClient.connect({
        server: server.url,
        timeoutMs: 90_000,
        print: (l) => lines.push(`${name}: ${l}`),
        ...(registered
          ? { device: registered.id, credential: registered.credential }
          : { householdKey, device: name, childAge: TEST_CHILD_AGE }),
      });
    },
  };
}

/** Sets the parent PIN on a running server and returns an admin session token (Settings' PIN login). */
export async function adminSession(url: string, pin = '2468'): Promise<string> {
  const set = await fetch(`${url}/api/admin/pin`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pin }),
  });
  if (set.status !== 204) throw new Error(`setting the PIN: HTTP ${set.status} ${await set.text()}`);
  const session = await fetch(`${url}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pin }),
  });
  return ((await session.json()) as { token: string }).token;
}

/** A parent's hidden observer grant for one toy's room (what the parent page's live transcript uses). */
export async function observerGrant(
  url: string,
  deviceId: string,
): Promise<{ url: string; token: string; identity: string }> {
  const admin = await adminSession(url);
  const res = await fetch(`${url}/api/devices/${deviceId}/observer-token`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}` },
  });
  if (res.status !== 200) throw new Error(`the observer token: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as { url: string; token: string; identity: string };
}
