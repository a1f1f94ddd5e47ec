// One finished turn of a toy's conversation history, as the server keeps it and the parent's
// Settings screen shows it. Type-only, so both the Node server and the UI can use it.

export interface DeviceTurn {
  id: string;
  deviceId: string;
  /** ISO 8601 (toISOString). */
  startedAt: string;
  endedAt: string;
  userText: string;
  replyText: string;
  /** The child spoke over the reply (barge-in). */
  interrupted: boolean;
  /** The child-safe guard stepped in: on what the child said (input) or on the reply (output). */
  guarded: { stage: 'input' | 'output'; reason: string } | null;
  /** The persona the toy spoke as. */
  personaName: string;
  /** The memories that went into this turn's prompt. */
  memoriesUsed: string[];
}

/** One page of a toy's history, newest first. */
export interface DeviceTurnPage {
  turns: DeviceTurn[];
  /** Pass as `before` for the next (older) page; null when there is none. */
  next: string | null;
}

/** A page as the API serves it, with how long the server keeps turns (so parents can be told). */
export interface DeviceTurnListing extends DeviceTurnPage {
  /** Days each turn is kept (`--toy-history-days`); 0: the server keeps none. */
  keepDays: number;
}
