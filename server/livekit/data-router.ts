import { DataPacket } from '@livekit/protocol';

export interface DataSender {
  sid: string;
  identity: string;
}

export interface RoutedData {
  /** The packet re-encoded with the sender stamped in. */
  bytes: Uint8Array;
  /** Identities it is for; empty means everyone else in the room. */
  destinations: ReadonlySet<string>;
}

/**
 * Decodes one DataPacket from a client and stamps who sent it: clients cannot impersonate each
 * other, because whatever identity they wrote is overwritten. RPC, streams, chat and the rest are
 * forwarded as they are; only user packets carry their own (legacy) sender fields.
 */
export function routeDataPacket(from: DataSender, bytes: Uint8Array): RoutedData | null {
  let packet: DataPacket;
  try {
    packet = DataPacket.fromBinary(bytes);
  } catch {
    return null;
  }
  packet.participantIdentity = from.identity;
  packet.participantSid = from.sid;
  const destinations = new Set(packet.destinationIdentities);
  if (packet.value.case === 'user') {
    const user = packet.value.value;
    user.participantIdentity = from.identity;
    user.participantSid = from.sid;
    for (const id of user.destinationIdentities) destinations.add(id);
  }
  return { bytes: packet.toBinary(), destinations };
}
