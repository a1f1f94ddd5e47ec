import path from 'node:path';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { DEFAULT_IMPORT_ROOTS } from './models/import-sources.ts';

// Every setting can come from a flag or an environment variable (flags win), so the
// same server runs from a terminal, a systemd unit or a container.
const ConfigSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  /** Extra names the server answers to (besides its own host name, .local name and addresses). */
  /** The first lockout after too many wrong PINs; each further wrong PIN doubles it (up to an hour). */
  pinLockoutS: z.coerce.number().int().min(1).max(3600),
  allowedHosts: z.array(z.string().regex(/^[A-Za-z0-9._:-]+$/, 'a host name or address, like hearth.home.arpa')),
  /** Opt-in TLS for phones and tablets: the same app, also served on `https.port` with a local CA. */
  https: z.object({
    enabled: z.boolean(),
    port: z.coerce.number().int().min(0).max(65535),
  }),
  dataDir: z.string().min(1),
  modelsDir: z.string().min(1),
  modelPath: z.array(z.string().min(1)),
  mediaDir: z.string().min(1),
  appDir: z.string().min(1),
  manifestPath: z.string().min(1),
  /** A LAN mirror with the public sources' paths, for installs started from the browser. */
  modelMirror: z.url({ protocol: /^https?$/ }).nullable(),
  /** Folders searched for model packs to import (removable drives). */
  importRoots: z.array(z.string().min(1)),
  /** Build the starter songs and stories into the media folder on first run. */
  starterLibrary: z.enum(['on', 'off']).transform((v) => v === 'on'),
  /** What one song or story may hold; longer, faster-sampled or wider files are refused at ingest. */
  mediaLimits: z.object({
    maxDurationSec: z.coerce
      .number()
      .positive()
      .max(24 * 60)
      .transform((minutes) => minutes * 60),
    maxSampleRate: z.coerce.number().int().min(8000).max(384_000),
    maxChannels: z.coerce.number().int().min(1).max(32),
  }),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  /** Days each toy's conversation history is kept; 0 = none is kept. */
  toyHistoryDays: z.coerce.number().int().min(0).max(3650),
  /** Toys start the language model on the words heard in a pause (preemptive generation). */
  answerInPauses: z.enum(['on', 'off']).transform((v) => v === 'on'),
  /** How toys' turns end: the adaptive silence (default), or the fixed one with or without early recognition. */
  endOfTurn: z.enum(['adaptive', 'transcribe-in-pause', 'fixed']),
  /**
   * Who talks with LiveKit toys: this server ('here', also one dispatched worker among others), or
   * only agent workers elsewhere ('workers': npm run agent, e.g. scaled beside a real LiveKit server).
   */
  toyAgent: z.enum(['here', 'workers']),
  livekit: z.object({
    url: z.url({ protocol: /^(wss?|https?)$/ }).nullable(),
    apiKey: z.string().min(1).nullable(),
    apiSecret: z.string().min(1).nullable(),
  }),
  /** Stock xiaozhi toys on MQTT + UDP: the embedded broker's port or an external broker, and the UDP audio port. */
  xiaozhiMqtt: z.object({
    enabled: z.enum(['on', 'off']).transform((v) => v === 'on'),
    mqttPort: z.coerce.number().int().min(0).max(65535),
    mqttPortIsDefault: z.boolean(),
    mqttUrl: z.url({ protocol: /^mqtts?$/ }).nullable(),
    udpPort: z.coerce.number().int().min(0).max(65535),
    udpPortIsDefault: z.boolean(),
  }),
  /** An OpenAI-compatible chat endpoint on the LAN (Ollama, llama.cpp server); null = local GGUF. */
  llm: z.object({
    url: z.url({ protocol: /^https?$/ }).nullable(),
    model: z.string().min(1).nullable(),
    apiKey: z.string().min(1).nullable(),
  }),
});

export type HearthConfig = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

interface Setting {
  flag: string;
  key: string;
  env: string;
  fallback?: string;
  help: string;
}

