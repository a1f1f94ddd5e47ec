import type { HearthConfig } from './config.ts';
import type { RoleStatus } from './models/store.ts';
import { lanUrls } from './lan.ts';

const MARK: Record<RoleStatus['status'], string> = { ready: 'ready  ', missing: 'MISSING', corrupt: 'DAMAGED', verifying: 'checking' };

/** What a person needs to see when the server starts: where to open Hearth, and what is missing. */
export function startupReport(input: { config: HearthConfig; port: number; version: string; roles: RoleStatus[]; appBuilt: boolean }): string {
  const { config, port, version, roles, appBuilt } = input;
  const lines = [`Hearth ${version} is running.`, '', 'Open it from any device on your home network:'];
  for (const url of lanUrls(port, config.host)) lines.push(`  ${url}`);
  if (!appBuilt) lines.push('', 'The web app is not built: run `npm run build` (npm start does it for you).');
  lines.push('', 'Models:');
  for (const role of roles) {
    const pack = role.pack ? `${role.pack.title} (${role.pack.tier})` : 'none';
    lines.push(`  ${MARK[role.status]}  ${role.label.padEnd(24)} ${pack}`);
    if (role.fix && role.status !== 'ready') lines.push(`           fix: ${role.fix}`);
    else if (role.better[0]?.fix) lines.push(`           better: ${role.better[0].title} — ${role.better[0].fix}`);
  }
  lines.push('', `LiveKit: ${config.livekit.url ? `using ${config.livekit.url}` : 'embedded room server (set LIVEKIT_URL to use your own)'}`);
  lines.push(`Data: ${config.dataDir}   Models: ${config.modelsDir}   Media: ${config.mediaDir}`);
  return lines.join('\n');
}
