import type { RoomLog } from '../room-log.ts';

/** The room server's log slice plus `info`: workers registering and jobs placed are worth a line. */
export interface DispatchLog extends RoomLog {
  info(obj: object, msg: string): void;
}
