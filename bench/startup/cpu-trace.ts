// npm run bench:startup-cpu [-- --app-dir dist]
// Where a warm start's CPU goes: starts the real Hearth server (contract Whisper + stories260K, as
// bench:startup does) and headless Chromium with a fresh profile, makes one cold visit, then traces
// the warm visit (navigation to "voice ready") and sums, over every thread of every Chromium
// process, the busy time and each trace event's own time (its duration less its children's).
// WebAssembly compilation is reported apart: optimizing ("top tier") and first-call ("lazy")
// compilation, validation and instruction-cache flushes, and the code cache read and written.
// Prints JSON and writes bench/results/startup-cpu.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CDPSession } from 'playwright-core';
import { PROJECT_ROOT } from '../../tests/helpers/server.ts';
import { launchBenchBrowser, startBenchServer } from './bench-server.ts';

const { values } = parseArgs({
  options: { 'app-dir': { type: 'string', default: process.env.HEARTH_APP_DIR ?? 'dist' } },
});
const appDir = path.resolve(PROJECT_ROOT, values['app-dir']);
if (!fs.existsSync(path.join(appDir, 'index.html'))) {
  throw new Error(`no built app in ${appDir}: run "npm run build" first (or pass --app-dir)`);
}

/** One Chrome trace event (only the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: Record<string, unknown>;
}

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'v8',
  'v8.wasm',
  'disabled-by-default-v8.compile',
].join(',');

/** The WebAssembly compilation work, by the trace events' names (summed into its total). */
const WASM_COMPILE: Record<string, string[]> = {
  topTierMs: ['wasm.TopTierCompilation'],
  lazyMs: ['wasm.CompileLazy'],
  validateMs: ['wasm.ValidateFunctionsStreaming', 'wasm.SyncValidate'],
  flushInstructionCacheMs: ['FlushInstructionCache'],
};
/** Reading compiled code back from Chrome's code cache: reported beside the compilation, not in it. */
const WASM_CODE_CACHE_READ = 'v8.wasm.compileConsume';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-startup-cpu-'));
const server = await startBenchServer(appDir, tmp);
const profile = fs.mkdtempSync(path.join(tmp, 'profile-'));

/** Visits Hearth in the profile until every engine is in; traces the visit when asked. */
async function visit(trace: boolean): Promise<{ events: TraceEvent[]; marks: [string, number][] }> {
  const context = await launchBenchBrowser(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const events: TraceEvent[] = [];
    let cdp: CDPSession | null = null;
    if (trace) {
      cdp = await context.newCDPSession(page);
      cdp.on('Tracing.dataCollected', (data: { value: object[] }) => events.push(...(data.value as TraceEvent[])));
      await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
    }
    await page.goto(server.url);
    // Plain expressions, polled: an injected waitForFunction would add its own task to the trace.
    const deadline = Date.now() + 180_000;
    while (
      !(await page.evaluate(`!!document.querySelector('[data-testid="screen-talk"][data-engines-loading="false"]')`))
    ) {
      if (Date.now() > deadline) throw new Error('voice ready did not come within 180 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const marks = (await page.evaluate(
      `performance.getEntriesByType('mark').filter((m) => m.name.startsWith('hearth:')).map((m) => [m.name, Math.round(m.startTime)])`,
    )) as [string, number][];
    if (cdp) {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      await complete;
    }
    return { events, marks };
  } finally {
    await context.close();
  }
}

/** Busy time per thread and own time per event name, from the complete ("X") events. */
function cpuOf(events: TraceEvent[]) {
  const threadNames = new Map<string, string>();
  const perThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`;
    if (event.ph === 'M' && event.name === 'thread_name') threadNames.set(key, String(event.args?.name ?? key));
    if (event.ph !== 'X' || !event.dur) continue;
    const list = perThread.get(key);
    if (list) list.push(event);
    else perThread.set(key, [event]);
  }
  const busyMs = new Map<string, number>();
  const ownMs = new Map<string, number>();
  for (const [key, list] of perThread) {
    list.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const open: { event: TraceEvent; childrenUs: number }[] = [];
    const close = () => {
      const done = open.pop();
      if (done)
        ownMs.set(
          done.event.name,
          (ownMs.get(done.event.name) ?? 0) + ((done.event.dur ?? 0) - done.childrenUs) / 1000,
        );
    };
    for (const event of list) {
      while (open.length > 0 && open[open.length - 1]!.event.ts + (open[open.length - 1]!.event.dur ?? 0) <= event.ts)
        close();
      const parent = open[open.length - 1];
      if (parent) parent.childrenUs += event.dur ?? 0;
      else busyMs.set(key, (busyMs.get(key) ?? 0) + (event.dur ?? 0) / 1000);
      open.push({ event, childrenUs: 0 });
    }
    while (open.length > 0) close();
  }
  const byThreadName = new Map<string, number>();
  for (const [key, ms] of busyMs) {
    const name = threadNames.get(key) ?? 'unnamed';
    byThreadName.set(name, (byThreadName.get(name) ?? 0) + ms);
  }
  const round = (ms: number) => Math.round(ms);
  const wasmCompile = Object.fromEntries(
    Object.entries(WASM_COMPILE).map(([label, names]) => [
      label,
      round(names.reduce((sum, n) => sum + (ownMs.get(n) ?? 0), 0)),
    ]),
  );
  return {
    totalBusyMs: round([...busyMs.values()].reduce((a, b) => a + b, 0)),
    busyMsByThreadKind: Object.fromEntries(
      [...byThreadName].sort((a, b) => b[1] - a[1]).map(([n, ms]) => [n, round(ms)]),
    ),
    wasmCompileMs: {
      ...wasmCompile,
      totalMs: round(Object.values(wasmCompile).reduce((a, b) => a + b, 0)),
      codeCacheReadMs: round(ownMs.get(WASM_CODE_CACHE_READ) ?? 0),
    },
    wasmCodeCacheWrittenBytes: events
      .filter((e) => e.name === 'v8.wasm.cachedModule')
      .map((e) => Number(e.args?.producedCacheSize ?? 0)),
    topOwnTimeMs: Object.fromEntries(
      [...ownMs]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([n, ms]) => [n, round(ms)]),
    ),
  };
}

try {
  await visit(false);
  const { events, marks } = await visit(true);
  const at = (name: string) => marks.find(([n]) => n === name)?.[1] ?? null;
  const report = {
    bench: 'startup-cpu',
    machine: { cpus: os.cpus().length, loadAverage1m: Number(os.loadavg()[0]!.toFixed(2)) },
    warmVisit: {
      sileroInMs: at('hearth:engine:vad:upgraded'),
      speechRecognitionInMs: at('hearth:engine:stt:ready'),
      voiceInMs: at('hearth:engine:tts:ready'),
      languageModelInMs: at('hearth:engine:llm:ready'),
    },
    cpu: cpuOf(events),
    generatedAt: new Date().toISOString(),
  };
  const json = JSON.stringify(report, null, 2);
  console.log(json);
  fs.mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', 'startup-cpu.json'), json + '\n');
} finally {
  await server.stop();
  fs.rmSync(tmp, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
