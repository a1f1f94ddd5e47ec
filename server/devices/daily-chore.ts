// A chore the server runs at start and then once a day (pruning what children's data is kept no
// longer), without keeping the process alive.

const DAY_MS = 24 * 3600 * 1000;

/** Runs `chore` now and every day; a failure is reported, never thrown. Returns the function that stops it. */
export function dailyChore(chore: () => void, onProblem: (error: unknown) => void): () => void {
  const run = () => {
    try {
      chore();
    } catch (error) {
      onProblem(error);
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
