// transformers.js reads its model folder from one global `env`: loads that point it at different
// folders must not interleave, so they go through here one at a time. Never the internet.
import { env } from '@huggingface/transformers';

let chain: Promise<unknown> = Promise.resolve();

/** Runs `load` with transformers.js reading models only from `modelRoot` (a folder of pack folders). */
export function loadFromLocalModels<T>(modelRoot: string, load: () => Promise<T>): Promise<T> {
  const run = chain.then(async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = modelRoot;
    return load();
  });
  chain = run.catch(() => undefined);
  return run;
}
