// Toy simulator: behaves like a Hearth toy. Registers (household key) or uses its device credential,
// fetches its LiveKit token, joins its room, says one or more WAVs (or texts spoken with the classic
// flite voice) into its microphone in real time with silence around them, records the agent's spoken
// reply to a WAV, and prints the transcript data messages and per-stage timings. The pieces are in
// livekit-toy.ts (ToyClient); `runToySimulator` is the one-utterance driver the e2e tests also use.
//
//   npm run toy -- --server http://127.0.0.1:8787 --household-key <k> --device "Bear" --say "Tell me a story." --out reply.wav
//   npm run toy -- --device <id> --credential <secret> --say question.wav --say "stop"
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { dispose } from '@livekit/rtc-node';
import { Command } from 'commander';
import { householdKeyFile } from '../../livekit/household-key.ts';
import type { AgentMessage } from '../../agent/protocol.ts';
import { rmsOf } from '../../agent/resampler.ts';
import { ToyClient, ToySimulatorError, type ToyMessage } from './livekit-toy.ts';
import { writeWavFile, type MonoPcm } from '../../agent/wav.ts';

export {
  ToyClient,
  ToySimulatorError,
  TrackRecording,
  utteranceAudio,
  waitUntil,
  AUDIBLE_RMS,
  TOY_MIC_RATE,
  type ToyMessage,
} from './livekit-toy.ts';

export interface ToySimulatorOptions {
  /** The Hearth server, e.g. http://127.0.0.1:8787. */
  server: string;
  /** Registers a new device with this key when no credential is given. */
  householdKey?: string;
  /** With `credential`: the device id. When registering: the new device's name. */
  device?: string;
  credential?: string;
  /** When registering: the child's age; the parent's consent is given with it (see ToyConnectOptions). */
  childAge?: number;
  /** A .wav file path, or text to speak with the classic voice; several are said one after the other, each after the previous reply. */
  say: string | string[];
  /** Where to write the agent's reply to the last utterance (48 kHz mono WAV). */
  out?: string;
  leadSilenceMs?: number;
  /** After the reply stops, wait this long for more before going on. */
  replyQuietMs?: number;
  /** Give up waiting for the agent / its reply after this long. */
  timeoutMs?: number;
  print?: (line: string) => void;
  /** Release rtc-node's native handle at the end (the CLI does; a test process does it once in afterAll). */
  disposeRtc?: boolean;
}

export interface ToyTimings {
  tokenMs: number;
  joinMs: number;
  agentReadyMs: number;
  /** Utterance end (last speech sample sent) → the agent's user transcript arrived. */
  transcriptAfterSpeechMs: number | null;
  /** Utterance end → first agent text message. */
  firstAgentTextAfterSpeechMs: number | null;
  /** Utterance end → first audible reply frame heard by the toy (voice-to-voice as the toy hears it). */
  firstReplyAudioAfterSpeechMs: number | null;
  replyAudioMs: number;
  /** The agent's own per-turn metrics message (stt, llm, tts, voice-to-voice). */
  agentMetrics: Record<string, unknown> | null;
}

