import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addAudioTap, audibleMs, readTap } from '../helpers/audio-tap.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';

async function activePersona(page: Page): Promise<string | null> {
  return page.locator('[data-testid="persona-card"][data-active="true"]').getAttribute('data-persona-id');
}

async function unlock(page: Page, pin: string, first: boolean): Promise<void> {
  await page.getByTestId('pin-input').fill(pin);
  if (first) await page.getByTestId('pin-confirm').fill(pin);
  await page.getByTestId('pin-submit').click();
}

describe('Personas screen in Chromium (real server, real IndexedDB)', () => {
  const hearth = useHearthInChromium();

  it('switches persona in the UI (kept after a reload); editing is behind the parent PIN; leaving child-safe mode needs it too', async () => {
    const { context, page, recorder, problems } = await hearth.openPage({
      context: { viewport: { width: 1024, height: 900 } },
      prepare: addAudioTap,
    });
    await page.goto(`${hearth.server.url}/#/personas`);

    await page.getByTestId('persona-card').first().waitFor();
    expect(await page.getByTestId('persona-card').count()).toBe(3);
    expect(await activePersona(page)).toBe('builtin-hearth');
    // Without the PIN there is nothing to edit.
    expect(await page.getByTestId('persona-edit').count()).toBe(0);

    await page.locator('[data-persona-id="builtin-captain-pip"]').getByTestId('persona-talk').click();
    await expect.poll(() => activePersona(page)).toBe('builtin-captain-pip');
    await page.reload();
    await page.getByTestId('persona-card').first().waitFor();
    await expect.poll(() => activePersona(page)).toBe('builtin-captain-pip');

    // Leaving child-safe mode (the private assistant) asks for a grown-up: first run chooses the PIN.
    await page.locator('[data-persona-id="builtin-assistant"]').getByTestId('persona-talk').click();
    await page.getByTestId('pin-gate').waitFor();
    expect(await activePersona(page)).toBe('builtin-captain-pip');
    await unlock(page, '4321', true);
    // Choosing the PIN hashes it on the server: slow on a busy machine.
    await expect.poll(() => activePersona(page), { timeout: 15_000 }).toBe('builtin-assistant');

    // Unlocked: edit the pirate's voice and greeting; the change is stored.
    await page.locator('[data-persona-id="builtin-captain-pip"]').getByTestId('persona-edit').click();
    await page.getByTestId('persona-voice').selectOption('rms');
    await page.getByTestId('persona-greeting').fill('Yo ho ho!');
    await page.getByTestId('persona-save').click();
    // Voices by name, not flite's codes.
    await page
      .locator('[data-persona-id="builtin-captain-pip"]')
      .getByText('Voice: Richard, US English, male')
      .waitFor();

    // "Listen" says the greeting in the chosen voice, through the speakers.
    await page.locator('[data-persona-id="builtin-captain-pip"]').getByTestId('persona-edit').click();
    const listen = page.getByTestId('persona-listen');
    await listen.click();
    await expect.poll(async () => audibleMs(await readTap(page)), { timeout: 60_000 }).toBeGreaterThan(300);
    await expect.poll(() => listen.textContent(), { timeout: 60_000 }).toBe('Listen');
    await page.getByTestId('persona-cancel').click();

    // The ages its songs and stories are for: a bad age is refused with a clear message, a good range is kept.
    await page.locator('[data-persona-id="builtin-captain-pip"]').getByTestId('persona-edit').click();
    expect(await page.getByTestId('persona-age-min').inputValue()).toBe('3');
    await page.getByTestId('persona-age-min').fill('five');
    await page.getByTestId('persona-age-max').fill('12');
    await page.getByTestId('persona-age-error').waitFor();
    await page.getByTestId('persona-save').click();
    expect(await page.getByTestId('persona-editor').count()).toBe(1);
    await page.getByTestId('persona-age-min').fill('5');
    await page.getByTestId('persona-age-error').waitFor({ state: 'detached' });
    await page.getByTestId('persona-save').click();
    await page.getByTestId('persona-editor').waitFor({ state: 'detached' });
    await page.locator('[data-persona-id="builtin-captain-pip"]').getByTestId('persona-edit').click();
    expect([
      await page.getByTestId('persona-age-min').inputValue(),
      await page.getByTestId('persona-age-max').inputValue(),
    ]).toEqual(['5', '12']);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByTestId('persona-editor').waitFor({ state: 'detached' });

    // Duplicate and delete.
    await page.locator('[data-persona-id="builtin-captain-pip"]').getByTestId('persona-duplicate').click();
    await page.getByTestId('persona-name').fill('Pirate Polly');
    await page.getByTestId('persona-save').click();
    await page.getByText('Pirate Polly', { exact: true }).waitFor();
    expect(await page.getByTestId('persona-card').count()).toBe(4);
    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .locator('[data-testid="persona-card"]', { hasText: 'Pirate Polly' })
      .getByTestId('persona-delete')
      .click();
    await expect.poll(() => page.getByTestId('persona-card').count()).toBe(3);

    // Limits are saved too.
    await page.getByTestId('limits-daily-on').check();
    await page.getByTestId('limits-daily-minutes').fill('20');
    await page.getByTestId('limits-save').click();
    await page.getByText('Saved').waitFor();

    // Locked again: the edit controls are gone; a wrong PIN is refused.
    await page.getByTestId('admin-lock').click();
    expect(await page.getByTestId('persona-edit').count()).toBe(0);
    await page.getByTestId('personas-manage').click();
    await unlock(page, '0000', false);
    await page.getByTestId('pin-error').waitFor();
    expect(await page.getByTestId('persona-edit').count()).toBe(0);

    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems.filter((p) => !/401|Unauthorized/.test(p))).toEqual([]);
    await context.close();
  });
});
