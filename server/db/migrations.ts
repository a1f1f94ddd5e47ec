// Schema history of the server database. Append only: a shipped migration is never
// edited, because households upgrade from any earlier version.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'settings',
    sql: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'devices',
    // Toy devices that may ask for LiveKit tokens; the credential itself is never stored.
    sql: `
      CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        credential_hash TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
    `,
  },
  {
    version: 3,
    name: 'catalog',
    // The media library: one row per song or story file, problems found while reading files,
    // and cached embeddings (keyed by model and by a hash of the embedded text).
    sql: `
      CREATE TABLE catalog_items (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('song', 'story')),
        format TEXT NOT NULL CHECK (format IN ('audio', 'text')),
        title TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        language TEXT,
        age_min INTEGER,
        age_max INTEGER,
        duration_sec REAL,
        mime TEXT NOT NULL,
        words TEXT,
        bytes INTEGER NOT NULL,
        mtime_ms REAL NOT NULL,
        sidecar_mtime_ms REAL,
        origin TEXT NOT NULL CHECK (origin IN ('starter', 'upload', 'folder')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE TABLE catalog_problems (
        path TEXT PRIMARY KEY,
        message TEXT NOT NULL,
        seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ) STRICT;
      CREATE TABLE catalog_embeddings (
        item_id TEXT NOT NULL REFERENCES catalog_items (id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        text_sha256 TEXT NOT NULL,
        vector BLOB NOT NULL,
        PRIMARY KEY (item_id, model)
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'device-profiles',
    // Per-toy profiles (persona is the PWA's full PersonaRecord JSON; NULL = built-in child companion),
    // what each toy's companion remembers, and talking time per toy per local day (daily limits).
    sql: `
      ALTER TABLE devices ADD COLUMN owner_name TEXT NOT NULL DEFAULT '';
      ALTER TABLE devices ADD COLUMN owner_notes TEXT NOT NULL DEFAULT '';
      ALTER TABLE devices ADD COLUMN persona TEXT CHECK (persona IS NULL OR json_valid(persona));
      ALTER TABLE devices ADD COLUMN voice TEXT NOT NULL DEFAULT '';
      ALTER TABLE devices ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
      ALTER TABLE devices ADD COLUMN volume REAL NOT NULL DEFAULT 1 CHECK (volume >= 0 AND volume <= 1);
      ALTER TABLE devices ADD COLUMN limits TEXT NOT NULL DEFAULT '{"dailyMinutes":null,"quietHours":null}' CHECK (json_valid(limits));
      ALTER TABLE devices ADD COLUMN updated_at TEXT;
      CREATE TABLE device_memories (
        device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        slot TEXT NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('rules', 'llm', 'tool', 'parent', 'import')),
        conversation_id TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        embedding TEXT CHECK (embedding IS NULL OR json_valid(embedding)),
        PRIMARY KEY (device_id, id)
      ) STRICT;
      CREATE TABLE device_usage (
        device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        used_ms INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (device_id, day)
      ) STRICT;
    `,
  },
  {
    version: 5,
    name: 'device-turns',
    // Each toy's finished turns, so a parent can read what was said while nobody watched live.
    // Times are ISO strings (toISOString), so they sort and compare as text.
    sql: `
      CREATE TABLE device_turns (
        id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        user_text TEXT NOT NULL,
        reply_text TEXT NOT NULL,
        interrupted INTEGER NOT NULL CHECK (interrupted IN (0, 1)),
        guard_stage TEXT CHECK (guard_stage IS NULL OR guard_stage IN ('input', 'output')),
        guard_reason TEXT,
        persona_name TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX device_turns_by_device_time ON device_turns (device_id, started_at);
    `,
  },
  {
    version: 6,
    name: 'pin-attempts',
    // PIN (and setup code) guesses counted per source address and for the whole household, kept in
    // the database so a restart does not hand out fresh tries. Times are ms since the epoch.
    sql: `
      CREATE TABLE pin_attempts (
        scope TEXT PRIMARY KEY,
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER NOT NULL DEFAULT 0,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 7,
    name: 'toy-transports',
    // How each toy talks to Hearth: a stock xiaozhi toy's row says WebSocket or MQTT, the board and
    // firmware it reported, when it was last seen (ms), the Client-Id it paired with, and the
    // generation of its transport token (bumped to revoke it). No row: a LiveKit toy.
    sql: `
      CREATE TABLE toy_transports (
        device_id TEXT PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
        transport TEXT NOT NULL CHECK (transport IN ('xiaozhi-ws', 'xiaozhi-mqtt')),
        board TEXT,
        firmware_version TEXT,
        client_id TEXT,
        last_seen_at INTEGER,
        token_epoch INTEGER NOT NULL DEFAULT 0
      ) STRICT;
    `,
  },
  {
    version: 8,
    name: 'device-history-days',
    // How many days each toy's conversation history is kept, chosen by the parent per toy; NULL
    // follows the server's --toy-history-days. 0 keeps none.
    sql: `
      ALTER TABLE devices ADD COLUMN history_days INTEGER CHECK (history_days IS NULL OR (history_days >= 0 AND history_days <= 3650));
    `,
  },
  {
    version: 9,
    name: 'toy-consent-and-activity',
    // Consent first: the child's age and the version of the words the parent accepted, who (parent
    // PIN or household key) and when; one per toy, gone with it. last_active_at: when the toy last
    // fetched a token (LiveKit), so a toy not used for the parent's N days has its data deleted.
    sql: `
      CREATE TABLE device_consents (
        device_id TEXT PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
        child_age INTEGER NOT NULL CHECK (child_age >= 0 AND child_age <= 17),
        text_version TEXT NOT NULL,
        given_by TEXT NOT NULL CHECK (given_by IN ('parent-pin', 'household-key')),
        given_at TEXT NOT NULL
      ) STRICT;
      ALTER TABLE devices ADD COLUMN last_active_at TEXT;
    `,
  },
  {
    version: 10,
    name: 'device-memory-switch',
    // The parent's memory switch per toy (1: the toy remembers, 0: nothing is recalled or learned),
    // and the memories each history turn's prompt used (a JSON array of their texts).
    sql: `
      ALTER TABLE devices ADD COLUMN memory_enabled INTEGER NOT NULL DEFAULT 1 CHECK (memory_enabled IN (0, 1));
      ALTER TABLE device_turns ADD COLUMN memories_used TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(memories_used));
    `,
  },
  {
    version: 11,
    name: 'device-memory-expiry',
    // When a toy's memory is forgotten (epoch ms; NULL: kept until deleted), as the browser's are.
    sql: `ALTER TABLE device_memories ADD COLUMN forget_after INTEGER;`,
  },
  {
    version: 12,
    name: 'device-unused-deletion',
    // The parent's choice per toy: after this many days without use everything the toy kept is
    // deleted (0: never). 90 is the default (UNUSED_TOY_DEFAULT_DAYS), frozen here as shipped.
    // unused_clock_from: the days are counted from no earlier than this (the upgrade that brought
    // the rule, or the parent's last change of the days), so no toy goes without its week of notice.
    sql: `
      ALTER TABLE devices ADD COLUMN delete_unused_after_days INTEGER NOT NULL DEFAULT 90 CHECK (delete_unused_after_days >= 0 AND delete_unused_after_days <= 3650);
      ALTER TABLE devices ADD COLUMN unused_clock_from TEXT;
      UPDATE devices SET unused_clock_from = strftime('%Y-%m-%dT%H:%M:%fZ', 'now');
    `,
  },
  {
    version: 13,
    name: 'catalog-covers-and-added',
    // Cover pictures from the files' own tags (small JPEG/PNG/WebP, removed with their item), and
    // when each item joined the catalog (the Library's "New"). Items already catalogued count as
    // added when they were last read, and have their tags read for a cover on the next scan
    // (cover_read = 0) without decoding their audio again.
    sql: `
      CREATE TABLE catalog_covers (
        item_id TEXT PRIMARY KEY REFERENCES catalog_items (id) ON DELETE CASCADE,
        mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL CHECK (length(data) <= 1048576)
      ) STRICT;
      ALTER TABLE catalog_items ADD COLUMN added_at TEXT;
      ALTER TABLE catalog_items ADD COLUMN cover_read INTEGER NOT NULL DEFAULT 0 CHECK (cover_read IN (0, 1));
      UPDATE catalog_items SET added_at = updated_at, cover_read = CASE format WHEN 'text' THEN 1 ELSE 0 END;
    `,
  },
  {
    version: 14,
    name: 'device-memory-from-words',
    // The child's own words each toy memory was learned from (one sentence, at most 200 characters,
    // as the browser keeps them), for the parent's list: "From: “I love dinosaurs”". NULL for
    // memories learned before, a parent's own and imported ones. Nothing more of the turn is kept.
    sql: `ALTER TABLE device_memories ADD COLUMN from_words TEXT CHECK (from_words IS NULL OR length(from_words) <= 200);`,
  },
];
