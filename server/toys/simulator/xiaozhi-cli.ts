// `npm run toy -- --protocol xiaozhi-ws|xiaozhi-mqtt`: a stock xiaozhi-esp32 toy against a Hearth
// server. It checks in at the OTA URL (a new MAC gets a code: it prints it, and with the household
// key it types it in itself, as a parent would), polls its activation, connects its transport, says
// hello, listens, says each utterance as real-time 60 ms Opus frames, records the reply to a WAV and
// prints per-stage timings.
//
//   npm run toy -- --protocol xiaozhi-ws --household-key <k> --say "Tell me a story." --out reply.wav
//   npm run toy -- --protocol xiaozhi-ws --mac 02:11:22:33:44:55 --mode realtime --say question.wav
import fs from 'node:fs';
import { Command } from 'commander';
import { householdKeyFile } from '../../livekit/household-key.ts';
import { writeWavFile } from '../../agent/wav.ts';
import { rmsOf } from '../../agent/resampler.ts';
import { acceptConsent } from './livekit-toy.ts';
import type { ProtocolVersion } from '../xiaozhi/binary-protocol.ts';
import {
  activate,
  checkVersion,
  newToyIdentity,
  XiaozhiToy,
  XiaozhiToyError,
  type OtaAnswer,
  type ToyIdentity,
  type XiaozhiLink,
} from './xiaozhi-toy.ts';
import { WebSocketLink } from './websocket-link.ts';
import { MqttUdpLink } from './mqtt-udp-link.ts';

export interface XiaozhiCliOptions {
  /** When it pairs itself with the household key: the child's age, giving the parent's consent (printed). */
  childAge?: number;
  protocol: 'xiaozhi-ws' | 'xiaozhi-mqtt';
  server: string;
  otaUrl?: string;
  householdKey?: string;
  name: string;
  mac?: string;
  clientId?: string;
  say: string[];
  out: string;
  mode: 'auto' | 'manual' | 'realtime';
  protocolVersion: ProtocolVersion;
  timeoutMs: number;
  print: (line: string) => void;
}

