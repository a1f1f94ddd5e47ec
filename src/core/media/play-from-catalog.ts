// What play_song and tell_story share: search the catalog (filtered for the audience of this
// turn), start the best match with the rest queued for "next", and say what is about to play.
// No story matches → the language model tells one instead; no song matches → Hearth says so.
import type { ToolContext, ToolResult } from '../tools/types.ts';
import { searchTokens } from './search-words.ts';
import { audienceFrom, catalogFrom, playerFrom } from './services.ts';
import { notePlayed, recentlyPlayed, variedOrder } from './varied-pick.ts';
import type { MediaKind } from './types.ts';

const UP_NEXT = 5;

export interface PlayRequest {
  kind: MediaKind;
  query: string;
  language?: string;
}

export async function playFromCatalog(request: PlayRequest, ctx: ToolContext): Promise<ToolResult> {
  const audience = audienceFrom(ctx);
  const language = request.language ?? audience.language;
  const player = playerFrom(ctx);
  // No topic ("tell me a story"): any item fits, so take them all and vary what comes first.
  const anyItem = searchTokens(request.query).length === 0;
  const found = await catalogFrom(ctx).search(
    {
      text: request.query,
      kind: request.kind,
      ...(anyItem ? {} : { limit: UP_NEXT + 1 }),
      ...(language ? { language } : {}),
      ...(audience.age !== undefined ? { age: audience.age } : {}),
      ...(audience.ages ? { ages: audience.ages } : {}),
    },
    { signal: ctx.signal },
  );
  const hits = anyItem ? variedOrder(found, recentlyPlayed(player)).slice(0, UP_NEXT + 1) : found;
  const [best, ...rest] = hits;
  if (!best) return nothingFound(request);
  if (ctx.signal.aborted) return { content: 'Cancelled.', endTurn: true };
  await player.play(best.item, { upNext: rest.map((h) => h.item) });
  notePlayed(player, best.item.id);
  const noun = request.kind === 'song' ? 'song' : 'story';
  const intro = request.kind === 'song' ? `Here's ${best.item.title}.` : `Here's a story: ${best.item.title}.`;
  return { content: `Now playing the ${noun} "${best.item.title}" (id ${best.item.id}).`, say: intro, endTurn: true };
}

/** What to do when the library has nothing that fits. */
export function nothingFound(request: PlayRequest): ToolResult {
  const topic = request.query.trim();
  const about = topic ? ` for "${topic}"` : '';
  if (request.kind === 'story') {
    // A story can be made up; a song cannot be played from nowhere.
    return {
      content: `No story found${about} in the library. Tell the user a short story${topic ? ` about ${topic}` : ''} yourself, in a few simple sentences.`,
      answerWithModel: true,
    };
  }
  return {
    content: `No song found${about} in the library.`,
    say: `Sorry, I couldn't find a song${about ? ' like that' : ''} in the library.`,
    endTurn: true,
  };
}
