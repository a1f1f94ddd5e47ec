// What the Talk orb shows, from the session state and whether the microphone is on.
import type { VoiceSessionState } from '../../core/session-types.ts';
import type { OrbState } from '../screens/talk/orb.ts';

export function orbStateFor(session: VoiceSessionState, mic: 'off' | 'starting' | 'on' | 'muted'): OrbState {
  switch (session) {
    case 'userSpeaking':
      return 'hearing';
    case 'transcribing':
    case 'thinking':
      return 'thinking';
    case 'speaking':
      return 'speaking';
    default:
      if (mic === 'starting') return 'starting';
      if (mic === 'muted') return 'muted';
      return mic === 'on' ? 'listening' : 'idle';
  }
}