export interface ToySimulatorResult {
  deviceId: string;
  credential: string;
  room: string;
  messages: ToyMessage[];
  userTranscript: string | null;
  agentReply: string | null;
  /** The agent's voice after the last utterance began. */
  reply: MonoPcm;
  replyRms: number;
  audibleReplyFrames: number;
  /** Audible frames on the agent's media track (songs, stories) during the run. */
  audibleMediaFrames: number;
  timings: ToyTimings;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runToySimulator(opts: ToySimulatorOptions): Promise<ToySimulatorResult> {
  const print = opts.print ?? ((line: string) => console.log(line));
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const utterances = Array.isArray(opts.say) ? opts.say : [opts.say];
  if (utterances.length === 0) throw new ToySimulatorError('nothing to say');
  const toy = await ToyClient.connect({
    server: opts.server,
    timeoutMs,
    print,
    ...(opts.householdKey ? { householdKey: opts.householdKey } : {}),
    ...(opts.device ? { device: opts.device } : {}),
    ...(opts.credential ? { credential: opts.credential } : {}),
    ...(opts.childAge !== undefined ? { childAge: opts.childAge } : {}),
  });
  try {
    await sleep(opts.leadSilenceMs ?? 1000);
    let said = { startedAt: 0, endedAt: 0 };
    for (const utterance of utterances) {
      said = await toy.say(utterance);
      const startedAt = said.startedAt;
      await toy.waitForQuiet(toy.voice, said.endedAt, opts.replyQuietMs ?? 1500, timeoutMs).catch((error: unknown) => {
        // Say why when the cause is visible from here: the agent understood no words at all.
        if (toy.transcripts('user', startedAt).length === 0)
          throw new ToySimulatorError(
            `the agent heard no words in ${JSON.stringify(utterance)} (no transcript came back): ${String(error)}`,
          );
        throw error;
      });
    }
    const since = said.startedAt;
    const reply = toy.voice.pcm(since);
    if (opts.out) {
      writeWavFile(opts.out, reply);
      print(`reply written to ${opts.out}`);
    }
    const after = (t: number | null | undefined) => (t === null || t === undefined ? null : t - said.endedAt);
    const userFinal = toy.transcripts('user', since).find((m) => m.final);
    const metrics = toy.messages
      .filter(
        (m): m is Extract<AgentMessage, { type: 'metrics' }> & ToyMessage => m.type === 'metrics' && m.atMs >= since,
      )
      .at(-1);
    const timings: ToyTimings = {
      ...toy.setup,
      transcriptAfterSpeechMs: after(userFinal?.atMs),
      firstAgentTextAfterSpeechMs: after(toy.transcripts('agent', since)[0]?.atMs),
      firstReplyAudioAfterSpeechMs: after(toy.voice.firstAudibleAt(said.endedAt)),
      replyAudioMs: Math.round((reply.samples.length / reply.sampleRate) * 1000),
      agentMetrics: metrics?.metrics ?? null,
    };
    print(`timings: ${JSON.stringify(timings)}`);
    return {
      deviceId: toy.deviceId,
      credential: toy.credential,
      room: toy.roomName,
      messages: toy.messages,
      userTranscript: userFinal?.text ?? null,
      agentReply: toy.transcripts('agent', since).at(-1)?.text ?? null,
      reply,
      replyRms: rmsOf(reply.samples),
      audibleReplyFrames: toy.voice.audibleFrames(said.endedAt),
      audibleMediaFrames: toy.media.audibleFrames(),
      timings,
    };
  } finally {
    await toy.disconnect();
    if (opts.disposeRtc) await dispose();
  }
}

export async function cli(argv: string[]): Promise<void> {
  const program = new Command('toy')
    .description('Simulate a Hearth toy: say something to the agent and record its reply')
    .option('--server <url>', 'Hearth server', 'http://127.0.0.1:8787')
    .option(
      '--household-key <key>',
      'register a new device with this key (when no --credential); default: read from --data-dir',
    )
    .option(
      '--data-dir <dir>',
      "the server's data folder, for its household key when run on the home box",
      process.env.HEARTH_DATA_DIR ?? 'data',
    )
    .option('--device <id>', 'device id (with --credential) or the new device name')
    .option('--credential <secret>', "the device's credential")
    .option(
      '--child-age <years>',
      "when registering: the child's age; gives the parent's consent to what Hearth keeps (the words are printed)",
    )
    .requiredOption(
      '--say <wav-or-text...>',
      'a .wav file, or text to speak with the classic voice (repeat to say more, each after the reply)',
    )
    .option('--out <file>', 'write the reply audio here', 'reply.wav')
    .option('--timeout <s>', 'give up after this many seconds', '120');
  program.parse(argv, { from: 'user' });
  const o = program.opts<{
    server: string;
    householdKey?: string;
    dataDir: string;
    device?: string;
    credential?: string;
    childAge?: string;
    say: string[];
    out: string;
    timeout: string;
  }>();
  const keyFile = householdKeyFile(o.dataDir);
  if (!o.credential && !o.householdKey) {
    if (!fs.existsSync(keyFile))
      throw new ToySimulatorError(
        `give --credential (with --device <id>), or --household-key to register a device (no household key at ${keyFile}; on the home box use --data-dir)`,
      );
    o.householdKey = fs.readFileSync(keyFile, 'utf8').trim();
  }
  const result = await runToySimulator({
    server: o.server,
    say: o.say,
    out: o.out,
    timeoutMs: Number(o.timeout) * 1000,
    disposeRtc: true,
    ...(o.householdKey ? { householdKey: o.householdKey } : {}),
    ...(o.device ? { device: o.device } : {}),
    ...(o.credential ? { credential: o.credential } : {}),
    ...(o.childAge !== undefined ? { childAge: Number(o.childAge) } : {}),
  });
  console.log(
    `you said: ${result.userTranscript ?? '(no transcript)'}\nagent: ${result.agentReply ?? '(no text)'}\nreply audio: ${result.timings.replyAudioMs} ms, RMS ${result.replyRms.toFixed(4)}${result.audibleMediaFrames > 0 ? `\nmedia heard: ${(result.audibleMediaFrames / 100).toFixed(1)} s (agent-media track)` : ''}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  cli(process.argv.slice(2)).then(
    () => process.exit(0),
    async (error: unknown) => {
      console.error(`toy simulator: ${error instanceof Error ? error.message : String(error)}`);
      await dispose().catch(() => undefined);
      process.exit(1);
    },
  );
}
