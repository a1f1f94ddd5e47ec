import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';

/** What a verified join token lets its holder do in one room. */
export interface JoinGrant {
  identity: string;
  name: string;
  room: string;
  metadata: string;
  attributes: Record<string, string>;
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishData: boolean;
  hidden: boolean;
  /** Token expiry (ms since epoch), for deciding whether a resume may still use it. */
  expiresAtMs: number | null;
  /** Which credential the token was minted against (see revocation.ts); kept out of `attributes`, so other participants never see it. */
  revocationTag: string | null;
  /** The token's room configuration asks for these agents when it creates the room (explicit dispatch). */
  roomAgents?: { agentName: string; metadata: string }[];
  /** Minted for an agent worker's job (video grant `agent`): shown to others as an agent participant. */
  agent?: boolean;
}

/** The token attribute carrying the revocation tag. */
export const REVOCATION_ATTRIBUTE = 'hearth.credential';

/** A refused token; the message is what the client is told (it never contains the token). */
export class TokenError extends Error {
  override name = 'TokenError';
}

/**
 * A token's claims once its signature, issuer and expiry hold (no clock tolerance), for every
 * check of a LiveKit-style token here (joins, agent workers, job tokens, the dispatch API); a
 * TokenError says why not. jose's messages say what is wrong ("exp" claim timestamp check failed,
 * signature verification failed) without echoing the token.
 */
export async function verifiedClaims(
  verifier: TokenVerifier,
  token: string | undefined,
  words: { missing: string; invalid: string } = { missing: 'no access token', invalid: 'invalid token' },
): Promise<ClaimGrants> {
  if (!token) throw new TokenError(words.missing);
  try {
    return await verifier.verify(token, 0);
  } catch (err) {
    throw new TokenError(`${words.invalid}: ${err instanceof Error ? err.message : 'unverifiable'}`);
  }
}

export class JoinTokenVerifier {
  private readonly verifier: TokenVerifier;

  constructor(apiKey: string, apiSecret: string) {
    this.verifier = new TokenVerifier(apiKey, apiSecret);
  }

  async verify(token: string | undefined): Promise<JoinGrant> {
    const claims = await verifiedClaims(this.verifier, token);
    const video = claims.video;
    const identity = claims.sub ?? '';
    if (!video?.roomJoin) throw new TokenError('permissions denied: token has no roomJoin grant');
    if (!video.room) throw new TokenError('permissions denied: token names no room');
    if (!identity) throw new TokenError('invalid token: no identity');
    const { [REVOCATION_ATTRIBUTE]: revocationTag, ...attributes } = claims.attributes ?? {};
    // LiveKit semantics: an absent publish/subscribe/data grant means allowed.
    return {
      identity,
      name: claims.name ?? '',
      room: video.room,
      metadata: claims.metadata ?? '',
      attributes,
      canPublish: video.canPublish ?? true,
      canSubscribe: video.canSubscribe ?? true,
      canPublishData: video.canPublishData ?? true,
      hidden: video.hidden ?? false,
      expiresAtMs: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
      revocationTag: revocationTag ?? null,
      roomAgents: (claims.roomConfig?.agents ?? []).map((a) => ({
        agentName: a.agentName ?? '',
        metadata: a.metadata ?? '',
      })),
      agent: video.agent === true,
    };
  }
}