const SETTINGS: Setting[] = [
  { flag: '--port <n>', key: 'port', env: 'HEARTH_PORT', fallback: '8787', help: 'port to listen on' },
  {
    flag: '--https',
    key: 'https',
    env: 'HEARTH_HTTPS',
    help: 'also serve Hearth over HTTPS, signed by a home certificate authority: phones and tablets need it for the microphone, offline use and install (env value 1 = on)',
  },
  {
    flag: '--https-port <n>',
    key: 'httpsPort',
    env: 'HEARTH_HTTPS_PORT',
    fallback: '8443',
    help: 'HTTPS port (with --https)',
  },
  {
    flag: '--host <addr>',
    key: 'host',
    env: 'HEARTH_HOST',
    fallback: '0.0.0.0',
    help: 'address to bind; 0.0.0.0 serves every LAN interface',
  },
  {
    flag: '--pin-lockout-s <n>',
    key: 'pinLockoutS',
    env: 'HEARTH_PIN_LOCKOUT_S',
    fallback: '30',
    help: 'seconds of the first lockout after too many wrong parent PINs; it doubles with each further wrong PIN, up to an hour',
  },
  {
    flag: '--allowed-hosts <names>',
    key: 'allowedHosts',
    env: 'HEARTH_ALLOWED_HOSTS',
    help: 'comma-separated extra names the server answers to (its host name, .local name and addresses always work); requests for other names are refused',
  },
  { flag: '--data-dir <dir>', key: 'dataDir', env: 'HEARTH_DATA_DIR', fallback: 'data', help: 'database and secrets' },
  {
    flag: '--models-dir <dir>',
    key: 'modelsDir',
    env: 'HEARTH_MODELS_DIR',
    fallback: 'models',
    help: 'where model packs are stored',
  },
  {
    flag: '--model-path <dirs>',
    key: 'modelPath',
    env: 'HEARTH_MODEL_PATH',
    help: `extra read-only folders holding model packs, "${path.delimiter}"-separated`,
  },
  { flag: '--media-dir <dir>', key: 'mediaDir', env: 'HEARTH_MEDIA_DIR', fallback: 'media', help: 'songs and stories' },
  { flag: '--app-dir <dir>', key: 'appDir', env: 'HEARTH_APP_DIR', fallback: 'dist', help: 'the built web app' },
  {
    flag: '--max-media-minutes <n>',
    key: 'maxMediaMinutes',
    env: 'HEARTH_MAX_MEDIA_MINUTES',
    fallback: '60',
    help: 'longest song or story the library takes, in minutes',
  },
  {
    flag: '--max-media-sample-rate <hz>',
    key: 'maxMediaSampleRate',
    env: 'HEARTH_MAX_MEDIA_SAMPLE_RATE',
    fallback: '48000',
    help: 'highest sample rate the library takes',
  },
  {
    flag: '--max-media-channels <n>',
    key: 'maxMediaChannels',
    env: 'HEARTH_MAX_MEDIA_CHANNELS',
    fallback: '2',
    help: 'most audio channels the library takes',
  },
  {
    flag: '--starter-library <on|off>',
    key: 'starterLibrary',
    env: 'HEARTH_STARTER_LIBRARY',
    fallback: 'on',
    help: 'build the starter songs and stories into the media folder on first run',
  },
  {
    flag: '--manifest <file>',
    key: 'manifest',
    env: 'HEARTH_MODELS_MANIFEST',
    fallback: 'models/manifest.json',
    help: 'model pack manifest',
  },
  {
    flag: '--model-mirror <url>',
    key: 'modelMirror',
    env: 'HEARTH_MODEL_MIRROR',
    help: 'download model packs from this LAN mirror (same paths as the public sources) when a parent installs them from the browser',
  },
  {
    flag: '--import-roots <dirs>',
    key: 'importRoots',
    env: 'HEARTH_IMPORT_ROOTS',
    fallback: DEFAULT_IMPORT_ROOTS.join(path.delimiter),
    help: `where to look for USB sticks and folders with model packs, "${path.delimiter}"-separated`,
  },
  {
    flag: '--toy-history-days <n>',
    key: 'toyHistoryDays',
    env: 'HEARTH_TOY_HISTORY_DAYS',
    fallback: '7',
    help: 'days to keep what each toy and child said, for parents (0 = keep no history)',
  },
  {
    flag: '--answer-in-pauses <on|off>',
    key: 'answerInPauses',
    env: 'HEARTH_ANSWER_IN_PAUSES',
    fallback: 'off',
    help: "toys start thinking of the answer in the child's pauses (sooner replies; on a busy box that work is taken from other toys)",
  },
  {
    flag: '--end-of-turn <adaptive|transcribe-in-pause|fixed>',
    key: 'endOfTurn',
    env: 'HEARTH_END_OF_TURN',
    fallback: 'adaptive',
    help: "how toys hear that the child has finished: 'adaptive' waits less after a finished sentence and longer after \"and...\"; 'fixed' always waits the same silence (the old way)",
  },
  {
    flag: '--toy-agent <here|workers>',
    key: 'toyAgent',
    env: 'HEARTH_TOY_AGENT',
    fallback: 'here',
    help: 'who talks with LiveKit toys: this server (here), or only agent workers started with npm run agent (workers; with LIVEKIT_URL the LiveKit server dispatches to them)',
  },
  { flag: '--log-level <level>', key: 'logLevel', env: 'HEARTH_LOG_LEVEL', fallback: 'warn', help: 'server log level' },
  {
    flag: '--livekit-url <url>',
    key: 'livekitUrl',
    env: 'LIVEKIT_URL',
    help: 'use this LiveKit server instead of the embedded one',
  },
  { flag: '--livekit-api-key <key>', key: 'livekitApiKey', env: 'LIVEKIT_API_KEY', help: 'API key for LIVEKIT_URL' },
  {
    flag: '--livekit-api-secret <secret>',
    key: 'livekitApiSecret',
    env: 'LIVEKIT_API_SECRET',
    help: 'API secret for LIVEKIT_URL',
  },
  {
    flag: '--mqtt <on|off>',
    key: 'mqtt',
    env: 'HEARTH_MQTT',
    fallback: 'on',
    help: 'MQTT + UDP for stock xiaozhi toys a parent sets to MQTT (an embedded broker unless --mqtt-url)',
  },
  {
    flag: '--mqtt-port <n>',
    key: 'mqttPort',
    env: 'HEARTH_MQTT_PORT',
    fallback: '1883',
    help: 'port of the embedded MQTT broker for xiaozhi toys (another free port when the default is taken)',
  },
  {
    flag: '--mqtt-url <url>',
    key: 'mqttUrl',
    env: 'HEARTH_MQTT_URL',
    help: 'use this MQTT broker for xiaozhi toys instead of the embedded one: mqtt://user:password@host:1883 (Mosquitto, EMQX)',
  },
  {
    flag: '--xiaozhi-udp-port <n>',
    key: 'xiaozhiUdpPort',
    env: 'HEARTH_XIAOZHI_UDP_PORT',
    fallback: '8884',
    help: 'UDP port for the encrypted audio of xiaozhi toys on MQTT (another free port when the default is taken)',
  },
  {
    flag: '--llm-url <url>',
    key: 'llmUrl',
    env: 'HEARTH_LLM_URL',
    help: 'OpenAI-compatible server for toy conversations (e.g. http://ollama.lan:11434), instead of a local GGUF',
  },
  {
    flag: '--llm-model <name>',
    key: 'llmModel',
    env: 'HEARTH_LLM_MODEL',
    help: 'model name to ask HEARTH_LLM_URL for',
  },
  {
    flag: '--llm-api-key <key>',
    key: 'llmApiKey',
    env: 'HEARTH_LLM_API_KEY',
    help: 'bearer token for HEARTH_LLM_URL, if it wants one',
  },
];

