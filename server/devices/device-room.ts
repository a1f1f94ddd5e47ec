// Where a toy lives in LiveKit: its own room and identity, so a device token can never join
// another household room and the agent knows whose microphone to listen to.

export interface DeviceRoomRef {
  deviceId: string;
  room: string;
  deviceIdentity: string;
}

const PREFIX = 'device-';

export function deviceRoom(id: string): string {
  return `${PREFIX}${id}`;
}

export function deviceIdentity(id: string): string {
  return `${PREFIX}${id}`;
}

export function deviceRef(id: string): DeviceRoomRef {
  return { deviceId: id, room: deviceRoom(id), deviceIdentity: deviceIdentity(id) };
}

/** The device a room belongs to, or null for any other room. */
export function deviceIdOfRoom(room: string): string | null {
  return room.startsWith(PREFIX) && room.length > PREFIX.length ? room.slice(PREFIX.length) : null;
}

/** The device whose own identity joined its own room, or null for anyone else (agent, observers, PWAs). */
export function deviceInOwnRoom(room: string, identity: string): DeviceRoomRef | null {
  if (!identity.startsWith(PREFIX)) return null;
  const ref = deviceRef(identity.slice(PREFIX.length));
  return ref.room === room ? ref : null;
}
