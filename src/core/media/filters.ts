import type { CatalogQuery, MediaItem } from './types.ts';

/** Kind, language and age filters; an item with unknown language or age passes those filters. */
export function matchesFilters(item: MediaItem, query: Omit<CatalogQuery, 'text'>): boolean {
  if (query.kind && item.kind !== query.kind) return false;
  if (query.language && item.language && primaryLanguage(item.language) !== primaryLanguage(query.language)) return false;
  if (query.age !== undefined) {
    if (item.ageMin !== null && query.age < item.ageMin) return false;
    if (item.ageMax !== null && query.age > item.ageMax) return false;
  }
  // An item suits an audience when their age ranges overlap.
  if (query.ages) {
    if (item.ageMax !== null && item.ageMax < query.ages.min) return false;
    if (item.ageMin !== null && item.ageMin > query.ages.max) return false;
  }
  return true;
}

export function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}
