import type { MediaItem } from './types.ts';

/** How much of the lyrics or story text goes into the embedding: the opening sets the topic. */
export const EXCERPT_CHARS = 400;

/** The text an item is embedded from: title, description, tags, and an excerpt of its words. */
export function embeddingText(item: Pick<MediaItem, 'title' | 'description' | 'tags' | 'kind'>, words?: string | null): string {
  const parts = [item.title, item.description, item.tags.join(', '), item.kind];
  if (words) parts.push(excerpt(words, EXCERPT_CHARS));
  return parts.filter((p) => p.trim().length > 0).join('. ');
}

export function excerpt(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxChars) return flat;
  const cut = flat.slice(0, maxChars);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut;
}
