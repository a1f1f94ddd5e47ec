// Engine interfaces: what the conversation core needs from the platform. Browser and Node
// implementations live outside src/core; the core only ever sees these shapes.

/** Voice activity detection over fixed-size 16 kHz mono frames. */
export interface Vad {
  /** Samples per frame the model expects (512 at 16 kHz for Silero). */
  readonly frameSamples: number;
  /** Speech probability 0..1 for exactly one frame of `frameSamples` samples. */
  process(frame: Float32Array): Promise<number>;
  /** Clears the model's recurrent state (between sessions). */
  reset(): void;
}

export interface TranscribeOptions {
  signal?: AbortSignal;
  /** BCP 47 / ISO 639-1 hint; engines may auto-detect when absent. */
  language?: string;
}

export interface Transcript {
  text: string;
  language?: string;
}

export interface SpeechToText {
  /** `audio` is 16 kHz mono PCM of one utterance. */
  transcribe(audio: Float32Array, opts: TranscribeOptions): Promise<Transcript>;
}

/**
 * An audio end-of-turn model (e.g. Smart Turn v3): from how the speaker sounded up to a pause, how
 * likely it is that they have finished their turn. Runs once the VAD hears a pause, never per frame.
 */
export interface TurnEndModel {
  /** The model pack it runs, for reports. */
  readonly id: string;
  /** `audio` is 16 kHz mono PCM of the utterance so far; resolves to a probability in [0, 1]. */
  completionProbability(audio: Float32Array, opts?: { signal?: AbortSignal }): Promise<number>;
}

/** Minimal JSON-schema subset used to describe tool parameters to the LLM. */
export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object' | 'null';

export interface JsonSchemaProperty {
  type?: JsonSchemaType | JsonSchemaType[];
  description?: string;
  enum?: readonly (string | number | boolean)[];
  items?: JsonSchemaProperty;
  [keyword: string]: unknown;
}

export interface JsonSchemaObject {
  type: 'object';
  properties: Record<string, JsonSchemaProperty>;
  required?: readonly string[];
  [keyword: string]: unknown;
}

export interface ToolSpec {
  name: string;
  description: string;
  parameters: JsonSchemaObject;
}

export interface ToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

export type ChatMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | {
      role: 'assistant';
      content: string;
      toolCalls?: ToolCall[];
      /** The reply was cut off by the user; `content` holds only what was spoken. */
      interrupted?: boolean;
    }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export interface ChatRequest {
  messages: ChatMessage[];
  tools?: ToolSpec[];
  signal?: AbortSignal;
  maxTokens?: number;
  temperature?: number;
}

export interface ChatUsage {
  promptTokens?: number;
  completionTokens?: number;
}

export type ChatChunk =
  { type: 'text'; text: string } | { type: 'tool_call'; call: ToolCall } | { type: 'done'; usage?: ChatUsage };

export interface ChatModel {
  /** Streams one assistant reply. Must stop promptly (end or throw) when `signal` aborts. */
  stream(req: ChatRequest): AsyncIterable<ChatChunk>;
}

export interface SynthesizeOptions {
  signal?: AbortSignal;
  voice?: string;
  /** Speaking rate multiplier, 1 = normal. */
  rate?: number;
}

export interface TextToSpeech {
  /** Sample rate of every chunk `synthesize` yields. */
  readonly sampleRate: number;
  /** PCM chunks (mono, -1..1) for ONE sentence. */
  synthesize(text: string, opts: SynthesizeOptions): AsyncIterable<Float32Array>;
}

export interface Embedder {
  readonly dimensions: number;
  embed(texts: string[], opts?: { signal?: AbortSignal }): Promise<Float32Array[]>;
}

/** The playback side: the browser playback queue or the agent's outgoing audio track. */
export interface AudioOutput {
  /** Appends PCM to play right after what is already queued (gap-free). */
  enqueue(pcm: Float32Array, sampleRate: number): void;
  /** Stops at once and drops everything queued. */
  flush(): void;
  /** Resolves when everything enqueued so far has played, or after a flush. */
  whenIdle(): Promise<void>;
  /**
   * Optional, for outputs that play in real time: resolves once at most `seconds` of enqueued
   * audio are still to play (or after a flush). The reply pipeline waits on it to synthesize
   * about one sentence ahead of playback instead of the whole reply at once, so speech synthesis
   * does not take the CPU from the language model long before its audio is heard.
   */
  whenQueuedAtMost?(seconds: number): Promise<void>;
}

/** Monotonic time and timers, injected so tests can drive time by hand. */
export interface Clock {
  /** Milliseconds on a monotonic timeline (origin unspecified). */
  now(): number;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  setTimer(fn, ms) {
    const handle = setTimeout(fn, ms);
    return () => clearTimeout(handle);
  },
};
