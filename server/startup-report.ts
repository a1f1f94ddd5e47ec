import type { HearthConfig } from './config.ts';
import type { RoleStatus } from './models/store.ts';
import { lanUrls } from './lan.ts';
import { CA_CERTIFICATE_PATH } from './http/routes/ca-certificate.ts';
import type { TlsMaterial } from './tls/tls-material.ts';

/** HTTPS as it came up: its port and the home CA people install on their devices. */
export type HttpsReport = Pick<TlsMaterial, 'caFingerprint256' | 'caCreated' | 'issuedBecause'> & { port: number };

const MARK: Record<RoleStatus['status'], string> = {
  ready: 'ready  ',
  missing: 'MISSING',
  corrupt: 'DAMAGED',
  verifying: 'checking',
};

/** What a person needs to see when the server starts: where to open Hearth, and what is missing. */
export function startupReport(input: {
  config: HearthConfig;
  port: number;
  https?: HttpsReport | null;
  version: string;
  roles: RoleStatus[];
  appBuilt: boolean;
}): string {
  const { config, port, https, version, roles, appBuilt } = input;
  const lines = [`Hearth ${version} is running.`, '', 'Open it from any device on your home network:'];
  const httpUrls = lanUrls(port, config.host);
  for (const url of httpUrls) lines.push(`  ${url}`);
  if (https) lines.push('', ...httpsLines(https, config.host, httpUrls[0]));
  if (!appBuilt) lines.push('', 'The web app is not built: run `npm run build` (npm start does it for you).');
  lines.push('', 'Models:');
  for (const role of roles) {
    const pack = role.pack ? `${role.pack.title} (${role.pack.tier})` : 'none';
    lines.push(`  ${MARK[role.status]}  ${role.label.padEnd(24)} ${pack}`);
    if (role.fix && role.status !== 'ready') lines.push(`           fix: ${role.fix}`);
    else if (role.better[0]?.fix) lines.push(`           better: ${role.better[0].title} — ${role.better[0].fix}`);
  }
  const notReady = (role: string): boolean => roles.some((r) => r.role === role && r.status !== 'ready');
  if (notReady('stt') || (notReady('llm-cpu') && notReady('llm-webgpu')))
    lines.push('  Or open Hearth in a browser: Talk offers "Install on the home server" (parent PIN).');
  lines.push(
    '',
    `LiveKit: ${config.livekit.url ? `using ${config.livekit.url}` : 'embedded room server (set LIVEKIT_URL to use your own)'}`,
  );
  lines.push(`Data: ${config.dataDir}   Models: ${config.modelsDir}   Media: ${config.mediaDir}`);
  return lines.join('\n');
}

function httpsLines(https: HttpsReport, host: string, httpUrl: string | undefined): string[] {
  const lines = ['HTTPS, for the microphone, offline use and install on phones and tablets:'];
  for (const url of lanUrls(https.port, host, 'https')) lines.push(`  ${url}`);
  lines.push(`  Each device first installs the home certificate authority: ${httpUrl ?? ''}${CA_CERTIFICATE_PATH}`);
  lines.push(`  Its SHA-256 fingerprint: ${https.caFingerprint256}`);
  if (https.caCreated)
    lines.push(
      '  (A new certificate authority was created: devices that trusted an earlier one must install this one.)',
    );
  else if (https.issuedBecause) lines.push(`  (New server certificate: ${https.issuedBecause}.)`);
  lines.push('  How: README, "Open it from another device".');
  return lines;
}
