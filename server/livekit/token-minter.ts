import { AccessToken } from 'livekit-server-sdk';
import { REVOCATION_ATTRIBUTE } from './token-auth.ts';

export interface MintRequest {
  identity: string;
  name?: string;
  room: string;
  ttlSeconds: number;
  canPublish?: boolean;
  canSubscribe?: boolean;
  canPublishData?: boolean;
  /** Not shown to the room's other participants (a parent watching a toy's transcript). */
  hidden?: boolean;
  metadata?: string;
  /** The credential this token was minted against: the embedded room server refuses it once that credential changes (revocation.ts). */
  revocationTag?: string;
}

export interface MintedToken {
  token: string;
  expiresAt: string;
}

/** Mints join tokens signed with the key pair of whichever server (embedded or LIVEKIT_URL) is in use. */
export class TokenMinter {
  constructor(
    private readonly apiKey: string,
    private readonly apiSecret: string,
  ) {}

  async mint(req: MintRequest): Promise<MintedToken> {
    const at = new AccessToken(this.apiKey, this.apiSecret, {
      identity: req.identity,
      name: req.name,
      ttl: req.ttlSeconds,
      metadata: req.metadata,
      ...(req.revocationTag ? { attributes: { [REVOCATION_ATTRIBUTE]: req.revocationTag } } : {}),
    });
    at.addGrant({
      roomJoin: true,
      room: req.room,
      canPublish: req.canPublish ?? true,
      canSubscribe: req.canSubscribe ?? true,
      canPublishData: req.canPublishData ?? true,
      ...(req.hidden ? { hidden: true } : {}),
    });
    const token = await at.toJwt();
    return { token, expiresAt: new Date(Date.now() + req.ttlSeconds * 1000).toISOString() };
  }
}
