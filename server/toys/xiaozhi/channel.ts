/** One connected stock xiaozhi device, whatever carries its messages (WebSocket, or MQTT + UDP). */
export interface XiaozhiChannel {
  readonly transport: 'websocket' | 'udp';
  /** The device's MAC, lower-case, colon-separated: its Hearth device id. */
  readonly deviceId: string;
  /** Keys the server's hello must add for this transport (udp: { udp: { server, port, key, nonce } }). */
  helloExtras(): Record<string, unknown>;
  sendJson(message: Record<string, unknown>): void;
  /** One downlink Opus packet; timestampMs feeds protocol v2 / UDP headers. */
  sendOpus(packet: Uint8Array, timestampMs: number): void;
  /** Listeners registered after messages arrived still get them (the channel buffers until the first listener). */
  onJson(listener: (message: Record<string, unknown>) => void): void;
  onOpus(listener: (packet: Uint8Array, timestampMs: number) => void): void;
  onClose(listener: (reason: string) => void): void;
  close(reason: string): void;
}
/** The server's one place that runs conversations for xiaozhi devices, whatever the transport. */
export interface XiaozhiSessions {
  /** A device connected (already authenticated as `channel.deviceId`); its hello arrives on the channel. */
  attach(channel: XiaozhiChannel): void;
  /** Close every session of a device (deleted, transport switched, credentials rotated). */
  closeDevice(deviceId: string, reason: string): void;
}
