// How Hearth exchanges JSON with toys over MQTT, whichever broker carries it: the embedded one
// (EmbeddedToyBroker) or an external Mosquitto/EMQX that Hearth joins as a client (ExternalToyBroker).

export interface ToyControlBus {
  /** Where toys reach the broker, as the OTA answer's `endpoint` needs it (host chosen per request). */
  readonly port: number;
  /** A message a toy published on its own topic (the broker checked who published it). */
  onToyMessage(listener: (mac: string, payload: Buffer) => void): void;
  /** A toy's MQTT connection went away (only a broker Hearth runs can tell). */
  onToyGone(listener: (mac: string) => void): void;
  publishToToy(mac: string, message: Record<string, unknown>): void;
  /** The address of this machine that the toy's MQTT connection reached, when the broker knows it. */
  localAddressFor(mac: string): string | null;
  /** Disconnect the toy's MQTT client now; its credentials were revoked. */
  kick(mac: string): void;
  close(): Promise<void>;
}

export type BusLog = (level: 'info' | 'warn', message: string, extra?: Record<string, unknown>) => void;
