// The parent's data ledger and this browser's retention in Chromium, against the real server:
// behind the PIN, the ledger lists this device's data and each toy's with true counts, exports one
// kind as JSON of exactly that kind, deletes one kind (gone from IndexedDB), applies a shorter
// retention at once, and a memory past its forget date is deleted when the app starts.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { readStore } from '../helpers/app-database.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { TEST_CONSENT } from '../helpers/toy-consent.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Puts rows straight into the app's database, as earlier conversations would have. */
function seed(page: Page, store: string, rows: unknown[]): Promise<void> {
  return page.evaluate(
    ([name, values]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hearth');
        open.onsuccess = () => {
          const tx = open.result.transaction(name as string, 'readwrite');
          for (const value of values as unknown[]) tx.objectStore(name as string).put(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, rows] as const,
  );
}

function turn(id: string, conversationId: string, at: number, userText: string) {
  return {
    id,
    conversationId,
    at,
    userText,
    replyText: 'Oh, nice!',
    personaId: 'builtin-hearth',
    interrupted: false,
    memoriesUsed: [],
    guarded: null,
  };
}
function conversation(id: string, at: number, title: string, turnCount: number) {
  return { id, startedAt: at, updatedAt: at, title, personaId: 'builtin-hearth', turnCount };
}
function memory(id: string, text: string, forgetAfter?: number, fromWords?: string) {
  const base = {
    id,
    slot: `note:${id}`,
    text,
    source: 'rules',
    conversationId: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    embedding: null,
    ...(fromWords ? { fromWords } : {}),
  };
  return forgetAfter === undefined ? base : { ...base, forgetAfter };
}

/** The ledger row of one kind, on this device or for one toy. */
function row(page: Page, kind: string, toyId?: string): Locator {
  const scope = toyId
    ? page.locator(`[data-testid="ledger-toy"][data-toy="${toyId}"]`)
    : page.getByTestId('ledger-device');
  return scope.locator(`[data-testid="ledger-row"][data-kind="${kind}"]`);
}

async function downloadJson(page: Page, button: Locator): Promise<{ name: string; body: Record<string, unknown> }> {
  const downloading = page.waitForEvent('download');
  await button.click();
  const download = await downloading;
  return {
    name: download.suggestedFilename(),
    body: JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as Record<string, unknown>,
  };
}

describe('data ledger and retention in Chromium (real server, real IndexedDB)', () => {
  const hearth = useHearthInChromium();

  it('lists, exports and deletes what Hearth keeps; retention and memory expiry delete for real', async () => {
    const { context, page, recorder, problems } = await hearth.openPage({
      context: { viewport: { width: 1024, height: 900 }, acceptDownloads: true },
    });
    await page.goto(`${hearth.server.url}/#/settings/parents`);
    const section = page.getByTestId('privacy-section');

    // Behind the PIN: nothing of the ledger shows before it.
    await section.getByTestId('pin-gate').waitFor();
    expect(await page.getByTestId('data-ledger').count()).toBe(0);
    await section.getByTestId('pin-input').fill('2468');
    await section.getByTestId('pin-confirm').fill('2468');
    await section.getByTestId('pin-submit').click();
    await section.getByTestId('data-ledger').waitFor();
    expect(await section.getByTestId('no-audio-statement').textContent()).toMatch(/never stores a recording/);

    // A toy registered by the parent (with consent), through the same admin session.
    const toyId = await page.evaluate(async (consent) => {
      const { token } = JSON.parse(sessionStorage.getItem('hearth.admin-session') ?? '{}') as { token: string };
      const response = await fetch('/api/devices', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Bear', consent }),
      });
      if (response.status !== 201) throw new Error(`toy not created: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    }, TEST_CONSENT);

    // This browser's data: two recent turns and one three days old; two memories, one past its forget date.
    const now = Date.now();
    await seed(page, 'conversations', [
      conversation('c1', now - 60_000, 'My name is Maya', 2),
      conversation('c2', now - 3 * DAY, 'Grandma lives in Leeds', 1),
    ]);
    await seed(page, 'turns', [
      turn('t1', 'c1', now - 120_000, 'My name is Maya'),
      turn('t2', 'c1', now - 60_000, 'I love kites'),
      turn('t3', 'c2', now - 3 * DAY, 'Grandma lives in Leeds'),
    ]);
    await seed(page, 'memories', [
      memory('m1', "The user's name is Maya.", undefined, 'My name is Maya'),
      memory('m2', 'The user is scared of the dentist.', now - 1000),
      memory('m3', 'The user loves kites.'),
    ]);
    // A reload starts the app again: its retention run deletes the expired memory (not just hides it).
    await page.reload();
    await section.getByTestId('data-ledger').waitFor();
    await expect.poll(async () => (await readStore(page, 'memories')).map((m) => m['id']).sort()).toEqual(['m1', 'm3']);

    // Counts, where and how long.
    await expect.poll(() => row(page, 'conversations').getByTestId('ledger-count').textContent()).toBe('3 turns');
    expect(await row(page, 'conversations').getByTestId('ledger-kept').textContent()).toBe('Kept: 7 days');
    expect(await row(page, 'memories').getByTestId('ledger-count').textContent()).toBe('2 memories');
    await row(page, 'consent', toyId).waitFor();
    expect(await row(page, 'consent', toyId).getByTestId('ledger-count').textContent()).toBe('1 records');
    expect(await row(page, 'history', toyId).getByTestId('ledger-count').textContent()).toBe('0 turns');
    expect(await row(page, 'history', toyId).getAttribute('data-where')).toBe('home-server');

    // See: the memories themselves, as a parent reads them (stored as "The user ..."), with the words and one date.
    await row(page, 'memories').getByTestId('ledger-see').click();
    const seen = row(page, 'memories').getByTestId('ledger-items');
    expect((await seen.getByTestId('ledger-memory-text').allTextContents()).sort()).toEqual([
      'Loves kites.',
      'Their name is Maya.',
    ]);
    expect(await seen.textContent()).not.toContain('The user');
    expect(await seen.getByTestId('ledger-memory-origin').allTextContents()).toEqual(['From: “My name is Maya”']);
    expect(await seen.getByTestId('ledger-memory').first().locator('time').count()).toBe(1);
    // A toy's memories read the same way ("Nothing kept." while it has none).
    await row(page, 'memories', toyId).getByTestId('ledger-see').click();
    await row(page, 'memories', toyId).getByTestId('ledger-items-empty').waitFor();

    // Export: exactly one kind, as JSON.
    const memories = await downloadJson(page, row(page, 'memories').getByTestId('ledger-export'));
    expect(memories.name).toMatch(/^hearth-this-device-memories-\d{4}-\d{2}-\d{2}\.json$/);
    expect(memories.body['kind']).toBe('memories');
    expect((memories.body['items'] as { text: string }[]).map((m) => m.text).sort()).toEqual([
      'The user loves kites.',
      "The user's name is Maya.",
    ]);
    expect(JSON.stringify(memories.body)).not.toContain('I love kites');
    const consent = await downloadJson(page, row(page, 'consent', toyId).getByTestId('ledger-export'));
    expect(consent.body).toMatchObject({
      kind: 'consent',
      deviceId: toyId,
      items: [{ childAge: TEST_CONSENT.childAge }],
    });

    // A shorter retention applies at once: the three-day-old turn and its conversation go.
    await section.getByTestId('retention-days').selectOption('1');
    await section.getByTestId('retention-saved').waitFor();
    await expect.poll(async () => (await readStore(page, 'turns')).map((t) => t['id']).sort()).toEqual(['t1', 't2']);
    expect((await readStore(page, 'conversations')).map((c) => c['id'])).toEqual(['c1']);
    await expect.poll(() => row(page, 'conversations').getByTestId('ledger-count').textContent()).toBe('2 turns');

    // Delete all of one kind: gone from IndexedDB; the other kinds stay.
    await row(page, 'conversations').getByTestId('ledger-delete').click();
    await row(page, 'conversations').getByTestId('ledger-delete-yes').click();
    await expect.poll(() => row(page, 'conversations').getByTestId('ledger-count').textContent()).toBe('0 turns');
    expect(await readStore(page, 'turns')).toEqual([]);
    expect(await readStore(page, 'conversations')).toEqual([]);
    expect(await readStore(page, 'memories')).toHaveLength(2);

    // The Memory screen sets a forget date; the stored record carries it (forgotten after that day).
    await page.goto(`${hearth.server.url}/#/memory`);
    const maya = page.locator('[data-testid="memory-item"][data-slot="note:m1"]');
    await maya.getByTestId('memory-forget-after').fill('2099-01-31');
    await expect
      .poll(async () => (await readStore(page, 'memories')).find((m) => m['id'] === 'm1')?.['forgetAfter'])
      .toBe(await page.evaluate(() => new Date(2099, 1, 1).getTime()));
    await maya.getByTestId('memory-keep').click();
    await expect
      .poll(async () => 'forgetAfter' in ((await readStore(page, 'memories')).find((m) => m['id'] === 'm1') ?? {}))
      .toBe(false);

    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
