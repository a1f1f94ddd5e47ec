import path from 'node:path';
import type { HearthConfig } from '../config.ts';
import { randomSecret, readOrCreateSecretFile } from './secret-files.ts';

/** Where tokens are minted for, and with which key pair. */
export interface LivekitCredentials {
  /** 'embedded': our own room server on the Hearth port; 'external': LIVEKIT_URL. */
  mode: 'embedded' | 'external';
  /** The configured server URL ('external' only); the embedded one is reached on the Hearth origin. */
  url: string | null;
  apiKey: string;
  apiSecret: string;
}

export const SECRETS_DIR = 'secrets';

/**
 * The embedded server's key pair is generated on first run and kept in the data dir, so tokens
 * survive a restart and no secret is ever hard-coded. With LIVEKIT_URL the configured pair is used.
 */
export function loadLivekitCredentials(config: HearthConfig): LivekitCredentials {
  const { url, apiKey, apiSecret } = config.livekit;
  if (url && apiKey && apiSecret) return { mode: 'external', url, apiKey, apiSecret };
  const dir = path.join(config.dataDir, SECRETS_DIR);
  return {
    mode: 'embedded',
    url: null,
    apiKey: readOrCreateSecretFile(path.join(dir, 'livekit-api-key'), () => `HK${randomSecret(9)}`),
    apiSecret: readOrCreateSecretFile(path.join(dir, 'livekit-api-secret'), () => randomSecret(32)),
  };
}
