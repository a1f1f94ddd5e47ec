// npm run bench:startup [-- --runs 5 --app-dir dist]
// Starts the real Hearth server (contract Whisper + stories260K, as the tests use) and headless
// Chromium with a persistent profile, and measures, from navigation start:
//   - interactive: the app shell rendered and usable (the Talk orb and the navigation are there),
//   - listening: voice detection loaded, so the microphone can listen (Talk's can-listen=true: the
//     quick WebRTC detector, Silero taking over once its worker is up; the other engines keep
//     loading, and a turn waits for what it needs),
//   - voice ready: every engine loaded, so Hearth can hear and answer (Talk's engines-loading=false),
// cold (a fresh profile: no service worker, empty caches; the models are downloaded and verified),
// warm (the same profile again: service worker installed, models cached) and a kiosk's reload (the
// third of three loads in one browser session after that). In the warm run a
// typed conversation turn is held and the browser's memory measured while it runs: the page's own
// view (performance.measureUserAgentSpecificMemory, page + workers) and the PSS of every Chromium
// process (/proc). Also: where the time to "listening" went (the app's modules, the voice-detection
// worker, its model and onnxruntime session), when each engine started loading and was in (the
// engine hub's marks), where speech recognition's load went (its worker's report), and the main thread's long tasks (over 50 ms) before
// listening and before voice ready; and the path before (no quick detector, no early start of
// Silero) in a profile of its own, for ratios in the same run. Prints JSON (medians over the runs) and writes
// bench/results/startup.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { STARTUP_OLD_PATH_KEY } from '../../src/engines/vad/startup-path.ts';
import { CHROMIUM_PATH } from '../../tests/helpers/browser.ts';
import { PROJECT_ROOT } from '../../tests/helpers/server.ts';
import { summary } from '../stats.ts';
import { launchBenchBrowser, startBenchServer } from './bench-server.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'app-dir': { type: 'string', default: process.env.HEARTH_APP_DIR ?? 'dist' },
  },
});
const runs = Number(values.runs);
const appDir = path.resolve(PROJECT_ROOT, values['app-dir']);
if (!fs.existsSync(path.join(appDir, 'index.html'))) {
  throw new Error(`no built app in ${appDir}: run "npm run build" first (or pass --app-dir)`);
}

/** Main-thread long tasks (over 50 ms) from navigation start to a stage. */
interface LongTasks {
  count: number;
  longestMs: number;
  totalMs: number;
}

/** Where the time to "listening" went (ms from navigation start, or durations). */
interface ListeningStages {
  /** The app's modules loaded and evaluated. */
  appStartMs: number | null;
  /** Voice detection's worker started early, and onnxruntime in it (prewarmVoiceDetection). */
  vadPrewarmMs: number | null;
  /** How long starting onnxruntime took in that worker (its WASM and kernels). */
  ortStartMs: number | null;
  /** The server's list of models and the graphics check in: the engines are planned. */
  enginesPlannedMs: number | null;
  /** The planned packs found kept on this device (or downloaded): the engine hub starts. */
  packsKeptMs: number | null;
  /** Voice detection asked for by the engine hub (the model known). */
  vadStartMs: number | null;
  /** The quick (WebRTC) voice detection ready: listening can start (today's path only). */
  quickVadReadyMs: number | null;
  /** In the worker: starting it (script, onnxruntime's JS) and messaging. */
  vadWorkerStartMs: number | null;
  vadModelFetchMs: number | null;
  /** onnxruntime's WASM (fetch + compile) and the model's session. */
  vadSessionMs: number | null;
  vadReadyMs: number | null;
}

const ROLES = ['vad', 'stt', 'llm', 'tts'] as const;
/** Per engine role: when its load began and when it was in (ms from navigation start; EngineHub's marks). */
type EngineStages = Record<`${(typeof ROLES)[number]}${'StartMs' | 'ReadyMs'}`, number | null>;

