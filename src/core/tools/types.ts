import type { JsonSchemaObject } from '../engines.ts';

/**
 * Services tools reach through the context (media player, memory store, ...). Later tools add
 * their own entries by declaration merging, so the core never imports their implementations.
 */
export interface ToolServices {
  [service: string]: unknown;
}

export interface ToolContext {
  /** Aborted when the turn is interrupted or the session stops. */
  signal: AbortSignal;
  /** Wall-clock time of the turn. */
  now: Date;
  /** Locale and IANA time zone for anything the tool says aloud; platform default when absent. */
  locale?: string;
  timeZone?: string;
  services: ToolServices;
}

export interface ToolResult {
  /** Fed back to the LLM as the tool message. */
  content: string;
  /** Spoken directly when the tool runs as a direct command (or ends the turn). */
  say?: string;
  /** Nothing more to say after this tool (e.g. a song starts): do not call the LLM again. */
  endTurn?: boolean;
  /** The call failed (unknown tool, bad arguments, the tool threw). */
  isError?: boolean;
  /**
   * The tool could not do it itself and the language model should answer instead (no story in the
   * library → the model tells one). Run as a direct command, the turn goes on to the model with
   * `content` as the tool's answer; called by the model, it simply reads `content`.
   */
  answerWithModel?: boolean;
}

export interface Tool {
  name: string;
  description: string;
  parameters: JsonSchemaObject;
  execute(args: Record<string, unknown>, ctx: ToolContext): Promise<ToolResult>;
  /**
   * Recognises simple commands ("stop", "what time is it") so they run without the LLM.
   * Returns the tool arguments on a match, null otherwise.
   */
  directCommand?(utterance: string): Record<string, unknown> | null;
}
