// What the home server says about installing models from the browser (GET /api/models/setup and
// /api/models/install): one shape for the server that writes it and the page that reads it.

export type ModelSetupRole = 'vad' | 'stt' | 'llm-webgpu' | 'llm-cpu' | 'tts' | 'embeddings' | 'end-of-turn';

export type SetupChoiceId = 'small' | 'better';

export interface SetupChoicePack {
  id: string;
  role: ModelSetupRole;
  title: string;
  /** Exact when every file's size is known, else the manifest's estimate; null when neither is. */
  bytes: number | null;
}

export interface SetupChoice {
  id: SetupChoiceId;
  title: string;
  description: string;
  /** The language model it adds runs on the device's graphics card (WebGPU). */
  needsGpu: boolean;
  packs: SetupChoicePack[];
  /** Sum of the packs' sizes; null when any is unknown. */
  bytes: number | null;
}

export type InstallState = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

export interface InstallFileProgress {
  /** "<packId>/<path>". */
  label: string;
  state: 'waiting' | 'working' | 'done' | 'failed';
  bytesDone: number;
  bytesTotal: number | null;
}

export interface InstallStatus {
  state: InstallState;
  kind: 'download' | 'import' | null;
  packs: string[];
  files: InstallFileProgress[];
  bytesDone: number;
  /** null while any file's size is unknown. */
  bytesTotal: number | null;
  bytesPerSecond: number;
  secondsLeft: number | null;
  /** What went wrong, in words a parent can act on. */
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface ModelSetupInfo {
  choices: SetupChoice[];
  serverMemoryBytes: number;
  install: InstallStatus;
}

export interface ImportSource {
  /** Absolute path of the folder holding the pack folders. */
  dir: string;
  /** Pack ids of the manifest found in it. */
  packs: string[];
}
