// A toy not used for the parent's number of days (deleteUnusedAfterDays, default 90, 0: never) has
// everything it kept deleted by the daily chore, with a notice on its card for the week before.
// Real SQLite file and a fixed "now": the deleted toy's words are in none of the database's files;
// a toy inside the notice week is listed with its date; a toy used lately is untouched.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { MIGRATIONS } from '../../../server/db/migrations.ts';
import { DeviceMemoryStore } from '../../../server/devices/device-memory-store.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { DeviceTurnStore } from '../../../server/devices/device-turn-store.ts';
import { DeviceUsage } from '../../../server/devices/device-usage.ts';
import { UnusedToys } from '../../../server/devices/unused-toys.ts';
import { UNUSED_TOY_DEFAULT_DAYS, type UnusedToyDeletion } from '../../../src/core/devices/unused-toy-deletion.ts';
import { TEST_CONSENT } from '../../helpers/toy-consent.ts';
import { adminToken, buildTestApp, type BuiltApp } from './helpers.ts';

const DAY_MS = 24 * 3600 * 1000;
const NOW = Date.parse('2026-06-10T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW - days * DAY_MS);

describe('toys unused past the parent’s days, in the store', () => {
  let dir: string;
  let db: HearthDatabase;
  let devices: DeviceRepository;
  let unused: UnusedToys;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-unused-'));
    db = openDatabase(path.join(dir, 'hearth.db'));
    devices = new DeviceRepository(db);
    unused = new UnusedToys(db, () => NOW);
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A toy registered long ago, last used `lastUsedDaysAgo` days before NOW (fetched a token then). */
  function toy(id: string, lastUsedDaysAgo: number, deleteUnusedAfterDays?: number): void {
    devices.create(
      { name: id, id, ownerName: 'Maya', ...(deleteUnusedAfterDays === undefined ? {} : { deleteUnusedAfterDays }) },
      { request: TEST_CONSENT, givenBy: 'parent-pin' },
    );
    db.prepare('UPDATE devices SET created_at = ?, unused_clock_from = ? WHERE id = ?').run(
      daysAgo(400).toISOString(),
      daysAgo(400).toISOString(),
      id,
    );
    devices.markActive(id, daysAgo(lastUsedDaysAgo));
  }

  async function keepWords(id: string, said: string, remembered: string, at: Date): Promise<void> {
    new DeviceTurnStore(db).add(id, {
      startedAt: at.toISOString(),
      endedAt: at.toISOString(),
      userText: said,
      replyText: 'ok',
      interrupted: false,
      guarded: null,
      personaName: 'Hearth',
    });
    await new DeviceMemoryStore(db, id).put({
      id: `mem-${id}`,
      slot: 'fact',
      text: remembered,
      source: 'rules',
      conversationId: null,
      createdAt: at.getTime(),
      updatedAt: at.getTime(),
      embedding: null,
    });
    new DeviceUsage(db, id).add(at, 60_000);
  }

  /** The database's files on disk (hearth.db, -wal, -shm) that hold `phrase`. */
  function filesHolding(phrase: string): string[] {
    const files = fs.readdirSync(dir).filter((name) => /^hearth\.db(?:-wal|-shm)?$/.test(name));
    expect(files).toContain('hearth.db');
    return files.filter((name) => fs.readFileSync(path.join(dir, name)).includes(Buffer.from(phrase, 'utf8')));
  }

  const rowsOf = (table: string, id: string) =>
    (
      db
        .prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${table === 'devices' ? 'id' : 'device_id'} = ?`)
        .get(id) as {
        n: number;
      }
    ).n;

  it('deletes a toy past its days with all it kept, leaving none of its words on disk', async () => {
    toy('bear', 91);
    await keepWords(
      'bear',
      'my secret den is under the Wigglesworth bridge',
      'Maya’s rabbit is called Biscuit Thundertail',
      daysAgo(91),
    );
    toy('owl', 3);
    await keepWords('owl', 'the owl heard about the blue kite', 'Maya likes owls', daysAgo(3));
    expect(filesHolding('Wigglesworth bridge')).not.toEqual([]);
    expect(filesHolding('Biscuit Thundertail')).not.toEqual([]);

    expect(unused.deleteDue()).toEqual(['bear']);

    for (const table of ['devices', 'device_turns', 'device_memories', 'device_usage', 'device_consents'])
      expect(rowsOf(table, 'bear'), table).toBe(0);
    expect(filesHolding('Wigglesworth bridge')).toEqual([]);
    expect(filesHolding('Biscuit Thundertail')).toEqual([]);
    // The write-ahead log was checkpointed and cut.
    expect(fs.statSync(path.join(dir, 'hearth.db-wal')).size).toBe(0);
    // The toy used three days ago keeps everything.
    expect(filesHolding('the blue kite')).not.toEqual([]);
    expect(rowsOf('device_memories', 'owl')).toBe(1);
    expect(unused.deleteDue()).toEqual([]);
  });

  it('lists a toy inside the notice week with its deletion date, and deletes it only when the day comes', () => {
    toy('fox', 85);
    const lastUsed = daysAgo(85);
    expect(unused.deletion('fox')).toEqual<UnusedToyDeletion>({
      lastUsedAt: lastUsed.toISOString(),
      deletesAt: new Date(lastUsed.getTime() + UNUSED_TOY_DEFAULT_DAYS * DAY_MS).toISOString(),
      noticeDue: true,
    });
    expect(unused.deleteDue()).toEqual([]);
    expect(devices.get('fox')).toBeDefined();

    // Five days later the day has come.
    expect(new UnusedToys(db, () => NOW + 5 * DAY_MS).deleteDue()).toEqual(['fox']);
  });

  it('says nothing yet about a toy used lately, or one further from its date than a week', () => {
    toy('hen', 2);
    toy('cat', 82);
    expect(unused.deletion('hen')).toMatchObject({ noticeDue: false });
    expect(unused.deletion('cat')).toMatchObject({ noticeDue: false });
    expect(unused.deletion('nope')).toBeUndefined();
  });

  it('never deletes a toy set to 0, and follows each toy’s own days', () => {
    toy('frog', 1000, 0);
    toy('mole', 31, 30);
    expect(unused.deletion('frog')).toMatchObject({ deletesAt: null, noticeDue: false });
    expect(unused.deleteDue()).toEqual(['mole']);
    expect(devices.get('frog')).toBeDefined();
  });

  it('counts every trace of use: a stock toy’s check-in, a kept turn, a day of talking time', async () => {
    toy('seen', 200);
    db.prepare("INSERT INTO toy_transports (device_id, transport, last_seen_at) VALUES ('seen', 'xiaozhi-ws', ?)").run(
      daysAgo(1).getTime(),
    );
    toy('talked', 200);
    await keepWords('talked', 'a story about a brave turtle', 'Maya likes turtles', daysAgo(10));
    toy('timed', 200);
    new DeviceUsage(db, 'timed').add(daysAgo(4), 60_000);
    expect(unused.deleteDue()).toEqual([]);
    expect(unused.deletion('talked')?.lastUsedAt).toBe(daysAgo(10).toISOString());
  });

  it('counts a shorter choice from the day the parent made it, so the toy still gets its notice', () => {
    toy('vole', 60);
    const changedAt = NOW - 3_600_000;
    devices.updateProfile('vole', { deleteUnusedAfterDays: 30 });
    // updateProfile stamps the real clock; the test's clock is fixed, so put the change at NOW - 1 h.
    db.prepare("UPDATE devices SET unused_clock_from = ? WHERE id = 'vole'").run(new Date(changedAt).toISOString());
    expect(unused.deleteDue()).toEqual([]);
    expect(unused.deletion('vole')).toMatchObject({
      lastUsedAt: daysAgo(60).toISOString(),
      deletesAt: new Date(changedAt + 30 * DAY_MS).toISOString(),
      noticeDue: false,
    });
  });

  it('stamps the clock only when the days change, not on every profile save', () => {
    toy('wren', 10);
    const before = db.prepare("SELECT unused_clock_from AS at FROM devices WHERE id = 'wren'").get() as { at: string };
    devices.updateProfile('wren', { deleteUnusedAfterDays: UNUSED_TOY_DEFAULT_DAYS, name: 'Wren' });
    expect(db.prepare("SELECT unused_clock_from AS at FROM devices WHERE id = 'wren'").get()).toEqual(before);
    devices.updateProfile('wren', { deleteUnusedAfterDays: 60 });
    const after = db.prepare("SELECT unused_clock_from AS at FROM devices WHERE id = 'wren'").get() as { at: string };
    expect(Date.parse(after.at)).toBeGreaterThan(Date.parse(before.at));
  });

  it('counts a toy never used from the day it was registered', () => {
    devices.create({ name: 'New', id: 'new' });
    db.prepare('UPDATE devices SET created_at = ? WHERE id = ?').run(daysAgo(89).toISOString(), 'new');
    expect(unused.deletion('new')).toMatchObject({ lastUsedAt: daysAgo(89).toISOString(), noticeDue: true });
    expect(unused.deleteDue()).toEqual([]);
  });
});

describe('upgrading to the rule', () => {
  it('counts the days of a toy registered long before from the upgrade, not from its last use', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-unused-upgrade-'));
    try {
      const file = path.join(dir, 'hearth.db');
      const before = openDatabase(
        file,
        MIGRATIONS.filter((m) => m.version < 12),
      );
      before
        .prepare('INSERT INTO devices (id, name, credential_hash, created_at) VALUES (?, ?, ?, ?)')
        .run('old', 'Old bear', 'x', new Date(Date.now() - 300 * DAY_MS).toISOString());
      before.close();

      const upgradedAt = Date.now();
      const db = openDatabase(file);
      try {
        const unused = new UnusedToys(db);
        expect(unused.deleteDue()).toEqual([]);
        const deletion = unused.deletion('old')!;
        expect(deletion.noticeDue).toBe(false);
        expect(Date.parse(deletion.deletesAt!)).toBeGreaterThanOrEqual(
          upgradedAt - 1000 + UNUSED_TOY_DEFAULT_DAYS * DAY_MS,
        );
        expect(new DeviceRepository(db).get('old')?.deleteUnusedAfterDays).toBe(UNUSED_TOY_DEFAULT_DAYS);
      } finally {
        db.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the server’s daily chore', () => {
  it('deletes, when the server starts, a toy unused past its days and keeps the others', async () => {
    const built = await buildTestApp((db) => {
      const devices = new DeviceRepository(db);
      const longAgo = new Date(Date.now() - 120 * DAY_MS).toISOString();
      for (const id of ['gone', 'kept']) {
        devices.create({ name: id, id });
        db.prepare('UPDATE devices SET created_at = ? WHERE id = ?').run(longAgo, id);
      }
      devices.updateProfile('kept', { deleteUnusedAfterDays: 365 });
    });
    try {
      const ids = (
        await built.app.inject({
          method: 'GET',
          url: '/api/devices',
          headers: { authorization: `Bearer ${built.householdKey}` },
        })
      )
        .json<{ devices: { id: string }[] }>()
        .devices.map((t) => t.id);
      expect(ids).toEqual(['kept']);
    } finally {
      await built.close();
    }
  }, 60_000);
});

describe('the parent’s setting and the notice through the devices API', () => {
  let built: BuiltApp;
  let admin: string;

  beforeAll(async () => {
    built = await buildTestApp();
    admin = await adminToken(built.app);
  }, 60_000);
  afterAll(async () => {
    await built?.close();
  });

  const call = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    bearer: string | null,
    payload?: object,
  ): Promise<LightMyRequestResponse> =>
    built.app.inject({
      method,
      url,
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
      ...(payload ? { payload } : {}),
    });

  type ListedToy = { id: string; deleteUnusedAfterDays: number; unusedDeletion: UnusedToyDeletion };
  const listed = async (id: string) =>
    (await call('GET', '/api/devices', admin)).json<{ devices: ListedToy[] }>().devices.find((t) => t.id === id);

  it('defaults to 90 days, and the parent (PIN session) can change it or turn it off', async () => {
    const created = await call('POST', '/api/devices', admin, { name: 'Bear', id: 'bear', consent: TEST_CONSENT });
    expect(created.json<ListedToy>().deleteUnusedAfterDays).toBe(UNUSED_TOY_DEFAULT_DAYS);

    const set = await call('PATCH', '/api/devices/bear', admin, { deleteUnusedAfterDays: 30 });
    expect(set.statusCode).toBe(200);
    expect(set.json<ListedToy>().deleteUnusedAfterDays).toBe(30);
    expect((await listed('bear'))?.deleteUnusedAfterDays).toBe(30);

    const off = await call('PATCH', '/api/devices/bear', admin, { deleteUnusedAfterDays: 0 });
    expect(off.json<ListedToy>()).toMatchObject({
      deleteUnusedAfterDays: 0,
      unusedDeletion: { deletesAt: null, noticeDue: false },
    });
  });

  it('the data ledger says each kept kind goes when the toy is not used for its days', async () => {
    await call('PATCH', '/api/devices/bear', admin, { deleteUnusedAfterDays: 45 });
    const ledger = (await call('GET', '/api/privacy/ledger', admin)).json<{
      toys: { id: string; entries: { kind: string; keptFor: string }[] }[];
    }>();
    const keptFor = (kind: string) =>
      ledger.toys.find((t) => t.id === 'bear')?.entries.find((e) => e.kind === kind)?.keptFor;
    expect(keptFor('profile')).toBe('as long as the toy is registered, or until the toy has not been used for 45 days');
    expect(keptFor('memories')).toMatch(/, or until the toy has not been used for 45 days$/);
  });

  it('refuses a bad number of days with what is wrong, and changes nothing', async () => {
    await call('PATCH', '/api/devices/bear', admin, { deleteUnusedAfterDays: 60 });
    for (const bad of [-1, 5, 13, 1.5, 3651, '90', null]) {
      const res = await call('PATCH', '/api/devices/bear', admin, { deleteUnusedAfterDays: bad });
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json<{ message: string }>().message).toMatch(
        /deleteUnusedAfterDays: 0 \(never delete\) or .* 14 to 3650/,
      );
    }
    expect((await listed('bear'))?.deleteUnusedAfterDays).toBe(60);
  });

  it('is the parent’s to set: no PIN session or household key, no change', async () => {
    expect((await call('PATCH', '/api/devices/bear', null, { deleteUnusedAfterDays: 14 })).statusCode).toBe(401);
    expect((await call('PATCH', '/api/devices/bear', 'not-a-session', { deleteUnusedAfterDays: 14 })).statusCode).toBe(
      401,
    );
    expect((await listed('bear'))?.deleteUnusedAfterDays).toBe(60);
  });

  it('lists a toy in its notice week with its date, and using the toy again resets the clock', async () => {
    const created = await call('POST', '/api/devices', admin, { name: 'Owl', id: 'owl', consent: TEST_CONSENT });
    const credential = created.json<{ credential: string }>().credential;
    const lastUsed = new Date(Date.now() - 85 * DAY_MS);
    built.db
      .prepare('UPDATE devices SET created_at = ?, last_active_at = ? WHERE id = ?')
      .run(lastUsed.toISOString(), lastUsed.toISOString(), 'owl');
    expect((await listed('owl'))?.unusedDeletion).toEqual({
      lastUsedAt: lastUsed.toISOString(),
      deletesAt: new Date(lastUsed.getTime() + 90 * DAY_MS).toISOString(),
      noticeDue: true,
    });

    // The toy connects (fetches its room token): no notice any more.
    expect((await call('POST', '/api/devices/owl/token', credential)).statusCode).toBe(200);
    const after = (await listed('owl'))?.unusedDeletion;
    expect(after?.noticeDue).toBe(false);
    expect(Date.parse(after!.lastUsedAt)).toBeGreaterThan(lastUsed.getTime());
  });
});
