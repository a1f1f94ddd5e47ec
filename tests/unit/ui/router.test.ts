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

describe('settings sub-pages', () => {
  it('reads the page after #/settings/ and nothing else', async () => {
    const { parseSettingsPage, settingsHref, SETTINGS_PAGES } = await import('../../../src/ui/router.ts');
    expect(parseSettingsPage('#/settings/toys')).toBe('toys');
    expect(parseSettingsPage('#/Settings/Models?x=1')).toBe('models');
    expect(parseSettingsPage('#/settings/')).toBeNull();
    expect(parseSettingsPage('#/settings')).toBeNull();
    expect(parseSettingsPage('#/settings/nope')).toBeNull();
    expect(parseSettingsPage('#/library/toys')).toBeNull();
    for (const page of SETTINGS_PAGES) expect(parseSettingsPage(settingsHref(page))).toBe(page);
    expect(settingsHref(null)).toBe('#/settings');
  });
});
