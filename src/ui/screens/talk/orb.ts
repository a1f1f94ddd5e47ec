// The voice states the Talk orb can show, driven by src/core VoiceSession's state and the
// microphone (see src/ui/voice/orb-state.ts).

export type OrbState = 'idle' | 'starting' | 'listening' | 'muted' | 'hearing' | 'thinking' | 'speaking';

export const ORB_LABELS: Record<OrbState, string> = {
  idle: 'Tap to start',
  starting: 'Getting ready…',
  listening: 'Listening…',
  muted: 'Microphone off',
  hearing: 'I can hear you',
  thinking: 'Thinking…',
  speaking: 'Speaking',
};
