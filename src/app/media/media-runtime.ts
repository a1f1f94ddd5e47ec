// One player and one catalog per page, shared by the Library screen, the mini player and the
// voice controller: whatever started a song, any of them can stop it.
import { WebMediaPlayer } from '../../audio/media-player.ts';
import type { TextToSpeech } from '../../core/engines.ts';
import { engineHub } from '../../engines/index.ts';
import { BrowserCatalog } from '../../data/catalog/browser-catalog.ts';
import { createMediaTools, type MediaTools } from './media-tools.ts';
import { sharedEmbedder } from './shared-embedder.ts';

export type { MediaPlayerState } from '../../audio/media-player.ts';

export interface MediaRuntime {
  player: WebMediaPlayer;
  catalog: BrowserCatalog;
  tools: MediaTools;
}

let runtime: MediaRuntime | null = null;
let classicVoice: Promise<TextToSpeech | null> | null = null;

/** Hearth's loaded voice if the conversation has one, else the classic flite voice (always there). */
async function storyVoice(): Promise<TextToSpeech | null> {
  const loaded = engineHub.current('tts') ?? (await engineHub.engine('tts'));
  if (loaded) return loaded;
  classicVoice ??= import('../../engines/tts/classic/index.ts').then((m) => m.createClassicTextToSpeech()).catch(() => null);
  return classicVoice;
}

export function mediaRuntime(): MediaRuntime {
  if (runtime) return runtime;
  const player = new WebMediaPlayer({ voice: storyVoice });
  const catalog = new BrowserCatalog({ embedderFor: sharedEmbedder });
  runtime = { player, catalog, tools: createMediaTools({ player, catalog }) };
  return runtime;
}
