// A toy context over SQLite for one registered device, built as the agent builds it, that fails the
// test on any problem it reports (instead of logging it as the agent does).
import { createToyContext, type ToyContext, type ToyContextOptions } from '../../../server/agent/toy-context.ts';
import type { HearthDatabase } from '../../../server/db/database.ts';
import { DeviceMemoryStore } from '../../../server/devices/device-memory-store.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { DeviceUsage } from '../../../server/devices/device-usage.ts';

export function strictToyContext(
  db: HearthDatabase,
  deviceId: string,
  engines: Pick<ToyContextOptions, 'embedder' | 'extractionLlm'> = {},
): { store: DeviceMemoryStore; toy: ToyContext } {
  const store = new DeviceMemoryStore(db, deviceId);
  const toy = createToyContext({
    deviceId,
    profile: (id) => new DeviceRepository(db).get(id),
    memoryStore: store,
    usage: new DeviceUsage(db, deviceId),
    ...engines,
    onProblem: (message, error) => {
      throw new Error(`${message}: ${String(error)}`);
    },
  });
  return { store, toy };
}
