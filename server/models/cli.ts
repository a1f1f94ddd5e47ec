// `npm run models -- <command>`: list, download, import and verify model packs.
import { Command } from 'commander';
import { defaultExtraDirs, defaultManifestPath, defaultMirror, defaultModelsDir, splitModelPath } from './config.ts';
import { defaultDownloadTargets, downloadPack } from './download-packs.ts';
import { formatBytes, formatTable } from './format.ts';
import { importFromFolder } from './import.ts';
import { createProgressView } from './progress-view.ts';
import { CLI_COMMAND } from './status.ts';
import { ModelStore } from './store.ts';

interface GlobalOptions {
  modelsDir: string;
  modelPath?: string;
  mirror?: string;
  manifest: string;
}

const OFFLINE_HINT = `no internet? import from a folder with: ${CLI_COMMAND} import /path/to/folder`;

function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

async function openStore(g: GlobalOptions): Promise<ModelStore> {
  const extraDirs = g.modelPath !== undefined ? splitModelPath(g.modelPath) : defaultExtraDirs();
  return ModelStore.open({ manifestPath: g.manifest, modelsDir: g.modelsDir, extraDirs });
}

function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
}

const program = new Command('models')
  .description('Manage Hearth model packs (download, import from a folder, verify)')
  .option('--models-dir <dir>', 'where packs are stored (env HEARTH_MODELS_DIR)', defaultModelsDir())
  .option('--model-path <dirs>', 'colon-separated read-only folders with packs used in place (env HEARTH_MODEL_PATH)')
  .option('--mirror <baseUrl>', 'download from a LAN mirror with the same paths (env HEARTH_MODEL_MIRROR)', defaultMirror() ?? undefined)
  .option('--manifest <file>', 'model manifest (env HEARTH_MODELS_MANIFEST)', defaultManifestPath())
  .showHelpAfterError();

program
  .command('list')
  .description('show every pack per role with its size and state')
  .option('--quick', 'do not hash files that were never verified (shows them as "verifying")')
  .action(async (opts: { quick?: boolean }, cmd: Command) => {
    const store = await openStore(globals(cmd));
    if (!opts.quick) await store.verifyInBackground();
    const roles = await store.roles();
    const rows = roles.flatMap((role) =>
      role.packs.length === 0
        ? [[role.role, '(none in manifest)', '', '', 'missing', '']]
        : role.packs.map((p) => [
            role.role,
            `${role.pack?.id === p.id ? '* ' : '  '}${p.id}`,
            p.tier,
            formatBytes(p.bytes),
            p.state,
            p.fix ?? '',
          ]),
    );
    process.stdout.write(`${formatTable(['ROLE', 'PACK', 'TIER', 'SIZE', 'STATE', 'FIX'], rows)}\n* in use for its role\n`);
  });

program
  .command('download')
  .description('download packs (default: the recommended pack of every role that is not ready)')
  .argument('[packIds...]', 'pack ids from the manifest')
  .action(async (packIds: string[], _opts: unknown, cmd: Command) => {
    const g = globals(cmd);
    const store = await openStore(g);
    const targets = packIds.length > 0 ? packIds : defaultDownloadTargets(await store.roles());
    if (targets.length === 0) {
      process.stdout.write('Every role has a ready model; nothing to download.\n');
      return;
    }
    const view = createProgressView();
    const failed: string[] = [];
    for (const id of targets) {
      try {
        await downloadPack(store.context, id, { mirror: g.mirror ?? null, ...view });
        process.stdout.write(`${id}: ready\n`);
      } catch (err) {
        view.stop();
        failed.push(id);
        process.stderr.write(`${id}: FAILED — ${err instanceof Error ? err.message : String(err)}\n`);
      }
    }
    if (failed.length > 0) fail(`Download failed for ${failed.join(', ')}. ${OFFLINE_HINT}`);
  });

program
  .command('import')
  .description('import packs from a folder laid out as <dir>/<packId>/<path> (or one pack folder with --pack)')
  .argument('<dir>', 'folder to import from (USB stick, copy of a mirror)')
  .option('--pack <id>', 'the folder is a single pack folder for this pack id')
  .option('--link', 'use the files in place instead of copying them')
  .action(async (dir: string, opts: { pack?: string; link?: boolean }, cmd: Command) => {
    const store = await openStore(globals(cmd));
    const results = await importFromFolder(store.context, {
      dir,
      ...(opts.pack ? { packId: opts.pack } : {}),
      link: opts.link ?? false,
      onFile: (r) => (r.outcome === 'rejected' ? process.stderr : process.stdout).write(`${r.outcome === 'rejected' ? 'REJECTED ' : ''}${r.message}\n`),
    });
    if (results.length === 0) {
      fail(`No files of any known pack found in ${dir} (expected <dir>/<packId>/<file>, or use --pack <id>).`);
      return;
    }
    const rejected = results.filter((r) => r.outcome === 'rejected').length;
    if (rejected > 0) fail(`${rejected} file(s) rejected; existing copies were left untouched.`);
  });

program
  .command('verify')
  .description('re-hash every present file (all packs, or the given ones); exit 1 if any is corrupt')
  .argument('[packIds...]', 'pack ids from the manifest')
  .action(async (packIds: string[], _opts: unknown, cmd: Command) => {
    const store = await openStore(globals(cmd));
    const reports = await store.verify(packIds, (r) => {
      if (r.state === 'ok') process.stdout.write(`ok       ${r.packId}/${r.path}\n`);
      else if (r.state === 'corrupt')
        process.stdout.write(`CORRUPT  ${r.packId}/${r.path} at ${r.location} — expected ${r.expectedSha256}, got ${r.actualSha256}\n`);
    });
    const corrupt = reports.filter((r) => r.state === 'corrupt').length;
    const missing = reports.filter((r) => r.state === 'missing').length;
    process.stdout.write(`${reports.length - corrupt - missing} ok, ${corrupt} corrupt, ${missing} missing\n`);
    if (corrupt > 0) fail(`Corrupt files are never served; fix with: ${CLI_COMMAND} download <packId> (or import a good copy).`);
  });

program.parseAsync(process.argv).catch((err: unknown) => {
  fail(`error: ${err instanceof Error ? err.message : String(err)}`);
});
