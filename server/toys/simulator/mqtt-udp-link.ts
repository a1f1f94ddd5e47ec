// The simulated toy's MQTT + UDP link (--protocol xiaozhi-mqtt): the firmware's MqttProtocol as
// FirmwareMqttClient does it (the OTA `mqtt` block's credentials, hello over MQTT, AES-CTR Opus over
// UDP), behind the simulator's XiaozhiLink seam. The toy's hello goes out as it is; the server's
// hello reaches the toy only once its UDP channel is open, as on the device.
import {
  FirmwareMqttClient,
  parseOtaMqttBlock,
  type FirmwareMqttOptions,
} from '../xiaozhi/mqtt/firmware-mqtt-client.ts';
import { checkVersion, XiaozhiToyError, type ToyIdentity, type XiaozhiLink } from './xiaozhi-toy.ts';

/**
 * For `--protocol xiaozhi-mqtt`: the toy's OTA check, then its MQTT + UDP link from the answer's
 * `mqtt` block. A toy that is not paired, or paired but set to WebSocket, is told so.
 */
export async function openMqttUdpLink(
  otaUrl: string,
  identity: ToyIdentity,
  options: FirmwareMqttOptions = {},
): Promise<MqttUdpLink> {
  const { status, answer } = await checkVersion(otaUrl, identity);
  if (status !== 200) throw new XiaozhiToyError(`the OTA check answered HTTP ${status}`);
  if (answer.activation)
    throw new XiaozhiToyError(
      `the toy is not paired yet: add it in Settings → Toys with the code ${answer.activation.code}`,
    );
  if (!answer.mqtt)
    throw new XiaozhiToyError(
      'the OTA answer has no mqtt block: set the toy to MQTT on its card (or the server runs with --mqtt off)',
    );
  return MqttUdpLink.connect(answer.mqtt, options);
}

export class MqttUdpLink implements XiaozhiLink {
  readonly transport = 'udp' as const;
  private readonly jsonListeners: ((message: Record<string, unknown>) => void)[] = [];
  private readonly closeListeners: ((reason: string) => void)[] = [];
  private closed = false;

  private constructor(readonly client: FirmwareMqttClient) {
    client.onJson((message) => this.emitJson(message));
    // A server goodbye ends the audio session; for the simulated toy that is the end of the link.
    client.onAudioChannelClosed((byServer) => {
      if (byServer) this.ended('the server said goodbye');
    });
    client.mqtt.on('close', () => this.ended('the MQTT connection closed'));
  }

  /** Connects with the OTA answer's `mqtt` block. */
  static async connect(mqttBlock: unknown, options: FirmwareMqttOptions = {}): Promise<MqttUdpLink> {
    return new MqttUdpLink(
      await FirmwareMqttClient.connect(parseOtaMqttBlock(mqttBlock), { connectAttempts: 5, ...options }),
    );
  }

  sendJson(message: Record<string, unknown>): void {
    if (this.closed) return;
    if (message.type === 'hello') {
      this.client.openAudioChannel(message).then(
        (hello) => this.emitJson(hello),
        (error: unknown) => this.ended(error instanceof Error ? error.message : String(error)),
      );
      return;
    }
    void this.client.mqtt.publishAsync(this.publishTopic, JSON.stringify(message)).catch(() => undefined);
  }

  sendOpus(packet: Uint8Array, timestampMs: number): void {
    if (!this.closed && this.client.audioChannelOpen) this.client.sendOpus(packet, timestampMs);
  }

  onJson(listener: (message: Record<string, unknown>) => void): void {
    this.jsonListeners.push(listener);
  }

  onOpus(listener: (packet: Uint8Array, timestampMs: number) => void): void {
    this.client.onOpus(listener);
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  /** Goodbye on the audio channel (when it is still open), then the MQTT connection closes. */
  close(): void {
    void this.client
      .closeAudioChannel(true)
      .catch(() => undefined)
      .then(() => this.client.disconnect());
  }

  private get publishTopic(): string {
    return this.client.publishTopic;
  }

  private emitJson(message: Record<string, unknown>): void {
    for (const listener of this.jsonListeners) listener(message);
  }

  private ended(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners) listener(reason);
  }
}
