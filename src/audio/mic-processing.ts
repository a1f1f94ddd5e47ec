/** The browser's own microphone clean-up, each switchable in Settings. */
export interface MicProcessing {
  /** Removes Hearth's own voice from the mic (needed for barge-in on speakers). */
  echoCancellation: boolean;
  noiseSuppression: boolean;
  autoGainControl: boolean;
}

export const DEFAULT_MIC_PROCESSING: Readonly<MicProcessing> = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

export function micConstraints(processing: MicProcessing): MediaTrackConstraints {
  return {
    echoCancellation: processing.echoCancellation,
    noiseSuppression: processing.noiseSuppression,
    autoGainControl: processing.autoGainControl,
    channelCount: { ideal: 1 },
  };
}
