// `npm run toy`: the toy simulator. `--protocol livekit` (the default) is a Hearth LiveKit toy
// (livekit-cli.ts); `--protocol xiaozhi-ws|xiaozhi-mqtt` a stock xiaozhi-esp32 toy.
import { dispose } from '@livekit/rtc-node';
import { cli as livekitCli } from './livekit-cli.ts';
import { xiaozhiCli } from './xiaozhi-cli.ts';

/** The --protocol value (either `--protocol x` or `--protocol=x`) and the arguments without it. */
export function splitProtocol(argv: string[]): { protocol: string; rest: string[] } {
  const rest: string[] = [];
  let protocol = 'livekit';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--protocol') protocol = argv[++i] ?? '';
    else if (arg.startsWith('--protocol=')) protocol = arg.slice('--protocol='.length);
    else rest.push(arg);
  }
  return { protocol, rest };
}

async function main(argv: string[]): Promise<void> {
  const { protocol, rest } = splitProtocol(argv);
  if (protocol === 'livekit') return livekitCli(rest);
  if (protocol === 'xiaozhi-ws' || protocol === 'xiaozhi-mqtt') return xiaozhiCli(['--protocol', protocol, ...rest]);
  throw new Error(`--protocol ${protocol}: livekit, xiaozhi-ws or xiaozhi-mqtt`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(`toy simulator: ${error instanceof Error ? error.message : String(error)}`);
    await dispose().catch(() => undefined);
    process.exit(1);
  },
);
