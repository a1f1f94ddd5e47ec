// Follows a VoiceSession's turn events (userTranscript → agentText → guarded → turnEnd) and hands
// back each finished turn, for the browser's conversation context and a toy's alike.

import type { Listener } from './events.ts';
import type { VoiceSessionEvents } from './session-types.ts';

/** What one finished turn looked like, for the history and for learning. */
export interface CompletedTurn {
  userText: string;
  replyText: string;
  interrupted: boolean;
  guarded: 'input' | 'output' | null;
  /** Wall time the turn took (for daily time limits). */
  durationMs: number;
}

/** The part of a VoiceSession (or any emitter of its events) that turns are followed on. */
export interface TurnEventSource {
  on<K extends keyof VoiceSessionEvents>(event: K, listener: Listener<VoiceSessionEvents[K]>): () => void;
}

/** A finished turn as followTurns saw it: also when it started and why the guard stepped in. */
export interface FollowedTurn extends CompletedTurn {
  /** `now()` when the user transcript came. */
  startedAt: number;
  /** The guard's reason when `guarded` is set. */
  guardReason: string | null;
}

export interface FollowTurnsOptions {
  /** Called with each finished turn that had a user transcript. */
  onTurnEnd: (turn: FollowedTurn) => void;
  /** Called on each user transcript before the turn is started (so its start time follows any work done here). */
  onUserText?: (text: string, turnId: string) => void;
  /** Milliseconds, for the turn's duration. */
  now: () => number;
}

interface PendingTurn {
  userText: string;
  replyText: string;
  guarded: 'input' | 'output' | null;
  guardReason: string | null;
  startedAt: number;
}

/** Subscribes to `session`'s turn events; returns a function that unsubscribes. */
export function followTurns(session: TurnEventSource, options: FollowTurnsOptions): () => void {
  const pending = new Map<string, PendingTurn>();
  const offs = [
    session.on('userTranscript', ({ turnId, text }) => {
      options.onUserText?.(text, turnId);
      pending.set(turnId, {
        userText: text,
        replyText: '',
        guarded: null,
        guardReason: null,
        startedAt: options.now(),
      });
    }),
    // `text` is the whole reply so far: the last one is the reply.
    session.on('agentText', ({ turnId, text }) => {
      const turn = pending.get(turnId);
      if (turn) turn.replyText = text;
    }),
    session.on('guarded', ({ turnId, stage, reason }) => {
      const turn = pending.get(turnId);
      if (!turn) return;
      turn.guarded = stage;
      turn.guardReason = reason;
    }),
    session.on('turnEnd', ({ turnId, interrupted }) => {
      const turn = pending.get(turnId);
      pending.delete(turnId);
      if (!turn) return;
      options.onTurnEnd({
        userText: turn.userText,
        replyText: turn.replyText,
        interrupted,
        guarded: turn.guarded,
        guardReason: turn.guardReason,
        startedAt: turn.startedAt,
        durationMs: options.now() - turn.startedAt,
      });
    }),
  ];
  return () => {
    for (const off of offs) off();
  };
}
