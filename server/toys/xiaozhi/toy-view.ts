// How a toy talks to Hearth, as the device JSON shows it: transport, board, firmware, last seen and,
// for xiaozhi toys, whether a session is open now (LiveKit toys keep their room presence object).
import type { DeviceProfile } from '../../devices/device-repository.ts';
import { TOY_TRANSPORTS, type ToyTransport, type ToyTransportRepository } from './toy-transports.ts';

export type ToyTransportView = {
  transport: ToyTransport;
  board: string | null;
  firmwareVersion: string | null;
  lastSeenAt: number | null;
  online?: boolean;
};

export function describeToy(transports: ToyTransportRepository, isOnline: (deviceId: string) => boolean) {
  return (device: DeviceProfile): ToyTransportView => {
    const record = transports.get(device.id);
    if (!record) return { transport: 'livekit', board: null, firmwareVersion: null, lastSeenAt: null };
    const online = isOnline(device.id);
    return {
      transport: record.transport,
      board: record.board,
      firmwareVersion: record.firmwareVersion,
      lastSeenAt: online ? Date.now() : record.lastSeenAt,
      online,
    };
  };
}

/** Why the toy cannot switch to `transport`, or null when it did. */
export function switchTransport(
  transports: ToyTransportRepository,
  deviceId: string,
  transport: string,
): string | null {
  if (!TOY_TRANSPORTS.includes(transport as ToyTransport)) return `one of ${TOY_TRANSPORTS.join(', ')}`;
  const current = transports.transportOf(deviceId);
  if (current === transport) return null;
  if (current === 'livekit')
    return 'a LiveKit toy cannot become a xiaozhi toy: pair the xiaozhi toy by its code instead';
  transports.setTransport(deviceId, transport as ToyTransport);
  return null;
}
