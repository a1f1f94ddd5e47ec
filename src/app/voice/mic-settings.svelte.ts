// The microphone clean-up switches (Settings), remembered on this device.
import { DEFAULT_MIC_PROCESSING, type MicProcessing } from '../../audio/mic-processing.ts';
import { StoredSwitches } from './stored-switches.svelte.ts';

export type { MicProcessing };

export class MicSettings extends StoredSwitches<MicProcessing> {
  constructor() {
    super('hearth.micProcessing', DEFAULT_MIC_PROCESSING);
  }
}
