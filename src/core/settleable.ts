// A promise with its settle function beside it (Promise.withResolvers is newer than the browsers
// Hearth supports), and whether it has settled, for callers that must not wait when it has.

export interface Settleable {
  readonly promise: Promise<void>;
  /** True once settle() was called. */
  readonly done: boolean;
  settle(): void;
}

export function settleable(): Settleable {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  let done = false;
  return {
    promise,
    get done() {
      return done;
    },
    settle() {
      done = true;
      resolve();
    },
  };
}
