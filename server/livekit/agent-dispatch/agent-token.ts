import type { ParticipantPermission } from '@livekit/protocol';
import { AccessToken } from 'livekit-server-sdk';

export interface AgentJoin {
  room: string;
  identity: string;
  name: string;
  metadata: string;
  attributes: Record<string, string>;
  permissions: ParticipantPermission;
}

/**
 * The join token a worker's job gets with its JobAssignment, as LiveKit's BuildAgentToken makes
 * it: the room, the identity the worker chose, the permissions it registered, the agent grant and
 * kind, valid for an hour.
 */
export async function buildAgentToken(apiKey: string, apiSecret: string, join: AgentJoin): Promise<string> {
  const at = new AccessToken(apiKey, apiSecret, {
    identity: join.identity,
    name: join.name,
    metadata: join.metadata,
    attributes: join.attributes,
    ttl: 3600,
  });
  at.kind = 'agent';
  at.addGrant({
    roomJoin: true,
    agent: true,
    room: join.room,
    canPublish: join.permissions.canPublish,
    canSubscribe: join.permissions.canSubscribe,
    canPublishData: join.permissions.canPublishData,
    canUpdateOwnMetadata: join.permissions.canUpdateMetadata,
    hidden: join.permissions.hidden,
  });
  return at.toJwt();
}
