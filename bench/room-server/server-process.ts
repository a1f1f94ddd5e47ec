// The embedded room server alone, in its own process, so the bench can measure its CPU apart
// from the rtc-node clients that load it. Prints "READY <url>"; answers "cpu" on stdin with
// process.cpuUsage() as JSON.
import readline from 'node:readline';
import Fastify from 'fastify';
import { iceBindingForHost } from '../../server/livekit/peer-connection-factory.ts';
import { registerEmbeddedRoomServer } from '../../server/livekit/rtc-routes.ts';

const apiKey = process.env.BENCH_LK_KEY ?? '';
const apiSecret = process.env.BENCH_LK_SECRET ?? '';
const app = Fastify({ logger: false });
await registerEmbeddedRoomServer(app, { apiKey, apiSecret, ice: iceBindingForHost('127.0.0.1') });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(`READY ws://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'cpu') console.log(`CPU ${JSON.stringify(process.cpuUsage())}`);
  if (line === 'quit') void app.close().then(() => process.exit(0));
});
