// The agent's streamed reply text goes to the room a sentence at a time (or at most every 150 ms
// while a long sentence streams), not one data message per token: parents' browsers and toys get
// a readable live transcript without a flood of tiny reliable packets.

export const AGENT_TEXT_MIN_INTERVAL_MS = 150;

const SENTENCE_END = /[.!?…。！？]["'”’)]*\s*$/;

export class AgentTextBatcher {
  private latest: { turnId: string; text: string } | null = null;
  private sentText = '';
  private lastSentAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    /** Sends the whole reply so far for this turn. */
    private readonly send: (turnId: string, text: string) => void,
    private readonly minIntervalMs = AGENT_TEXT_MIN_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The reply so far (cumulative text) after a streamed delta. */
  update(turnId: string, text: string): void {
    if (this.latest && this.latest.turnId !== turnId) this.flush();
    this.latest = { turnId, text };
    const waited = this.now() - this.lastSentAt;
    if (SENTENCE_END.test(text) || waited >= this.minIntervalMs) {
      this.flush();
    } else {
      this.timer ??= setTimeout(() => this.flush(), this.minIntervalMs - waited);
    }
  }

  /** Sends what is pending now (before the final message of a turn). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const latest = this.latest;
    this.latest = null;
    if (!latest || latest.text === this.sentText) return;
    this.sentText = latest.text;
    this.lastSentAt = this.now();
    this.send(latest.turnId, latest.text);
  }

  /** Drops what is pending (the session is closing). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.latest = null;
  }
}
