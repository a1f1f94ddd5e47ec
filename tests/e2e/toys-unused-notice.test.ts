// The notice before a toy nobody uses is deleted, in Chromium against the real server: a toy last
// used 85 days ago (of the default 90) shows on its card in Settings → Toys since when and on which
// day it goes; the parent turns deletion off in its profile, the server stores it and the notice goes.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { householdKeyFile } from '../../server/livekit/household-key.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { TEST_CONSENT } from '../helpers/toy-consent.ts';

const DAY_MS = 24 * 3600 * 1000;

describe('Settings → Toys: the unused-toy notice in Chromium', () => {
  const hearth = useHearthInChromium();

  it('shows when an unused toy will be deleted, and the parent can turn that off', async () => {
    const { server } = hearth;
    const key = fs.readFileSync(householdKeyFile(server.dataDir), 'utf8').trim();
    const api = (method: string, url: string, body?: object) =>
      fetch(`${server.url}${url}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    const created = await api('POST', '/api/devices', { name: 'Bear', id: 'bear', consent: TEST_CONSENT });
    expect(created.status).toBe(201);
    // Last used 85 days ago: a second connection to the server's own database file (WAL allows it).
    const lastUsed = new Date(Date.now() - 85 * DAY_MS).toISOString();
    const db = new Database(path.join(server.dataDir, 'hearth.db'));
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('UPDATE devices SET created_at = ?, last_active_at = ? WHERE id = ?').run(lastUsed, lastUsed, 'bear');
    } finally {
      db.close();
    }
    const listed = (await (await api('GET', '/api/devices/bear')).json()) as {
      unusedDeletion: { deletesAt: string; noticeDue: boolean };
    };
    expect(listed.unusedDeletion.noticeDue).toBe(true);

    const { page, problems } = await hearth.openPage({ context: { viewport: { width: 1024, height: 900 } } });
    await page.goto(`${server.url}/#/settings/toys`);
    const section = page.getByTestId('toys-section');
    await section.getByTestId('pin-gate').waitFor();
    await section.getByTestId('pin-input').fill('2468');
    await section.getByTestId('pin-confirm').fill('2468');
    await section.getByTestId('pin-submit').click();

    const row = page.locator('[data-testid="toy-row"][data-toy-id="bear"]');
    const notice = row.getByTestId('toy-unused-notice');
    await notice.waitFor();
    const words = (await notice.textContent()) ?? '';
    // The day is the page's own wording of the server's date, as the parent's browser shows dates.
    const [usedDay, deletionDay] = await page.evaluate(
      (times) =>
        times.map((t) =>
          new Date(t).toLocaleDateString(undefined, {
            weekday: 'long',
            day: 'numeric',
            month: 'long',
            year: 'numeric',
          }),
        ),
      [lastUsed, listed.unusedDeletion.deletesAt],
    );
    expect(words).toBe(
      `Not used since ${usedDay}. On ${deletionDay} this toy and everything it kept (what was said, its memories, its talking time) will be deleted, unless it is used before then. To keep it, let the child use it, or change “Delete if not used for” in its profile.`,
    );

    // The parent keeps it: "Never" in its profile.
    await row.getByTestId('toy-open-profile').click();
    const choice = row.getByTestId('toy-delete-unused-days');
    expect(await choice.inputValue()).toBe('90');
    await choice.selectOption('0');
    await row.getByTestId('toy-save').click();
    await row.getByTestId('toy-saved').waitFor();
    const stored = (await (await api('GET', '/api/devices/bear')).json()) as {
      deleteUnusedAfterDays: number;
      unusedDeletion: { noticeDue: boolean };
    };
    expect(stored).toMatchObject({ deleteUnusedAfterDays: 0, unusedDeletion: { noticeDue: false } });
    await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(0);
    expect(problems).toEqual([]);
  });
});
