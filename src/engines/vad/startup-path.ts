// bench:startup measures the path before quick listening beside today's, in one run: with this
// set (localStorage), Silero's worker is not started early and listening waits for Silero (no
// WebRTC voice detection first), and speech recognition's warm-up run ends before it is in and
// it runs onnxruntime's asyncify build on the CPU as it used to, and Silero's graph is optimized.
export const STARTUP_OLD_PATH_KEY = 'hearth.startup.old-path';

export function startupOldPath(): boolean {
  try {
    return globalThis.localStorage?.getItem(STARTUP_OLD_PATH_KEY) === '1';
  } catch {
    // Storage can be refused (private modes, sandboxed frames): then it is today's path.
    return false;
  }
}