/** The firmware's boot: OTA check, pairing when needed (typing the code itself with the household key), the transport's settings. */
async function bootstrap(
  o: XiaozhiCliOptions,
  identity: ToyIdentity,
  timings: Record<string, number>,
): Promise<OtaAnswer> {
  const ota = o.otaUrl ?? `${o.server.replace(/\/$/, '')}/xiaozhi/ota/`;
  const t0 = Date.now();
  let { status, answer } = await checkVersion(ota, identity);
  timings.otaMs = Date.now() - t0;
  if (status !== 200) throw new XiaozhiToyError(`the OTA check answered HTTP ${status}: ${JSON.stringify(answer)}`);
  if (answer.activation) {
    const code = answer.activation.code;
    o.print(`the toy says its pairing code: ${code} (Settings → Toys → Add a toy)`);
    if (o.householdKey) {
      const res = await fetch(`${o.server.replace(/\/$/, '')}/api/toys/pair`, {
        method: 'POST',
        headers: { authorization: `Bearer ${o.householdKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          code,
          name: o.name,
          ...(o.childAge !== undefined ? { consent: await acceptConsent(o.server, o.childAge, o.print) } : {}),
        }),
      });
      if (res.status !== 201)
        throw new XiaozhiToyError(`pairing with the household key: HTTP ${res.status} ${await res.text()}`);
      o.print(`paired as "${o.name}" with the household key`);
    }
    const waitFrom = Date.now();
    // As the firmware does: poll /activate every 3 s while it answers 202.
    for (;;) {
      const result = await activate(ota, identity);
      if (result === 200) break;
      if (result !== 202) throw new XiaozhiToyError(`activation answered HTTP ${result}`);
      if (Date.now() - waitFrom > o.timeoutMs) throw new XiaozhiToyError('nobody typed the code in time');
      await new Promise((r) => setTimeout(r, 3000));
    }
    timings.activationMs = Date.now() - waitFrom;
    ({ status, answer } = await checkVersion(ota, identity));
    if (status !== 200 || answer.activation)
      throw new XiaozhiToyError(`the OTA check after activation answered HTTP ${status}: ${JSON.stringify(answer)}`);
  }
  return answer;
}

async function openLink(o: XiaozhiCliOptions, identity: ToyIdentity, answer: OtaAnswer): Promise<XiaozhiLink> {
  if (o.protocol === 'xiaozhi-mqtt') {
    if (!answer.mqtt)
      throw new XiaozhiToyError(
        'the OTA answer has no mqtt block: switch the toy to MQTT on its card in Settings → Toys',
      );
    return MqttUdpLink.connect(answer.mqtt);
  }
  if (!answer.websocket)
    throw new XiaozhiToyError(
      `the OTA answer has no websocket block${answer.mqtt ? ' (the toy is set to MQTT: use --protocol xiaozhi-mqtt)' : ''}`,
    );
  return WebSocketLink.connect({
    url: answer.websocket.url,
    token: answer.websocket.token,
    mac: identity.mac,
    clientId: identity.clientId,
    version: o.protocolVersion,
  });
}

export async function runXiaozhiSimulator(o: XiaozhiCliOptions): Promise<Record<string, unknown>> {
  const identity: ToyIdentity = {
    ...newToyIdentity(),
    ...(o.mac ? { mac: o.mac.toLowerCase() } : {}),
    ...(o.clientId ? { clientId: o.clientId } : {}),
  };
  o.print(`toy ${identity.mac} (client ${identity.clientId})`);
  const timings: Record<string, number> = {};
  const answer = await bootstrap(o, identity, timings);
  const t1 = Date.now();
  const link = await openLink(o, identity, answer);
  timings.connectMs = Date.now() - t1;
  const toy = new XiaozhiToy(link, { mode: o.mode, mcp: true, print: (line) => o.print(line) });
  try {
    const t2 = Date.now();
    await toy.hello();
    timings.helloMs = Date.now() - t2;
    await toy.waitForMessage(
      'the companion to be ready',
      (m) => m.type === 'llm' && m.emotion === 'happy',
      o.timeoutMs,
    );
    timings.readyMs = Date.now() - t2;
    toy.startListening();
    let said = { startedAt: 0, endedAt: 0 };
    const turns: Record<string, number | null>[] = [];
    for (const utterance of o.say) {
      if (o.mode === 'manual') toy.startListening();
      said = await toy.say(utterance);
      if (o.mode === 'manual') toy.stopListening();
      const end = said.endedAt;
      const stop = await toy.waitForMessage(
        'the reply to end (tts stop)',
        (m) => m.type === 'tts' && m.state === 'stop',
        o.timeoutMs,
        said.startedAt,
      );
      const after = (t: number | undefined | null) => (t === undefined || t === null ? null : t - end);
      turns.push({
        sttAfterSpeechMs: after(toy.received('stt', said.startedAt)[0]?.atMs),
        ttsStartAfterSpeechMs: after(
          toy.received('tts', said.startedAt).find((m) => m.message.state === 'start')?.atMs,
        ),
        firstAudioAfterSpeechMs: after(toy.heard.firstAudibleAt(said.startedAt)),
        ttsStopAfterSpeechMs: after(stop.atMs),
      });
    }
    const reply = toy.heard.pcm(said.startedAt);
    writeWavFile(o.out, reply);
    const result = {
      mac: identity.mac,
      heard: toy.received('stt', said.startedAt)[0]?.message.text ?? null,
      said: toy
        .received('tts', said.startedAt)
        .filter((m) => m.message.state === 'sentence_start')
        .map((m) => m.message.text),
      replyMs: Math.round((reply.samples.length / reply.sampleRate) * 1000),
      replyRms: Number(rmsOf(reply.samples).toFixed(4)),
      timings: { ...timings, turns },
    };
    o.print(`reply written to ${o.out}`);
    o.print(`timings: ${JSON.stringify(result.timings)}`);
    return result;
  } finally {
    toy.goodbye();
    toy.close();
  }
}

export async function xiaozhiCli(argv: string[]): Promise<void> {
  const program = new Command('toy')
    .description('Simulate a stock xiaozhi-esp32 toy: pair, say something to Hearth and record its reply')
    .option('--protocol <p>', 'xiaozhi-ws or xiaozhi-mqtt', 'xiaozhi-ws')
    .option('--server <url>', 'Hearth server', 'http://127.0.0.1:8787')
    .option('--ota-url <url>', "the toy's OTA URL (default: <server>/xiaozhi/ota/)")
    .option(
      '--household-key <key>',
      'type the pairing code in with this key (default: read from --data-dir when there)',
    )
    .option(
      '--data-dir <dir>',
      "the server's data folder, for its household key",
      process.env.HEARTH_DATA_DIR ?? 'data',
    )
    .option('--name <name>', 'the name a new toy is paired under', 'Xiaozhi simulator')
    .option(
      '--child-age <years>',
      "when pairing with the household key: the child's age; gives the parent's consent (the words are printed)",
    )
    .option('--mac <mac>', 'the toy MAC (default: a new random one, which pairs anew)')
    .option('--client-id <uuid>', "the toy's Client-Id")
    .requiredOption('--say <wav-or-text...>', 'a .wav file, or text spoken with the classic voice (repeat to say more)')
    .option('--out <file>', 'write the reply audio here', 'reply.wav')
    .option('--mode <mode>', 'listening mode: auto, manual or realtime', 'auto')
    .option('--protocol-version <n>', 'WebSocket binary protocol 1, 2 or 3', '1')
    .option('--timeout <s>', 'give up after this many seconds', '120');
  program.parse(argv, { from: 'user' });
  const o = program.opts<{
    protocol: string;
    server: string;
    otaUrl?: string;
    householdKey?: string;
    dataDir: string;
    name: string;
    childAge?: string;
    mac?: string;
    clientId?: string;
    say: string[];
    out: string;
    mode: string;
    protocolVersion: string;
    timeout: string;
  }>();
  if (o.protocol !== 'xiaozhi-ws' && o.protocol !== 'xiaozhi-mqtt')
    throw new XiaozhiToyError(`--protocol ${o.protocol}: livekit, xiaozhi-ws or xiaozhi-mqtt`);
  if (!['auto', 'manual', 'realtime'].includes(o.mode))
    throw new XiaozhiToyError(`--mode ${o.mode}: auto, manual or realtime`);
  if (!['1', '2', '3'].includes(o.protocolVersion))
    throw new XiaozhiToyError(`--protocol-version ${o.protocolVersion}: 1, 2 or 3`);
  const keyFile = householdKeyFile(o.dataDir);
  const householdKey = o.householdKey ?? (fs.existsSync(keyFile) ? fs.readFileSync(keyFile, 'utf8').trim() : undefined);
  const result = await runXiaozhiSimulator({
    protocol: o.protocol,
    server: o.server,
    ...(o.otaUrl ? { otaUrl: o.otaUrl } : {}),
    ...(householdKey ? { householdKey } : {}),
    name: o.name,
    ...(o.childAge !== undefined ? { childAge: Number(o.childAge) } : {}),
    ...(o.mac ? { mac: o.mac } : {}),
    ...(o.clientId ? { clientId: o.clientId } : {}),
    say: o.say,
    out: o.out,
    mode: o.mode as XiaozhiCliOptions['mode'],
    protocolVersion: Number(o.protocolVersion) as ProtocolVersion,
    timeoutMs: Number(o.timeout) * 1000,
    print: (line) => console.log(line),
  });
  console.log(
    `you said: ${String(result.heard)}\nHearth: ${(result.said as string[]).join(' ')}\nreply audio: ${String(result.replyMs)} ms, RMS ${String(result.replyRms)}`,
  );
}
