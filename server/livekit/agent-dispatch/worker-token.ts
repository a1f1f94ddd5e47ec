import { TokenVerifier } from 'livekit-server-sdk';
import { TokenError, verifiedClaims } from '../token-auth.ts';

/**
 * Checks an agent worker's credential the way a LiveKit server does: a JWT signed with the API
 * key pair whose video grant has `agent: true` (stock workers mint one with only that grant).
 */
export class WorkerTokenVerifier {
  private readonly verifier: TokenVerifier;

  constructor(apiKey: string, apiSecret: string) {
    this.verifier = new TokenVerifier(apiKey, apiSecret);
  }

  async verify(token: string | undefined): Promise<void> {
    const claims = await verifiedClaims(this.verifier, token, {
      missing: 'no access token: agent workers send a Bearer token with the agent grant',
      invalid: 'invalid token',
    });
    if (claims.video?.agent !== true) throw new TokenError('permissions denied: token has no agent grant');
  }
}
