// What the agent says in a toy's room besides audio: reliable JSON data messages, each with `type`.
// In core because both sides read it: the server agent and toys speak it, and the browser's toy
// transcript in Settings reads it.

export const AGENT_IDENTITY = 'hearth-agent';
export const TRANSCRIPT_TOPIC = 'hearth.transcript';
export const STATE_TOPIC = 'hearth.state';
export const METRICS_TOPIC = 'hearth.metrics';
/** From the toy to the agent: typed words ({type:'text', text}), handled like speech that was already transcribed. */
export const INPUT_TOPIC = 'hearth.input';
/** The agent's two audio tracks: its voice, and songs and stories. */
export const VOICE_TRACK_NAME = 'agent-voice';
export const MEDIA_TRACK_NAME = 'agent-media';
/** A parent's live transcript joins a toy's room with an identity that starts with this (listen-only). */
export const OBSERVER_IDENTITY_PREFIX = 'observer-';

export type AgentMessage =
  | { type: 'transcript'; role: 'user' | 'agent'; turnId: string; text: string; final: boolean }
  | { type: 'state'; state: string }
  /**
   * The agent hears the toy: its conversation is running and the toy's microphone audio reaches it
   * (sent once per subscription to the toy's track). Before this, speech and typed words may be lost.
   */
  | { type: 'hearing-toy' }
  /** The reply in progress was cut off: the toy talked over it (barge-in) or typed something new. */
  | { type: 'interrupted'; turnId: string; reason: string }
  | { type: 'metrics'; metrics: Record<string, unknown> }
  | { type: 'error'; stage: string; message: string }
  /** A parent started (watching) or stopped listening live; `text` is what the child was told. */
  | { type: 'monitoring'; watching: boolean; text: string }
  | {
      type: 'media';
      status: 'idle' | 'loading' | 'playing' | 'paused';
      itemId: string | null;
      title: string | null;
      kind: 'song' | 'story' | null;
      volume: number;
      ducked: boolean;
      error: string | null;
    };

export interface ToyInput {
  type: 'text';
  text: string;
}

/** Longest typed input accepted from a toy. */
const MAX_INPUT_CHARS = 2000;

/** A toy's input message, or null when it is not one (bad JSON, unknown type, empty or too long text). */
export function parseToyInput(payload: Uint8Array): ToyInput | null {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { type, text } = value as { type?: unknown; text?: unknown };
  if (type !== 'text' || typeof text !== 'string') return null;
  const trimmed = text.trim();
  return trimmed && trimmed.length <= MAX_INPUT_CHARS ? { type: 'text', text: trimmed } : null;
}
