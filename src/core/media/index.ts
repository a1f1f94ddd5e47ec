// The media library in the core: interfaces, search helpers and the media tools.
import { nextTool } from './tools/next.ts';
import { pauseTool } from './tools/pause.ts';
import { playSongTool } from './tools/play-song.ts';
import { resumeTool } from './tools/resume.ts';
import { stopTool } from './tools/stop.ts';
import { tellStoryTool } from './tools/tell-story.ts';
import type { Tool } from '../tools/types.ts';
import { volumeTool } from './tools/volume.ts';

export type * from './types.ts';
export { audienceFrom, catalogFrom, playerFrom } from './services.ts';
export { matchesFilters, primaryLanguage } from './filters.ts';
export { lexicalSearch } from './lexical-search.ts';
export { indexTerms, searchTokens, stemWord, topicWords } from './search-words.ts';
export { TextSearch, type SerializedTextSearch, type TextDocument, type WordExpansions } from './text-search.ts';
export { notePlayed, recentlyPlayed, variedOrder } from './varied-pick.ts';
export { fuseRankings, semanticRankScore } from './rank-fusion.ts';
export { embeddingText, excerpt, EXCERPT_CHARS } from './search-text.ts';
export { nothingFound, playFromCatalog, type PlayRequest } from './play-from-catalog.ts';
export { MediaLevel, MediaQueue, type MediaPlayerState } from './media-queue.ts';
export { nextTool, pauseTool, playSongTool, resumeTool, stopTool, tellStoryTool, volumeTool };

/** The media tools in direct-command order: specific phrases before general ones ("play" alone resumes). */
export const MEDIA_TOOLS: readonly Tool[] = [stopTool, pauseTool, resumeTool, nextTool, volumeTool, tellStoryTool, playSongTool];
export { storySentences } from './story-text.ts';
