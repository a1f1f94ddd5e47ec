// The engines' one thread policy: on a box of two cores or fewer each engine takes a single thread,
// so a transcription, the language model and every toy's voice share the cores instead of fighting.
import os from 'node:os';

/** True on a box where each engine should stay on one thread. */
export function fewCores(cores = os.availableParallelism()): boolean {
  return cores <= 2;
}
