import crypto from 'node:crypto';
import type { JoinGrant } from './token-auth.ts';

/**
 * Why a room token no longer admits its holder, or null when it still does. Tokens minted
 * against a credential carry a tag derived from it (never the credential itself); when the
 * credential changes (a toy's is replaced, the household key is changed) or the toy is deleted,
 * the tag no longer matches and the token is refused at join, even before it expires.
 */
export type JoinCheck = (grant: JoinGrant) => string | null;

/** A short, one-way tag of a credential (or of its stored hash): enough to tell two apart, useless to an attacker. */
export function revocationTag(kind: 'device' | 'household', credential: string): string {
  return crypto.createHash('sha256').update(`hearth-revocation:${kind}:${credential}`).digest('base64url').slice(0, 22);
}

export interface RevocationSources {
  /** The device a room belongs to (null for other rooms). */
  deviceOfRoom: (room: string) => string | null;
  /** The stored credential hash of a device, or undefined when it no longer exists. */
  deviceCredentialHash: (deviceId: string) => string | undefined;
  /** The device whose own identity this is in this room, or null. */
  deviceOfIdentity: (room: string, identity: string) => string | null;
  householdKey: string;
}

/** The tag PWA tokens minted with the household key carry (case and dashes do not matter in the key). */
export function householdRevocationTag(householdKey: string): string {
  return revocationTag('household', householdKey.replace(/[\s-]/g, '').toUpperCase());
}

/** Hearth's rule: a deleted toy's room admits nobody; a tagged token admits only while its credential is current. */
export function hearthJoinCheck(sources: RevocationSources): JoinCheck {
  const householdTag = householdRevocationTag(sources.householdKey);
  return (grant) => {
    const roomDevice = sources.deviceOfRoom(grant.room);
    const roomDeviceHash = roomDevice === null ? undefined : sources.deviceCredentialHash(roomDevice);
    if (roomDevice !== null && roomDeviceHash === undefined) return 'permissions denied: this toy was removed';
    if (grant.revocationTag === null) return null;
    const ownDevice = sources.deviceOfIdentity(grant.room, grant.identity);
    if (ownDevice !== null) {
      return roomDeviceHash !== undefined && grant.revocationTag === revocationTag('device', roomDeviceHash)
        ? null
        : 'permissions denied: the toy has a new credential; fetch a new token with it';
    }
    return grant.revocationTag === householdTag
      ? null
      : 'permissions denied: the household key was changed; fetch a new token';
  };
}
