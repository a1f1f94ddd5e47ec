// @ts-check
// The worker side of server/engines/worker-calls.ts: answers call `id` with what `work` resolves to,
// or with its error's message. Plain JavaScript because worker threads do not inherit the
// TypeScript loader the server runs under.

/**
 * @template T
 * @param {import('node:worker_threads').MessagePort} port
 * @param {number} id
 * @param {Promise<T>} work
 * @param {(value: T) => import('node:worker_threads').Transferable[]} [transferOf] buffers to move, not copy
 */
export function answerCall(port, id, work, transferOf) {
  work.then(
    (value) => port.postMessage({ id, value }, transferOf?.(value)),
    (error) => port.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
}
