import { describe, expect, it } from 'vitest';
import { useHearthInChromium } from '../helpers/e2e-session.ts';

const SCREENS = ['talk', 'library', 'memory', 'personas', 'settings'] as const;

describe('app shell in Chromium, served by the real Hearth server', () => {
  const hearth = useHearthInChromium();

  it('renders every screen, is cross-origin isolated, and makes no request off the server origin', async () => {
    const { context, page, recorder, problems } = await hearth.openPage({
      context: { viewport: { width: 390, height: 800 } },
    });

    const response = await page.goto(hearth.server.url, { waitUntil: 'networkidle' });
    const headers = response?.headers() ?? {};
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(headers['cross-origin-embedder-policy']).toBe('require-corp');
    expect(headers['content-security-policy']).toContain("default-src 'self'");

    await page.getByTestId('screen-talk').waitFor();
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    for (const screen of SCREENS) {
      await page.getByTestId(`nav-${screen}`).click();
      await page.getByTestId(`screen-${screen}`).waitFor();
      expect(page.url()).toContain(`#/${screen}`);
    }

    // Settings → Models lists every model role with its status from /api/models.
    await page.getByTestId('settings-open-models').click();
    await page.getByTestId('model-role-vad').waitFor();
    await expect.poll(() => page.getByTestId('model-role-vad').textContent()).toMatch(/ready/i);
    expect(await page.getByTestId('model-role-stt').textContent()).toMatch(/missing/i);

    // Back button returns to the previous page (hash routing): Settings' menu, then Personas.
    await page.goBack();
    await page.locator('[data-testid="screen-settings"][data-page="menu"]').waitFor();
    await page.goBack();
    await page.getByTestId('screen-personas').waitFor();

    await page.waitForLoadState('networkidle');
    expect(recorder.requests.length).toBeGreaterThan(2);
    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("fetches the other screens' code after Talk starts; a screen whose code does not arrive offers to try again", async () => {
    const { context, page } = await hearth.openPage({ context: { serviceWorkers: 'block' } });
    let settingsArrive = false;
    await page.route(/\/assets\/SettingsScreen-[^/]+\.js$/, (route) =>
      settingsArrive ? route.continue() : route.abort('connectionreset'),
    );
    await page.goto(hearth.server.url);
    await page.locator('[data-testid="screen-talk"][data-can-listen="true"]').waitFor();
    // Every other screen's code is fetched in the background after the app started (it used to be
    // part of the app's own script), the Settings screen's failing.
    await page.waitForFunction(() => performance.getEntriesByName('hearth:screens:loaded').length > 0);
    const fetchedAfterStart = (await page.evaluate(`(() => {
      const start = performance.getEntriesByName('hearth:app:start')[0].startTime;
      return performance.getEntriesByType('resource')
        .filter((r) => /(Library|Memory|Personas)Screen-[^/]+\\.js$/.test(r.name))
        .map((r) => r.startTime > start);
    })()`)) as boolean[];
    expect(fetchedAfterStart).toEqual([true, true, true]);

    await page.getByTestId('nav-settings').click();
    const failed = page.getByTestId('screen-load-failed');
    await failed.waitFor();
    expect(await failed.textContent()).toContain("This page didn't open");

    settingsArrive = true;
    await failed.getByRole('button', { name: 'Try again' }).click();
    await page.getByTestId('screen-settings').waitFor();
    await page.getByTestId('nav-library').click();
    await page.getByTestId('screen-library').waitFor();
    await context.close();
  });

  it('Settings → Talking: "Answer sooner" is off until switched on, and stays as set after a reload', async () => {
    const { context, page, problems } = await hearth.openPage({ context: { viewport: { width: 820, height: 900 } } });
    await page.goto(`${hearth.server.url}/#/settings/device`);
    const answerSooner = page.getByTestId('talking-answerInPauses');
    await answerSooner.waitFor();
    expect(await answerSooner.isChecked()).toBe(false);
    await answerSooner.click();
    expect(await answerSooner.isChecked()).toBe(true);
    await page.reload();
    await answerSooner.waitFor();
    expect(await answerSooner.isChecked()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lays out the navigation for phone, tablet and laptop widths', async () => {
    for (const width of [360, 820, 1366]) {
      const context = await hearth.browser.newContext({ viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${hearth.server.url}/#/talk`);
      const nav = page.getByTestId('nav-talk');
      await nav.waitFor();
      const box = await nav.boundingBox();
      expect(box).not.toBeNull();
      // Touch targets stay large enough for small fingers at every size.
      expect(box!.height).toBeGreaterThanOrEqual(44);
      // Nothing overflows the viewport horizontally.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await context.close();
    }
  });
});
