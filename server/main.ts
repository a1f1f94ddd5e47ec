import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, configCommand, loadConfig, type HearthConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { buildApp } from './http/app.ts';
import { ModelStore } from './models/store.ts';
import { startupReport } from './startup-report.ts';
import { householdKeyNotice } from './livekit/household-key.ts';
import { TlsFileError } from './tls/key-files.ts';
import { loadTlsMaterial } from './tls/tls-material.ts';
import { attachHttpsServer, type HttpsServer } from './tls/https-server.ts';
import { DataDirLockedError, lockDataDir } from './db/data-dir-lock.ts';
import { createPrivateFile, makeDataDirPrivate } from './db/data-dir-permissions.ts';
import { FirstPinSetupCode } from './auth/first-pin-setup.ts';
import { AdminPin } from './auth/admin-pin.ts';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    configCommand().outputHelp();
    return;
  }
  const config = loadConfig(argv);
  const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

  // One server per data folder; the folder and its files private to this account.
  const dataLock = lockDataDir(config.dataDir);
  process.once('exit', () => dataLock.release());
  makeDataDirPrivate(config.dataDir);
  createPrivateFile(path.join(config.dataDir, 'hearth.db'));
  const db = openDatabase(path.join(config.dataDir, 'hearth.db'));
  const setupCode = new AdminPin(db).isSet() ? null : new FirstPinSetupCode();
  const models = await ModelStore.open({
    manifestPath: config.manifestPath,
    modelsDir: config.modelsDir,
    extraDirs: config.modelPath,
  });
  // HTTPS (opt-in): the home CA and this machine's certificate, created or renewed as needed.
  const tls = config.https.enabled ? await loadTlsMaterial(config.dataDir) : null;
  let httpsPort: number | null = null;
  const app = await buildApp({
    config,
    db,
    models,
    version: pkg.version,
    caCertPem: tls?.caCertPem ?? null,
    httpsPort: () => httpsPort,
    setupCode,
  });
  const httpsServer = tls ? attachHttpsServer(app, tls) : null;

  const shutdown = async (signal: string) => {
    console.log(`\nHearth: ${signal} received, stopping.`);
    await app.close();
    db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (httpsServer) httpsPort = await listenHttps(httpsServer, config);
  const https = tls && httpsPort !== null ? { ...tls, port: httpsPort } : null;
  console.log(
    startupReport({
      config,
      port,
      https,
      version: pkg.version,
      roles: await models.roles(),
      appBuilt: fs.existsSync(path.join(config.appDir, 'index.html')),
    }),
  );
  console.log(householdKeyNotice(config.dataDir));
  if (setupCode?.value)
    console.log(
      `No parent PIN yet. To choose it from another device, enter this one-time setup code: ${setupCode.value}`,
    );
  // Files created while starting (secrets, TLS, database) are private too.
  makeDataDirPrivate(config.dataDir);

  // Hash files that have no trusted lock entry yet, off the request path.
  models.verifyInBackground().catch((err: unknown) => app.log.error({ err }, 'model verification failed'));
}

async function listenHttps(server: HttpsServer, config: HearthConfig): Promise<number> {
  try {
    return await server.listen(config.https.port, config.host);
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'EADDRINUSE') {
      throw new ConfigError(
        `the HTTPS port ${config.https.port} is already in use. Stop the other server or pick another port with --https-port or HEARTH_HTTPS_PORT.`,
      );
    }
    throw err;
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(`Hearth: ${err.message}\nRun with --help to see every setting.`);
  } else if (err instanceof DataDirLockedError) {
    console.error(`Hearth: ${err.message}`);
  } else if (err instanceof TlsFileError) {
    console.error(`Hearth cannot start HTTPS: ${err.message}`);
  } else if (err instanceof Error && 'code' in err && err.code === 'EADDRINUSE') {
    console.error(
      `Hearth: the port is already in use (${err.message}). Stop the other server or pick another port with --port or HEARTH_PORT.`,
    );
  } else {
    console.error('Hearth failed to start:', err);
  }
  process.exit(1);
});
