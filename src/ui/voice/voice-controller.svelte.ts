// The page's one voice conversation (src/app/voice), given what it reads through the UI's
// helpers (the server's model list, the device's WebGPU) and the orb's look.

import { VoiceController } from '../../app/voice/voice-controller.svelte.ts';
import { getModels } from '../api.ts';
import { detectWebGpu } from '../screens/settings/device.ts';
import type { OrbState } from '../screens/talk/orb.ts';
import { orbStateFor } from './orb-state.ts';

export type { ChatLine, MicState, VoiceProblem } from '../../app/voice/voice-controller.svelte.ts';

class TalkVoice extends VoiceController {
  get orbState(): OrbState {
    return orbStateFor(this.sessionState, this.mic);
  }
}

/** One conversation per page, kept while the user moves between screens. */
export const voice = new TalkVoice({ readModels: () => getModels(), detectWebGpu: () => detectWebGpu() });
