export { openMicrophone, type MicFrame, type Microphone, type MicrophoneOptions } from './microphone.ts';
export { DEFAULT_MIC_PROCESSING, micConstraints, type MicProcessing } from './mic-processing.ts';
export { PlaybackQueue } from './playback-queue.ts';
export { PlaybackTimeline } from './playback-timeline.ts';
export { MediaDucker, rampLevel, type DuckingOptions } from './ducking.ts';
export { CapturePipeline, CAPTURE_SAMPLE_RATE } from './capture-pipeline.ts';
