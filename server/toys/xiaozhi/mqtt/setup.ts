// Server startup for MQTT + UDP: which toys may use MQTT comes from the toy transport table (a toy
// set to 'xiaozhi-mqtt', at its token generation), conversations go to the same XiaozhiSessions as
// the WebSocket toys, and the broker and UDP socket close with the server.
import type { FastifyInstance } from 'fastify';
import type { HearthDatabase } from '../../../db/database.ts';
import type { XiaozhiSessions } from '../channel.ts';
import { hearthDeviceId } from '../mac.ts';
import type { ToyTransportRepository } from '../toy-transports.ts';
import type { MqttToyDirectory } from './toy-mqtt-identity.ts';
import { startXiaozhiMqtt, type XiaozhiMqtt, type XiaozhiMqttSettings } from './xiaozhi-mqtt.ts';

/** MQTT access follows the toy's transport row: its generation moves on whenever the transport changes. */
export function mqttToysFrom(transports: Pick<ToyTransportRepository, 'get'>): MqttToyDirectory {
  return {
    mqttGeneration(mac) {
      const record = transports.get(hearthDeviceId(mac));
      return record?.transport === 'xiaozhi-mqtt' ? record.tokenEpoch : null;
    },
  };
}

export interface XiaozhiMqttSetupOptions {
  settings: XiaozhiMqttSettings & { enabled: boolean };
  db: HearthDatabase;
  transports: Pick<ToyTransportRepository, 'get'>;
  sessions: XiaozhiSessions;
}

/** Starts the broker (or joins the external one) and the UDP socket; null when MQTT is turned off. */
export async function setupXiaozhiMqtt(
  app: FastifyInstance,
  options: XiaozhiMqttSetupOptions,
): Promise<XiaozhiMqtt | null> {
  if (!options.settings.enabled) return null;
  const mqtt = await startXiaozhiMqtt(options.settings, {
    db: options.db,
    toys: mqttToysFrom(options.transports),
    sessions: options.sessions,
    log: (level, message, extra) => app.log[level]({ xiaozhi: true, mqtt: true, ...extra }, message),
  });
  app.addHook('onClose', async () => mqtt.close());
  app.log.info(
    { xiaozhi: true, mqttPort: mqtt.brokerPort, udpPort: mqtt.udpPort, external: options.settings.mqttUrl !== null },
    'xiaozhi MQTT + UDP ready',
  );
  return mqtt;
}
