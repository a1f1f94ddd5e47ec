export * from './engines.ts';
export { TypedEmitter, type Listener } from './events.ts';
export { SentenceSegmenter, splitSentences, type SentenceSegmenterOptions } from './sentences.ts';
export {
  buildChatMessages,
  buildSystemPrompt,
  fitHistory,
  VOICE_STYLE_RULE,
  type Persona,
  type PromptInput,
} from './prompt.ts';
export {
  computeTurnMetrics,
  TokenCounter,
  TurnTimer,
  type TurnFacts,
  type TurnMark,
  type TurnMetrics,
} from './metrics.ts';
export { TurnDetector, type TurnDetectorConfig, type TurnDetectorEvent } from './turn-detector.ts';
export * from './end-of-turn.ts';
export { FrameAssembler, concatAudio } from './audio-frames.ts';
export { UtteranceRecorder } from './utterance-recorder.ts';
export {
  ReplyPipeline,
  type ReplyErrorStage,
  type ReplyListener,
  type ReplyPipelineOptions,
  type SpeechStyle,
} from './reply-pipeline.ts';
export * from './session-types.ts';
export { VoiceSession, type VoiceSessionOptions } from './voice-session.ts';
export {
  followTurns,
  type CompletedTurn,
  type FollowedTurn,
  type FollowTurnsOptions,
  type TurnEventSource,
} from './turn-follower.ts';
export { LatestRun } from './latest-run.ts';
export type { DeviceProfile } from './devices/device-profile.ts';
export { ToolRegistry, validateArgs, type DirectCommandMatch, type ToolOutcome } from './tools/registry.ts';
export type { Tool, ToolContext, ToolResult, ToolServices } from './tools/types.ts';
export { normalizeUtterance } from './tools/utterance.ts';
export { getTimeTool } from './tools/get-time.ts';