/** Where speech recognition's load went (ms; the worker's report, `hearth:stt:loaded`). */
interface SpeechRecognitionStages {
  /** Starting its worker and evaluating the script (transformers.js, onnxruntime's JS). */
  workerScriptMs: number | null;
  workerToLoadMs: number | null;
  /** Choosing WebGPU or WASM (asking for a graphics adapter). */
  backendMs: number | null;
  filesMs: number | null;
  /** After the last file: onnxruntime's WASM, its start-up and the model's sessions. */
  sessionsMs: number | null;
}

interface Visit {
  interactiveMs: number;
  listeningMs: number;
  voiceReadyMs: number;
  listeningStages: ListeningStages;
  engineStages: EngineStages;
  sttStages: SpeechRecognitionStages;
  longTasksBeforeListening: LongTasks;
  longTasksBeforeVoiceReady: LongTasks;
  /** Model files fetched from the network (not answered by the service worker). */
  modelRequestsFromNetwork: number;
  modelBytesFromNetwork: number;
  controlledByServiceWorker: boolean;
}

interface MemorySample {
  /** measureUserAgentSpecificMemory: this page and its workers. */
  pageBytes: number | null;
  /** Sum of PSS over every Chromium process of this profile. */
  chromiumPssBytes: number;
}

/**
 * Records when the shell and the voice became ready, in the page's own clock (ms since navigation
 * start). Plain JS text: tsx's keepNames would wrap a bundled function with helpers the page lacks.
 * Polled every 5 ms (like the e2e traces) rather than observed: cheap, and sees the DOM as painted.
 */
const STARTUP_PROBE = `(() => {
  const marks = { interactive: null, listening: null, voiceReady: null, longTasks: [] };
  window.__startup = marks;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const timer = setInterval(() => {
    if (marks.interactive === null && document.querySelector('[data-testid="talk-orb"]') && document.querySelector('[data-testid="nav-settings"]')) marks.interactive = performance.now();
    if (marks.listening === null && document.querySelector('[data-testid="screen-talk"][data-can-listen="true"]')) marks.listening = performance.now();
    if (marks.voiceReady === null && document.querySelector('[data-testid="screen-talk"][data-engines-loading="false"]')) marks.voiceReady = performance.now();
    if (marks.voiceReady !== null) clearInterval(timer);
  }, 5);
})();`;

/** The old path, for comparison in the same run: no early start of Silero, listening waits for it (startup-path.ts). */
const OLD_PATH = `(() => { try { localStorage.setItem('${STARTUP_OLD_PATH_KEY}', '1'); } catch {} })();`;
const TODAYS_PATH = `(() => { try { localStorage.removeItem('${STARTUP_OLD_PATH_KEY}'); } catch {} })();`;

async function launch(profile: string, todaysPath = true): Promise<BrowserContext> {
  const context = await launchBenchBrowser(profile);
  await context.addInitScript({ content: todaysPath ? TODAYS_PATH : OLD_PATH });
  await context.addInitScript({ content: STARTUP_PROBE });
  return context;
}

/**
 * Asks the page every 100 ms with a plain expression. Playwright's waitForFunction would inject its
 * own script while the page starts (a 50-60 ms task here), and the bench would count it as Hearth's.
 */
