// Starts a real Mosquitto (Debian's `mosquitto`) for a test: a free port, a generated config with
// the dynamic-security plugin (logging to stderr, which is not buffered), and Hearth's admin client
// created with `mosquitto_ctrl dynsec init` and allowed to publish toy replies, as the README says.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const PLUGIN_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so',
  '/usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so',
  '/usr/lib/mosquitto_dynamic_security.so',
];

export function mosquittoMissing(): string | null {
  const binary = ['/usr/sbin/mosquitto', '/usr/bin/mosquitto'].find((file) => fs.existsSync(file));
  if (!binary) return 'the mosquitto binary is not installed (Debian package "mosquitto"; .ci/run installs it)';
  if (!PLUGIN_CANDIDATES.some((file) => fs.existsSync(file)))
    return 'mosquitto_dynamic_security.so is not installed (Debian package "mosquitto")';
  return null;
}

export interface RunningMosquitto {
  port: number;
  url: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startMosquitto(): Promise<RunningMosquitto> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-mosquitto-'));
  const plugin = PLUGIN_CANDIDATES.find((file) => fs.existsSync(file))!;
  const user = 'hearth';
  const password = `pw-${process.pid}-${Date.now()}`;
  await run('mosquitto_ctrl', ['dynsec', 'init', path.join(dir, 'dynsec.json'), user, password]);
  // Hearth's admin may also publish replies on the toys' reply topics (dynsec init allows only
  // administration). The README does this with `mosquitto_ctrl … dynsec addRoleACL admin
  // publishClientSend hearth/toys/+/down allow`; on a broker that is not running yet, the file is edited.
  const dynsecFile = path.join(dir, 'dynsec.json');
  const dynsec = JSON.parse(fs.readFileSync(dynsecFile, 'utf8')) as {
    roles: Array<{ rolename: string; acls: unknown[] }>;
  };
  dynsec.roles
    .find((role) => role.rolename === 'admin')!
    .acls.push({ acltype: 'publishClientSend', topic: 'hearth/toys/+/down', priority: 5, allow: true });
  fs.writeFileSync(dynsecFile, JSON.stringify(dynsec, null, 2));
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, 'mosquitto.conf'),
    [
      `listener ${port} 127.0.0.1`,
      // Started as root (CI), Mosquitto would switch to user "mosquitto", who cannot read this private folder.
      `user ${os.userInfo().username}`,
      'allow_anonymous false',
      `plugin ${plugin}`,
      `plugin_opt_config_file ${path.join(dir, 'dynsec.json')}`,
      'persistence false',
      'log_dest stderr',
      'log_type error',
      'log_type warning',
      'log_type notice',
      'log_type information',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test process that ends early (a hook timing out) takes its broker with it.
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/running/.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`mosquitto exited (${code}): ${output}`)));
  });
  return {
    port,
    url: `mqtt://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    async stop() {
      const exited = new Promise<void>((resolve) =>
        child.exitCode !== null ? resolve() : child.once('exit', () => resolve()),
      );
      process.off('exit', killOnExit);
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
