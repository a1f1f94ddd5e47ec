// A household upgrading from schema v3 (devices with only a name and a credential hash) keeps its
// toys and their credentials; they get default profiles, and the memory and usage tables appear.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../../server/db/database.ts';
import { MIGRATIONS } from '../../../server/db/migrations.ts';
import { DeviceMemoryStore } from '../../../server/devices/device-memory-store.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { CHILD_COMPANION_ID } from '../../../src/core/personas/index.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('device profile migration', () => {
  it('upgrades a v3 database with registered toys without losing them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-devmig-'));
    dirs.push(dir);
    const file = path.join(dir, 'hearth.db');
    const v3 = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version <= 3),
    );
    expect(schemaVersion(v3)).toBe(3);
    const credential = 'old-toy-credential';
    v3.prepare('INSERT INTO devices (id, name, credential_hash) VALUES (?, ?, ?)').run(
      'dev_0123456789abcdef',
      'Old bear',
      crypto.createHash('sha256').update(credential).digest('hex'),
    );
    v3.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    const devices = new DeviceRepository(db);
    const bear = devices.get('dev_0123456789abcdef');
    expect(bear).toMatchObject({
      name: 'Old bear',
      ownerName: '',
      voice: '',
      language: 'en',
      volume: 1,
      limits: { dailyMinutes: null, quietHours: null },
      defaultPersona: true,
    });
    expect(bear?.persona.id).toBe(CHILD_COMPANION_ID);
    expect(devices.verify('dev_0123456789abcdef', credential)).toBe(true);
    expect(devices.verify('dev_0123456789abcdef', 'something else')).toBe(false);

    const memories = new DeviceMemoryStore(db, 'dev_0123456789abcdef');
    await memories.put({
      id: 'm1',
      slot: 'name',
      text: "The user's name is Maya.",
      source: 'rules',
      conversationId: 'c1',
      createdAt: 1,
      updatedAt: 1,
      embedding: null,
    });
    expect((await memories.list()).map((m) => m.text)).toEqual(["The user's name is Maya."]);
    // Deleting the toy deletes what it remembered.
    expect(devices.delete('dev_0123456789abcdef')).toBe(true);
    expect(db.prepare('SELECT COUNT(*) AS n FROM device_memories').get()).toEqual({ n: 0 });
    db.close();
  });

  it('upgrades toy memories kept before their words were: they read without them, new ones keep them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-devmig-'));
    dirs.push(dir);
    const file = path.join(dir, 'hearth.db');
    const before = openDatabase(
      file,
      MIGRATIONS.filter((m) => m.version <= 13),
    );
    before.prepare("INSERT INTO devices (id, name, credential_hash) VALUES ('bear', 'Bear', 'x')").run();
    before
      .prepare(
        `INSERT INTO device_memories (device_id, id, slot, text, source, conversation_id, created_at, updated_at)
         VALUES ('bear', 'm1', 'likes:kites', 'The user loves kites.', 'rules', 'c1', 5, 5)`,
      )
      .run();
    before.close();

    const db = openDatabase(file);
    expect(MIGRATIONS.find((m) => m.version === 14)?.name).toBe('device-memory-from-words');
    expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version);
    const memories = new DeviceMemoryStore(db, 'bear');
    const [old] = await memories.list();
    expect(old).toMatchObject({ id: 'm1', text: 'The user loves kites.', updatedAt: 5 });
    expect(old).not.toHaveProperty('fromWords');
    await memories.put({
      ...old!,
      id: 'm2',
      slot: 'likes:owls',
      text: 'The user loves owls.',
      fromWords: 'I love owls!',
    });
    expect(memories.getSync('m2')?.fromWords).toBe('I love owls!');
    // The column holds one short sentence, never a whole conversation.
    expect(() => db.prepare("UPDATE device_memories SET from_words = ? WHERE id = 'm1'").run('x'.repeat(201))).toThrow(
      /CHECK/,
    );
    db.close();
  });

  it('refuses volumes and JSON the profile columns cannot hold', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO devices (id, name, credential_hash) VALUES ('a', 'A', 'x')").run();
    expect(() => db.prepare("UPDATE devices SET volume = 2 WHERE id = 'a'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE devices SET limits = 'not json' WHERE id = 'a'").run()).toThrow(/CHECK/);
    db.close();
  });
});
