// The voice states the Talk orb can show. The voice engine (src/core VoiceSession) will drive
// these; until it lands the orb stays 'idle'.

export type OrbState = 'idle' | 'listening' | 'hearing' | 'thinking' | 'speaking';

export const ORB_LABELS: Record<OrbState, string> = {
  idle: 'Tap to start',
  listening: 'Listening…',
  hearing: 'I can hear you',
  thinking: 'Thinking…',
  speaking: 'Speaking — tap to interrupt',
};
