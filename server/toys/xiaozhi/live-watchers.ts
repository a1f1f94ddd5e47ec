// Parents reading a stock toy's conversation live (Settings → Toys → live transcript). A LiveKit toy's
// parent joins its room as an observer; a xiaozhi toy has no room, so its session hands the same
// agent messages (transcripts, state) to the parents registered here. Watchers belong to the device,
// not to one connection: a parent who opened the transcript before the toy connected, or across a
// reconnect, keeps reading.
import type { AgentMessage } from '../../agent/protocol.ts';

/** A message from the toy's companion, or whether the toy is connected (sent first, and on every change). */
export type LiveEvent = { kind: 'agent'; topic: string; message: AgentMessage } | { kind: 'presence'; online: boolean };
export type LiveListener = (event: LiveEvent) => void;

/** What a session offers a parent: every message it sends from now on; the returned call stops it. */
export interface WatchableSession {
  readonly isClosed: boolean;
  watch(listener: LiveListener): () => void;
}

/** Most parents on one toy at once: a household has a few; more is a client stuck in a loop. */
export const MAX_WATCHERS_PER_TOY = 8;

export class LiveWatchers {
  /** Per device: each parent and the call that stops it on the current session (null: none connected). */
  private readonly byDevice = new Map<string, Map<LiveListener, (() => void) | null>>();

  count(deviceId: string): number {
    return this.byDevice.get(deviceId)?.size ?? 0;
  }

  /** Adds a parent; `session` is the toy's live session, if any. Returns the call that removes them. */
  watch(deviceId: string, listener: LiveListener, session: WatchableSession | undefined): () => void {
    let parents = this.byDevice.get(deviceId);
    if (!parents) {
      parents = new Map();
      this.byDevice.set(deviceId, parents);
    }
    const online = session !== undefined && !session.isClosed;
    listener({ kind: 'presence', online });
    parents.set(listener, online ? session.watch(listener) : null);
    const own = parents;
    return () => {
      if (!own.has(listener)) return;
      const stop = own.get(listener);
      own.delete(listener);
      if (own.size === 0 && this.byDevice.get(deviceId) === own) this.byDevice.delete(deviceId);
      stop?.();
    };
  }

  /** A toy's new session started: every parent already reading follows it. */
  sessionStarted(deviceId: string, session: WatchableSession): void {
    const parents = this.byDevice.get(deviceId);
    if (!parents) return;
    for (const [listener, stop] of parents) {
      stop?.();
      listener({ kind: 'presence', online: true });
      parents.set(listener, session.watch(listener));
    }
  }

  /** The toy's session ended (the parents stay, for its next connection). */
  sessionEnded(deviceId: string): void {
    const parents = this.byDevice.get(deviceId);
    if (!parents) return;
    for (const listener of parents.keys()) {
      parents.set(listener, null);
      listener({ kind: 'presence', online: false });
    }
  }
}
