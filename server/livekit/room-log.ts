/** The slice of Fastify's (pino) logger the room server uses; never given tokens or secrets. */
export interface RoomLog {
  warn(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export const silentLog: RoomLog = { warn: () => {}, debug: () => {} };