async function waitForVoiceReady(page: Page, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate('window.__startup.voiceReady !== null'))) {
    if (Date.now() > deadline) throw new Error(`voice ready did not come within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function visit(context: BrowserContext, url: string): Promise<{ page: Page; visit: Visit }> {
  const page = context.pages()[0] ?? (await context.newPage());
  let modelRequestsFromNetwork = 0;
  let modelBytesFromNetwork = 0;
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/models/') || response.fromServiceWorker()) return;
    modelRequestsFromNetwork++;
    modelBytesFromNetwork += Number(response.headers()['content-length'] ?? 0);
  });
  await page.goto(url);
  await waitForVoiceReady(page, 180_000).catch(async (error: Error) => {
    const shot = path.join(PROJECT_ROOT, 'tests', '.tmp', 'bench-startup-timeout.png');
    await page.screenshot({ path: shot });
    throw new Error(
      `${error.message}\nmarks: ${JSON.stringify(await page.evaluate(() => (window as unknown as { __startup: unknown }).__startup))}; screenshot: ${shot}`,
    );
  });
  const marks = await page.evaluate(
    () =>
      (
        window as unknown as {
          __startup: {
            interactive: number;
            listening: number;
            voiceReady: number;
            longTasks: { start: number; duration: number }[];
          };
        }
      ).__startup,
  );
  // Plain JS text, like the probe (tsx would wrap named functions with a helper the page lacks).
  const { stages, engineStages, sttStages } = (await page.evaluate(`(() => {
    const mark = (name) => performance.getEntriesByName(name, 'mark')[0];
    const at = (name) => mark(name)?.startTime ?? null;
    const ready = mark('hearth:vad:ready');
    const detail = ready ? ready.detail : null;
    const stages = {
      appStartMs: at('hearth:app:start'),
      vadPrewarmMs: at('hearth:vad:prewarm'),
      ortStartMs: mark('hearth:vad:warm')?.detail?.ortStartMs ?? null,
      enginesPlannedMs: at('hearth:engines:planned'),
      packsKeptMs: at('hearth:engines:packs-kept'),
      vadStartMs: at('hearth:vad:start'),
      quickVadReadyMs: at('hearth:vad:quick-ready'),
      vadWorkerStartMs: detail?.workerStartMs ?? null,
      vadModelFetchMs: detail?.modelFetchMs ?? null,
      vadSessionMs: detail?.sessionMs ?? null,
      vadReadyMs: ready?.startTime ?? null,
    };
    const engineStages = {};
    for (const role of ${JSON.stringify(ROLES)}) {
      engineStages[role + 'StartMs'] = at('hearth:engine:' + role + ':start');
      // Voice detection is "in" once its own model took over from the quick detector.
      engineStages[role + 'ReadyMs'] = at('hearth:engine:' + role + ':upgraded') ?? at('hearth:engine:' + role + ':ready');
    }
    const stt = mark('hearth:stt:loaded')?.detail ?? {};
    const sttStages = {};
    for (const key of ['workerScriptMs', 'workerToLoadMs', 'backendMs', 'filesMs', 'sessionsMs']) sttStages[key] = stt[key] ?? null;
    return { stages, engineStages, sttStages };
  })()`)) as { stages: ListeningStages; engineStages: EngineStages; sttStages: SpeechRecognitionStages };
  const longTasksUntil = (until: number): LongTasks => {
    const tasks = marks.longTasks.filter((t) => t.start < until);
    return {
      count: tasks.length,
      longestMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
      totalMs: Math.round(tasks.reduce((sum, t) => sum + t.duration, 0)),
    };
  };
  const controlledByServiceWorker = await page.evaluate(() => Boolean(navigator.serviceWorker?.controller));
  return {
    page,
    visit: {
      interactiveMs: marks.interactive,
      listeningMs: marks.listening,
      voiceReadyMs: marks.voiceReady,
      listeningStages: stages,
      engineStages,
      sttStages,
      longTasksBeforeListening: longTasksUntil(marks.listening),
      longTasksBeforeVoiceReady: longTasksUntil(marks.voiceReady),
      modelRequestsFromNetwork,
      modelBytesFromNetwork,
      controlledByServiceWorker,
    },
  };
}

/** PSS of the Chromium processes started for `profile` (the browser, found by its --user-data-dir, and its descendants). */
function chromiumPss(profile: string): number {
  const parents = new Map<number, number>();
  let root: number | null = null;
  for (const entry of fs.readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (root === null && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${profile}`))
        root = pid;
    } catch {
      // The process ended while we looked.
    }
  }
  if (root === null) return 0;
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parents)
      if (!tree.has(pid) && tree.has(ppid)) {
        tree.add(pid);
        grew = true;
      }
  }
  let total = 0;
  for (const pid of tree) {
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      total += Number(m?.[1] ?? 0) * 1024;
    } catch {
      // Gone, or not readable.
    }
  }
  return total;
}

