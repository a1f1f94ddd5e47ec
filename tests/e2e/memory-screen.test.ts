import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readStore } from '../helpers/app-database.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';

/** Puts rows in the app's database, as a past conversation would have (the voice path is tested in memory-reload). */
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

// An hour ago: inside the default 7 days a browser keeps conversations (older ones are pruned at start).
const SEEDED_AT = Date.now() - 3_600_000;
const MEMORIES = [
  {
    id: 'm1',
    slot: 'name',
    text: "The user's name is Maya.",
    source: 'rules',
    conversationId: 'c1',
    createdAt: SEEDED_AT,
    updatedAt: SEEDED_AT,
    embedding: [0.125, -0.5, 2],
  },
  {
    id: 'm2',
    slot: 'family:brother',
    text: "The user's brother is called Leo.",
    source: 'rules',
    conversationId: 'c1',
    createdAt: SEEDED_AT + 100_000,
    updatedAt: SEEDED_AT + 100_000,
    embedding: null,
  },
  {
    id: 'm3',
    slot: 'likes:dinosaur',
    text: 'The user loves dinosaurs.',
    source: 'tool',
    conversationId: null,
    createdAt: SEEDED_AT + 200_000,
    updatedAt: SEEDED_AT + 200_000,
    embedding: null,
    // The words it came from (kept since #13; m1 and m2 are older and have none).
    fromWords: 'Remember that I love dinosaurs!',
  },
];
const CONVERSATION = {
  id: 'c1',
  startedAt: SEEDED_AT,
  updatedAt: SEEDED_AT + 100_000,
  title: 'My name is Maya',
  personaId: 'builtin-hearth',
  turnCount: 1,
};
const TURN = {
  id: 't1',
  conversationId: 'c1',
  at: SEEDED_AT,
  userText: 'My name is Maya',
  replyText: 'Hi Maya!',
  personaId: 'builtin-hearth',
  interrupted: false,
  memoriesUsed: [],
  guarded: null,
};

