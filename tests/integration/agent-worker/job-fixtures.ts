// What the toy job API tests share: a registered toy's profile, and a job's room token as the room
// server's dispatcher mints it.
import { ParticipantPermission } from '@livekit/protocol';
import { buildAgentToken } from '../../../server/livekit/agent-dispatch/agent-token.ts';
import type { DeviceProfile } from '../../../src/core/devices/device-profile.ts';
import { builtinPersona, CHILD_COMPANION_ID } from '../../../src/core/personas/index.ts';

/** Toy `id` with the children's companion, owned by Ada. */
export function toyProfile(id: string, overrides: Partial<DeviceProfile> = {}): DeviceProfile {
  const persona = builtinPersona(CHILD_COMPANION_ID);
  if (!persona) throw new Error('no built-in persona');
  return {
    id,
    name: 'Bramble',
    ownerName: 'Ada',
    ownerNotes: 'loves foxes',
    persona,
    defaultPersona: true,
    voice: '',
    language: 'en',
    volume: 0.6,
    limits: { dailyMinutes: 20, quietHours: null },
    memoryEnabled: true,
    historyDays: null,
    deleteUnusedAfterDays: 90,
    consent: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

/** The agent's token for a job in `room`, signed with the household's key pair. */
export function signJobToken(key: string, secret: string, room: string): Promise<string> {
  return buildAgentToken(key, secret, {
    room,
    identity: 'hearth-agent',
    name: 'Hearth',
    metadata: '',
    attributes: {},
    permissions: new ParticipantPermission({ canPublish: true, canSubscribe: true, canPublishData: true }),
  });
}
