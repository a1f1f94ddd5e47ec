// What the voice controller needs for songs and stories: the media tools for its ToolRegistry
// and the services they use (player, catalog, audience). One call, so wiring stays a few lines.
import { MEDIA_TOOLS } from '../../core/media/index.ts';
import type { Catalog, MediaAudience, MediaPlayer } from '../../core/media/types.ts';
import type { Tool, ToolServices } from '../../core/tools/types.ts';

export interface MediaToolsOptions {
  player: MediaPlayer;
  catalog: Catalog;
  /** Who is listening, used to filter what plays; a function follows the active persona turn by turn. */
  audience?: MediaAudience | (() => MediaAudience);
}

export interface MediaTools {
  tools: readonly Tool[];
  services: ToolServices;
}

export function createMediaTools({ player, catalog, audience }: MediaToolsOptions): MediaTools {
  return { tools: MEDIA_TOOLS, services: { mediaPlayer: player, catalog, ...(audience ? { mediaAudience: audience } : {}) } };
}
