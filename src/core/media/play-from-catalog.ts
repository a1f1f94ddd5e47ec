// What play_song and tell_story share: search the catalog, start the best match with the rest
// queued for "next", and say what is about to play.
import type { ToolContext, ToolResult } from '../tools/types.ts';
import { catalogFrom, playerFrom } from './services.ts';
import type { MediaKind } from './types.ts';

const UP_NEXT = 5;

export interface PlayRequest {
  kind: MediaKind;
  query: string;
  language?: string;
}

export async function playFromCatalog(request: PlayRequest, ctx: ToolContext): Promise<ToolResult> {
  const audience = ctx.services.mediaAudience ?? {};
  const language = request.language ?? audience.language;
  const hits = await catalogFrom(ctx).search(
    {
      text: request.query,
      kind: request.kind,
      limit: UP_NEXT + 1,
      ...(language ? { language } : {}),
      ...(audience.age !== undefined ? { age: audience.age } : {}),
    },
    { signal: ctx.signal },
  );
  const [best, ...rest] = hits;
  const noun = request.kind === 'song' ? 'song' : 'story';
  if (!best) {
    const about = request.query.trim() ? ` for "${request.query.trim()}"` : '';
    return {
      content: `No ${noun} found${about} in the library.`,
      say: `Sorry, I couldn't find a ${noun}${about ? ` like that` : ''} in the library.`,
      endTurn: true,
    };
  }
  if (ctx.signal.aborted) return { content: 'Cancelled.', endTurn: true };
  await playerFrom(ctx).play(best.item, { upNext: rest.map((h) => h.item) });
  const intro = request.kind === 'song' ? `Here's ${best.item.title}.` : `Here's a story: ${best.item.title}.`;
  return { content: `Now playing the ${noun} "${best.item.title}" (id ${best.item.id}).`, say: intro, endTurn: true };
}

