// How each registered toy talks to Hearth (table toy_transports; no row = a LiveKit toy), and the
// per-toy WebSocket token handed out in the OTA answer. The token is an HMAC of the device id and a
// generation number under a key kept in the settings table, so the same token can be handed out at
// every boot without storing it, and bumping the generation revokes it at once.
import crypto from 'node:crypto';
import type { HearthDatabase } from '../../db/database.ts';
import { SettingsRepository } from '../../db/settings.ts';

export type ToyTransport = 'livekit' | 'xiaozhi-ws' | 'xiaozhi-mqtt';
export type XiaozhiTransport = Exclude<ToyTransport, 'livekit'>;
export const TOY_TRANSPORTS: readonly ToyTransport[] = ['livekit', 'xiaozhi-ws', 'xiaozhi-mqtt'];

export interface ToyTransportRecord {
  deviceId: string;
  transport: XiaozhiTransport;
  board: string | null;
  firmwareVersion: string | null;
  clientId: string | null;
  lastSeenAt: number | null;
  tokenEpoch: number;
}

interface Row {
  device_id: string;
  transport: XiaozhiTransport;
  board: string | null;
  firmware_version: string | null;
  client_id: string | null;
  last_seen_at: number | null;
  token_epoch: number;
}

const TOKEN_KEY_SETTING = 'xiaozhi.token-key';

export class ToyTransportRepository {
  private readonly key: Buffer;

  constructor(private readonly db: HearthDatabase) {
    const settings = new SettingsRepository(db);
    let key = settings.get<string>(TOKEN_KEY_SETTING);
    if (typeof key !== 'string' || key.length < 43) {
      key = crypto.randomBytes(32).toString('base64url');
      settings.set(TOKEN_KEY_SETTING, key);
    }
    this.key = Buffer.from(key, 'base64url');
  }

  get(deviceId: string): ToyTransportRecord | undefined {
    const row = this.db.prepare('SELECT * FROM toy_transports WHERE device_id = ?').get(deviceId) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** The toy's transport: 'livekit' for every toy without a xiaozhi row. */
  transportOf(deviceId: string): ToyTransport {
    return this.get(deviceId)?.transport ?? 'livekit';
  }

  /** A paired xiaozhi toy (the device row must exist). */
  register(
    deviceId: string,
    fields: {
      transport: XiaozhiTransport;
      board: string | null;
      firmwareVersion: string | null;
      clientId: string | null;
    },
  ): ToyTransportRecord {
    this.db
      .prepare(
        `INSERT INTO toy_transports (device_id, transport, board, firmware_version, client_id, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT(device_id) DO UPDATE SET transport = excluded.transport, board = excluded.board, firmware_version = excluded.firmware_version,
           client_id = excluded.client_id, last_seen_at = excluded.last_seen_at, token_epoch = token_epoch + 1`,
      )
      .run(deviceId, fields.transport, fields.board, fields.firmwareVersion, fields.clientId, Date.now());
    return this.get(deviceId)!;
  }

  /**
   * Switches a toy's transport. To 'livekit' the row goes (and with it the xiaozhi token); between
   * WebSocket and MQTT the token generation moves on, so the old transport's credentials stop working.
   * False for a toy that was never a xiaozhi toy and is asked to become one (it has no MAC pairing).
   */
  setTransport(deviceId: string, transport: ToyTransport): boolean {
    if (transport === 'livekit') {
      this.db.prepare('DELETE FROM toy_transports WHERE device_id = ?').run(deviceId);
      return true;
    }
    return (
      this.db
        .prepare('UPDATE toy_transports SET transport = ?, token_epoch = token_epoch + 1 WHERE device_id = ?')
        .run(transport, deviceId).changes > 0
    );
  }

  /** What the toy said about itself at its last OTA check. */
  seen(deviceId: string, fields: { board?: string | null; firmwareVersion?: string | null }, at = Date.now()): void {
    this.db
      .prepare(
        'UPDATE toy_transports SET last_seen_at = ?, board = COALESCE(?, board), firmware_version = COALESCE(?, firmware_version) WHERE device_id = ?',
      )
      .run(at, fields.board ?? null, fields.firmwareVersion ?? null, deviceId);
  }

  /** The toy's current transport token. */
  tokenFor(record: Pick<ToyTransportRecord, 'deviceId' | 'tokenEpoch'>): string {
    return crypto
      .createHmac('sha256', this.key)
      .update(`xiaozhi:${record.deviceId}:${record.tokenEpoch}`)
      .digest('base64url');
  }

  /** True when `token` is the current token of xiaozhi toy `deviceId` (compared in constant time). */
  verifyToken(deviceId: string, token: string | null | undefined): boolean {
    if (!token) return false;
    const record = this.get(deviceId);
    if (!record) return false;
    const expected = Buffer.from(this.tokenFor(record));
    const given = Buffer.from(token);
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  }

  /** Every token handed out so far stops working. */
  revokeToken(deviceId: string): void {
    this.db.prepare('UPDATE toy_transports SET token_epoch = token_epoch + 1 WHERE device_id = ?').run(deviceId);
  }
}

function fromRow(row: Row): ToyTransportRecord {
  return {
    deviceId: row.device_id,
    transport: row.transport,
    board: row.board,
    firmwareVersion: row.firmware_version,
    clientId: row.client_id,
    lastSeenAt: row.last_seen_at,
    tokenEpoch: row.token_epoch,
  };
}
