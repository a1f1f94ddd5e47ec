import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, ROUTES, hrefFor, isRouteId, parseHash } from '../../../src/ui/router.ts';

describe('ui router', () => {
  it('parses every route from its href', () => {
    for (const route of ROUTES) expect(parseHash(hrefFor(route))).toBe(route);
  });

  it('accepts loose but unambiguous hashes', () => {
    expect(parseHash('#library')).toBe('library');
    expect(parseHash('#/Settings')).toBe('settings');
    expect(parseHash('#/memory/')).toBe('memory');
    expect(parseHash('#/personas?x=1')).toBe('personas');
  });

  it('returns null for empty or unknown hashes', () => {
    expect(parseHash('')).toBeNull();
    expect(parseHash('#')).toBeNull();
    expect(parseHash('#/')).toBeNull();
    expect(parseHash('#/nope')).toBeNull();
    expect(parseHash('#main')).toBeNull();
  });

  it('defaults to talk', () => {
    expect(DEFAULT_ROUTE).toBe('talk');
    expect(isRouteId('talk')).toBe(true);
    expect(isRouteId('admin')).toBe(false);
  });
});