export function configCommand(): Command {
  const program = new Command('hearth').description('Hearth home server: serves the app, models and media on your LAN');
  for (const s of SETTINGS)
    program.addOption(new Option(s.flag, `${s.help} (env ${s.env}${s.fallback ? `, default ${s.fallback}` : ''})`));
  return program;
}

// On/off settings: the flag alone turns them on; the environment says 1/true/yes or 0/false/no.
function onOff(value: string | boolean | undefined, env: string): boolean {
  if (value === undefined || value === true || value === false) return value === true;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  throw new ConfigError(`${env}=${value} is not on or off: use 1 or 0`);
}

function splitPathList(value: string | undefined): string[] {
  return (value ?? '')
    .split(path.delimiter)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Reads flags and environment; relative paths resolve against `cwd`. */
export function loadConfig(argv: string[], env: Env = process.env, cwd = process.cwd()): HearthConfig {
  const program = configCommand()
    .exitOverride()
    .configureOutput({ writeErr: () => {} });
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    throw new ConfigError(err instanceof Error ? err.message : String(err));
  }
  const flags = program.opts<Record<string, string | undefined>>();
  const value = (key: string): string | undefined => {
    const s = SETTINGS.find((x) => x.key === key);
    const fromEnv = s ? env[s.env] : undefined;
    return flags[key] ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : s?.fallback);
  };
  const abs = (p: string | undefined) => path.resolve(cwd, p ?? '');

  const parsed = ConfigSchema.safeParse({
    port: value('port'),
    host: value('host'),
    pinLockoutS: value('pinLockoutS'),
    allowedHosts: (value('allowedHosts') ?? '')
      .split(',')
      .map((h) => h.trim())
      .filter((h) => h.length > 0),
    // A flag without a value (--https) arrives as `true`, not text.
    https: {
      enabled: onOff((flags.https as string | boolean | undefined) ?? env.HEARTH_HTTPS, 'HEARTH_HTTPS'),
      port: value('httpsPort'),
    },
    dataDir: abs(value('dataDir')),
    modelsDir: abs(value('modelsDir')),
    modelPath: splitPathList(value('modelPath')).map(abs),
    mediaDir: abs(value('mediaDir')),
    appDir: abs(value('appDir')),
    manifestPath: abs(value('manifest')),
    modelMirror: value('modelMirror') ?? null,
    importRoots: splitPathList(value('importRoots')).map(abs),
    starterLibrary: value('starterLibrary')?.toLowerCase(),
    mediaLimits: {
      maxDurationSec: value('maxMediaMinutes'),
      maxSampleRate: value('maxMediaSampleRate'),
      maxChannels: value('maxMediaChannels'),
    },
    logLevel: value('logLevel'),
    toyHistoryDays: value('toyHistoryDays'),
    answerInPauses: value('answerInPauses')?.toLowerCase(),
    endOfTurn: value('endOfTurn')?.toLowerCase(),
    toyAgent: value('toyAgent')?.toLowerCase(),
    livekit: {
      url: value('livekitUrl') ?? null,
      apiKey: value('livekitApiKey') ?? null,
      apiSecret: value('livekitApiSecret') ?? null,
    },
    xiaozhiMqtt: {
      enabled: value('mqtt')?.toLowerCase(),
      mqttPort: value('mqttPort'),
      mqttPortIsDefault: flags.mqttPort === undefined && !env.HEARTH_MQTT_PORT,
      mqttUrl: value('mqttUrl') ?? null,
      udpPort: value('xiaozhiUdpPort'),
      udpPortIsDefault: flags.xiaozhiUdpPort === undefined && !env.HEARTH_XIAOZHI_UDP_PORT,
    },
    llm: {
      url: value('llmUrl') ?? null,
      model: value('llmModel') ?? null,
      apiKey: value('llmApiKey') ?? null,
    },
  });
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${details}`);
  }
  const config = parsed.data;
  if (config.livekit.url && (!config.livekit.apiKey || !config.livekit.apiSecret)) {
    throw new ConfigError('LIVEKIT_URL is set, so LIVEKIT_API_KEY and LIVEKIT_API_SECRET are needed too');
  }
  if (config.llm.url && !config.llm.model) {
    throw new ConfigError(
      'HEARTH_LLM_URL is set, so HEARTH_LLM_MODEL is needed too (the model name that server should run)',
    );
  }
  return config;
}
