// Tiny hash router: `#/talk`, `#/library`, `#/memory`, `#/personas`, `#/settings`.
// Pure helpers are DOM-free (unit-testable); `watchRoute` wires them to `window`.

export const ROUTES = ['talk', 'library', 'memory', 'personas', 'settings'] as const;
export type RouteId = (typeof ROUTES)[number];
export const DEFAULT_ROUTE: RouteId = 'talk';

export function isRouteId(value: string): value is RouteId {
  return (ROUTES as readonly string[]).includes(value);
}

/** `#/library`, `#library`, `#/library/`, `#/Library?x` -> 'library'; anything else -> null. */
export function parseHash(hash: string): RouteId | null {
  const path = hash.replace(/^#\/?/, '').split(/[/?]/, 1)[0] ?? '';
  const id = path.toLowerCase();
  return isRouteId(id) ? id : null;
}

export function hrefFor(route: RouteId): string {
  return `#/${route}`;
}

export function currentRoute(): RouteId {
  return parseHash(window.location.hash) ?? DEFAULT_ROUTE;
}

export function navigate(route: RouteId): void {
  if (parseHash(window.location.hash) === route) return;
  window.location.hash = hrefFor(route);
}

/**
 * Calls `onChange` with the current route now and whenever the hash changes (links,
 * back/forward, manual edits). Unknown hashes are replaced by the default route without
 * adding a history entry. `guard` may refuse a route by returning another one (kiosk mode keeps
 * the Talk screen); the address is corrected the same way. Returns a function that stops watching.
 */
export function watchRoute(
  onChange: (route: RouteId) => void,
  guard: (route: RouteId) => RouteId = (route) => route,
): () => void {
  const sync = (): void => {
    const hash = window.location.hash;
    const parsed = parseHash(hash);
    const route = guard(parsed ?? DEFAULT_ROUTE);
    const unknown = parsed === null && hash !== '' && hash !== '#' && hash !== '#/';
    if (unknown || (parsed !== null && route !== parsed)) {
      const url = new URL(window.location.href);
      url.hash = hrefFor(route);
      window.history.replaceState(window.history.state, '', url);
    }
    onChange(route);
  };
  window.addEventListener('hashchange', sync);
  sync();
  return () => window.removeEventListener('hashchange', sync);
}

/** Settings' sub-pages: `#/settings/models` and so on; `#/settings` alone lists them. */
export const SETTINGS_PAGES = ['device', 'models', 'toys', 'kiosk', 'parents', 'advanced'] as const;
export type SettingsPageId = (typeof SETTINGS_PAGES)[number];

/** `#/settings/toys` -> 'toys'; `#/settings`, another screen or an unknown page -> null. */
export function parseSettingsPage(hash: string): SettingsPageId | null {
  const [screen, page] = hash.replace(/^#\/?/, '').split(/[?]/, 1)[0]?.toLowerCase().split('/') ?? [];
  if (screen !== 'settings' || !page) return null;
  return (SETTINGS_PAGES as readonly string[]).includes(page) ? (page as SettingsPageId) : null;
}

export function settingsHref(page: SettingsPageId | null): string {
  return page ? `#/settings/${page}` : hrefFor('settings');
}

/** Opens Settings at one of its pages (e.g. kiosk mode's "open Settings" goes to Kiosk). */
export function openSettings(page: SettingsPageId | null = null): void {
  window.location.hash = settingsHref(page);
}