describe('Memory screen in Chromium (real server, real IndexedDB)', () => {
  const hearth = useHearthInChromium();

  it('is behind the parent PIN; a parent views, edits, exports, deletes and re-imports memories without loss', async () => {
    const { context, page, recorder, problems } = await hearth.openPage({
      context: { viewport: { width: 1024, height: 900 }, acceptDownloads: true },
    });
    await page.goto(`${hearth.server.url}/#/memory`);

    // The gate: nothing of the memories shows before the PIN.
    await page.getByTestId('pin-gate').waitFor();
    expect(await page.getByTestId('memory-list').count()).toBe(0);
    await page.getByTestId('pin-input').fill('2468');
    await page.getByTestId('pin-confirm').fill('2468');
    await page.getByTestId('pin-submit').click();
    await page.getByTestId('memory-empty').waitFor();

    await seed(page, 'conversations', [CONVERSATION]);
    await seed(page, 'turns', [TURN]);
    await seed(page, 'memories', MEMORIES);
    // Written behind Dexie's back, so reload (the admin session lasts for this tab).
    await page.reload();
    await expect.poll(() => page.getByTestId('memory-item').count()).toBe(3);
    const item = (slot: string) => page.locator(`[data-testid="memory-item"][data-slot="${slot}"]`);
    // Each memory reads about Maya (never "The user ..."), shows the words it came from, and its date once.
    expect(await page.getByTestId('memory-text').allTextContents()).toEqual([
      'Maya loves dinosaurs.',
      "Maya's brother is called Leo.",
      'Their name is Maya.',
    ]);
    expect(await item('likes:dinosaur').getByTestId('memory-origin').textContent()).toBe(
      'From: “Remember that I love dinosaurs!”',
    );
    // Older: found again in its conversation's saved turn, or said plainly when it cannot be.
    expect(await item('name').getByTestId('memory-origin').textContent()).toBe('From: “My name is Maya”');
    expect(await item('family:brother').getByTestId('memory-origin').textContent()).toBe(
      'From an earlier conversation',
    );
    for (const slot of ['name', 'family:brother', 'likes:dinosaur']) {
      const memory = item(slot);
      expect(await memory.locator('time').count()).toBe(1);
      const date = (await memory.locator('time').textContent())!.trim();
      expect(date.length).toBeGreaterThan(0);
      const text = await memory.innerText();
      expect(text.split(date).length - 1).toBe(1);
    }

    // Export → the file holds every memory.
    const downloadPromise = page.waitForEvent('download');
    await page.getByTestId('memory-export').click();
    const download = await downloadPromise;
    const file = await download.path();
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      formatName: string;
      data: { tables: { name: string }[] };
    };
    expect(exported.formatName).toBe('dexie');
    expect(exported.data.tables.map((t) => t.name).sort()).toEqual(['conversations', 'memories', 'turns']);
    const before = await readStore(page, 'memories');

    // Edit one, delete one, then delete all.
    await item('likes:dinosaur').getByTestId('memory-edit').click();
    // The parent edits the words they read.
    expect(await page.getByTestId('memory-edit-input').inputValue()).toBe('Maya loves dinosaurs.');
    await page.getByTestId('memory-edit-input').fill('Maya loves stegosauruses.');
    await page.getByTestId('memory-save').click();
    await page.getByText('Maya loves stegosauruses.').waitFor();
    // An edit keeps the words the memory came from.
    expect(await item('likes:dinosaur').getByTestId('memory-origin').textContent()).toBe(
      'From: “Remember that I love dinosaurs!”',
    );
    await page.locator('[data-testid="memory-item"][data-slot="family:brother"]').getByTestId('memory-delete').click();
    await expect.poll(() => page.getByTestId('memory-item').count()).toBe(2);
    await page.getByTestId('memory-delete-all').click();
    await page.getByTestId('memory-delete-all-confirm').click();
    await page.getByTestId('memory-empty').waitFor();
    expect(await readStore(page, 'memories')).toEqual([]);

    // Import the export: everything back exactly as it was (ids, times, embeddings).
    await page.getByTestId('memory-import-input').setInputFiles(file);
    await page
      .getByTestId('memory-backup-message')
      .filter({ hasText: /Imported/ })
      .waitFor();
    await expect.poll(() => page.getByTestId('memory-item').count()).toBe(3);
    const sortById = (rows: unknown[]) =>
      [...rows].sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)));
    expect(sortById(await readStore(page, 'memories'))).toEqual(sortById(before));
    expect(await readStore(page, 'turns')).toEqual([TURN]);

    // Memory switch is stored; a reload keeps the memories (and the admin session for this tab).
    // So is the switch for the language model's memory picking (offered only while memory is on).
    await page.getByTestId('memory-llm-extraction').uncheck();
    await page.getByTestId('memory-enabled').uncheck();
    // The switches write to IndexedDB after the click: reload only once both writes are stored.
    const stored = async (key: string) => (await readStore(page, 'settings')).find((row) => row.key === key)?.value;
    await expect.poll(() => stored('memoryEnabled')).toBe(false);
    await expect.poll(() => stored('memoryLlmExtraction')).toBe(false);
    await page.reload();
    await expect.poll(() => page.getByTestId('memory-item').count()).toBe(3);
    // The screen reads the switches from IndexedDB after it renders (on by default until then).
    await expect.poll(() => page.getByTestId('memory-enabled').isChecked()).toBe(false);
    await expect.poll(() => page.getByTestId('memory-llm-extraction').isChecked()).toBe(false);
    expect(await page.getByTestId('memory-llm-extraction').isDisabled()).toBe(true);

    // Conversation history: open, then delete.
    await page
      .getByTestId('history-item')
      .first()
      .getByRole('button', { name: /^My name is Maya/ })
      .click();
    await page.getByText('Hi Maya!').waitFor();
    await page.getByTestId('history-delete').first().click();
    await page.getByTestId('history-empty').waitFor();
    expect(await readStore(page, 'turns')).toEqual([]);

    // Locking hides it all again.
    await page.getByTestId('admin-lock').click();
    await page.getByTestId('pin-gate').waitFor();
    expect(await page.getByTestId('memory-list').count()).toBe(0);

    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
