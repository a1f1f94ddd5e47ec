// Media services in the tool context. Declaration merging adds them to ToolServices, so the
// registry stays unaware of media while tools get typed access.
import type { ToolContext } from '../tools/types.ts';
import type { Catalog, MediaAudience, MediaPlayer } from './types.ts';

declare module '../tools/types.ts' {
  interface ToolServices {
    mediaPlayer?: MediaPlayer;
    catalog?: Catalog;
    /**
     * Who is listening, used to filter the catalog. A function is asked on every search, so it
     * can follow the active persona (its language and age range) turn by turn.
     */
    mediaAudience?: MediaAudience | (() => MediaAudience);
  }
}

export function playerFrom(ctx: ToolContext): MediaPlayer {
  const player = ctx.services.mediaPlayer;
  if (!player) throw new Error('no media player is available here');
  return player;
}

/** The audience for this search (the persona's, right now); empty when nobody said. */
export function audienceFrom(ctx: ToolContext): MediaAudience {
  const audience = ctx.services.mediaAudience;
  return (typeof audience === 'function' ? audience() : audience) ?? {};
}

export function catalogFrom(ctx: ToolContext): Catalog {
  const catalog = ctx.services.catalog;
  if (!catalog) throw new Error('no media library is available here');
  return catalog;
}
