// Media services in the tool context. Declaration merging adds them to ToolServices, so the
// registry stays unaware of media while tools get typed access.
import type { ToolContext } from '../tools/types.ts';
import type { Catalog, MediaPlayer } from './types.ts';

declare module '../tools/types.ts' {
  interface ToolServices {
    mediaPlayer?: MediaPlayer;
    catalog?: Catalog;
    /** The listener's age and language, used to filter the catalog (e.g. from the persona). */
    mediaAudience?: { age?: number; language?: string };
  }
}

export function playerFrom(ctx: ToolContext): MediaPlayer {
  const player = ctx.services.mediaPlayer;
  if (!player) throw new Error('no media player is available here');
  return player;
}

export function catalogFrom(ctx: ToolContext): Catalog {
  const catalog = ctx.services.catalog;
  if (!catalog) throw new Error('no media library is available here');
  return catalog;
}