async function memoryDuringTurn(page: Page, profile: string): Promise<MemorySample & { replyChars: number }> {
  await page.getByTestId('talk-text-input').fill('Hello! Who are you?');
  await page.getByTestId('talk-send').click();
  const reply = page.getByTestId('talk-line-hearth').last();
  await reply.waitFor({ timeout: 60_000 });
  // Mid-turn: the model is generating and the voice speaking.
  await page.waitForTimeout(1_500);
  const chromiumPssBytes = chromiumPss(profile);
  const pageBytes = await page.evaluate(async () => {
    const measure = (performance as unknown as { measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }> })
      .measureUserAgentSpecificMemory;
    if (!crossOriginIsolated || !measure) return null;
    // Chromium answers at its next garbage collection; do not wait forever for it.
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 30_000));
    return Promise.race([measure.call(performance).then((r) => r.bytes), timeout]);
  });
  const replyChars = (await reply.textContent())?.length ?? 0;
  return { pageBytes, chromiumPssBytes, replyChars };
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-startup-'));
const server = await startBenchServer(appDir, tmp);
const cold: Visit[] = [];
const warm: Visit[] = [];
const reloads: Visit[] = [];
const coldOldPath: Visit[] = [];
const warmOldPath: Visit[] = [];
const memory: MemorySample[] = [];
try {
  for (let run = 0; run < runs; run++) {
    const profile = fs.mkdtempSync(path.join(tmp, `profile-${run}-`));
    const first = await launch(profile);
    try {
      cold.push((await visit(first, server.url)).visit);
    } finally {
      await first.close();
    }
    const second = await launch(profile);
    try {
      const { page, visit: again } = await visit(second, server.url);
      warm.push(again);
      const { replyChars, ...sample } = await memoryDuringTurn(page, profile);
      if (replyChars === 0) throw new Error('the conversation turn produced no reply');
      memory.push(sample);
    } finally {
      await second.close();
    }
    // A kiosk tablet reloads: the same browser loads Hearth three times more; the last is reported
    // (Chromium keeps compiled code between loads once it has run long enough).
    const kiosk = await launch(profile);
    try {
      let last: Visit | null = null;
      for (let load = 0; load < 3; load++) last = (await visit(kiosk, server.url)).visit;
      if (last) reloads.push(last);
    } finally {
      await kiosk.close();
    }
    // The old path in a profile of its own with the same history (a cold visit, then this one):
    // each warm visit is a profile's second, since Chromium's compiled-code caches grow per visit.
    const oldProfile = fs.mkdtempSync(path.join(tmp, `profile-old-${run}-`));
    for (const into of [coldOldPath, warmOldPath]) {
      const context = await launch(oldProfile, false);
      try {
        into.push((await visit(context, server.url)).visit);
      } finally {
        await context.close();
      }
    }
    process.stderr.write(
      `run ${run + 1}/${runs}: cold ${JSON.stringify(cold.at(-1))}\n             warm ${JSON.stringify(warm.at(-1))}\n             kiosk reload ${JSON.stringify(reloads.at(-1))}\n             old path ${JSON.stringify(warmOldPath.at(-1))}\n`,
    );
  }
} finally {
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

const MB = 1024 * 1024;
/** The summary of one number per sample, whole units unless `digits` says otherwise. */
const summaryOf = <T>(samples: T[], pick: (sample: T) => number, digits = 0) => summary(samples.map(pick), digits);
/** The ratio of two medians of one measure, to two decimals. */
const medianRatio = (over: Visit[], under: Visit[], pick: (visit: Visit) => number) =>
  Number((summaryOf(over, pick).median / summaryOf(under, pick).median).toFixed(2));
const longTaskSummary = (samples: LongTasks[]) => ({
  count: summaryOf(samples, (t) => t.count),
  longestMs: summaryOf(samples, (t) => t.longestMs),
  totalMs: summaryOf(samples, (t) => t.totalMs),
});
/** Medians per stage over the visits that reached it. */
const stageSummary = (samples: object[]) =>
  Object.fromEntries(
    Object.keys(samples[0] ?? {}).map((key) => [
      key,
      summary(
        samples.flatMap((s) => {
          const at = (s as Record<string, number | null | undefined>)[key];
          return at === null || at === undefined ? [] : [at];
        }),
        0,
      ),
    ]),
  );
const of = (visits: Visit[]) => ({
  interactiveMs: summaryOf(visits, (v) => v.interactiveMs),
  listeningMs: summaryOf(visits, (v) => v.listeningMs),
  voiceReadyMs: summaryOf(visits, (v) => v.voiceReadyMs),
  modelRequestsFromNetwork: summaryOf(visits, (v) => v.modelRequestsFromNetwork),
  modelMbFromNetwork: summaryOf(visits, (v) => v.modelBytesFromNetwork / MB, 2),
  controlledByServiceWorker: visits.every((v) => v.controlledByServiceWorker),
  listeningStages: stageSummary(visits.map((v) => v.listeningStages)),
  engineStages: stageSummary(visits.map((v) => v.engineStages)),
  sttStages: stageSummary(visits.map((v) => v.sttStages)),
  longTasksBeforeListening: longTaskSummary(visits.map((v) => v.longTasksBeforeListening)),
  longTasksBeforeVoiceReady: longTaskSummary(visits.map((v) => v.longTasksBeforeVoiceReady)),
});
const listening = (v: Visit) => v.listeningMs;
const interactive = (v: Visit) => v.interactiveMs;
const voiceReady = (v: Visit) => v.voiceReadyMs;
const pageSamples = memory.flatMap((m) => (m.pageBytes === null ? [] : [m.pageBytes / MB]));
const report = {
  bench: 'startup',
  runs,
  models:
    'contract Whisper (tiny generated model), stories260K via wllama, Silero VAD, classic flite voice, minilm-contract embeddings',
  machine: { cpus: os.cpus().length, platform: `${os.platform()} ${os.arch()}`, chromium: CHROMIUM_PATH },
  cold: of(cold),
  warm: of(warm),
  /** After the warm visit: the third of three loads in one browser session (a kiosk's reloads). */
  kioskReload: of(reloads),
  kioskReloadListeningVsInteractive: Number(
    (summaryOf(reloads, listening).median / summaryOf(reloads, interactive).median).toFixed(2),
  ),
  /** The same visits on the path before (Silero not started early, listening waits for it), in a profile of their own. */
  coldOldPath: of(coldOldPath),
  warmOldPath: of(warmOldPath),
  warmVoiceReadyVsOldPath: medianRatio(warm, warmOldPath, voiceReady),
  warmListeningVsOldPath: medianRatio(warm, warmOldPath, listening),
  coldListeningVsOldPath: medianRatio(cold, coldOldPath, listening),
  warmVsCold: {
    interactive: medianRatio(warm, cold, interactive),
    voiceReady: medianRatio(warm, cold, voiceReady),
  },
  /** Target (issue 17): warm listening within 1.5x of warm interactive. */
  warmListeningVsInteractive: Number(
    (summaryOf(warm, listening).median / summaryOf(warm, interactive).median).toFixed(2),
  ),
  memoryDuringConversation: {
    pageAndWorkersMb: pageSamples.length > 0 ? summary(pageSamples, 1) : null,
    chromiumPssMb: summaryOf(memory, (m) => m.chromiumPssBytes / MB, 1),
  },
  generatedAt: new Date().toISOString(),
};
const json = JSON.stringify(report, null, 2);
const outFile = path.join(PROJECT_ROOT, 'bench', 'results', 'startup.json');
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, `${json}\n`);
process.stdout.write(`${json}\n`);
