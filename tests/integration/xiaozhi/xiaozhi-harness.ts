// Stock xiaozhi toys against the real Hearth server in tests: pairing a simulated toy the way a
// parent does (the toy checks in and speaks a code, the parent types it, the toy's activation poll
// succeeds, its next check gets the WebSocket), and opening its WebSocket session.
import {
  activate,
  checkVersion,
  newToyIdentity,
  XiaozhiToy,
  type OtaAnswer,
  type ToyIdentity,
  type XiaozhiToyOptions,
} from '../../../server/toys/simulator/xiaozhi-toy.ts';
import { WebSocketLink } from '../../../server/toys/simulator/websocket-link.ts';
import type { ProtocolVersion } from '../../../server/toys/xiaozhi/binary-protocol.ts';

export interface PairedToy {
  identity: ToyIdentity;
  device: Record<string, unknown> & { id: string };
  websocket: { url: string; token: string };
}

export const otaUrlOf = (serverUrl: string) => `${serverUrl}/xiaozhi/ota/`;

export async function api(
  serverUrl: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${serverUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** The parent's consent for a child of six, in the words the server shows now (none on a server that asks none). */
async function consentFor(serverUrl: string): Promise<{ consent?: Record<string, unknown> }> {
  const res = await fetch(`${serverUrl}/api/toys/consent`);
  if (res.status === 404) return {};
  const { version } = (await res.json()) as { version: string };
  return { consent: { childAge: 6, accepted: true, textVersion: version } };
}

/** A new toy checks in, the parent types its code with `profile`, the toy activates and fetches its transport. */
export async function pairToy(
  serverUrl: string,
  householdKey: string,
  profile: Record<string, unknown> = { name: 'Xiaozhi bear' },
  identity = newToyIdentity(),
): Promise<PairedToy> {
  const ota = otaUrlOf(serverUrl);
  const first = await checkVersion(ota, identity);
  if (first.status !== 200 || !first.answer.activation)
    throw new Error(`OTA check did not ask for activation: HTTP ${first.status} ${JSON.stringify(first.answer)}`);
  const paired = await api(serverUrl, householdKey, 'POST', '/api/toys/pair', {
    ...(await consentFor(serverUrl)),
    ...profile,
    code: first.answer.activation.code,
  });
  if (paired.status !== 201) throw new Error(`pairing: HTTP ${paired.status} ${JSON.stringify(paired.json)}`);
  const activated = await activate(ota, identity);
  if (activated !== 200) throw new Error(`activation poll after pairing: HTTP ${activated}`);
  const second = await checkVersion(ota, identity);
  const websocket = (second.answer as OtaAnswer).websocket;
  if (!websocket) throw new Error(`OTA check after pairing gave no websocket: ${JSON.stringify(second.answer)}`);
  return { identity, device: paired.json as PairedToy['device'], websocket };
}

/** Connects a paired toy's WebSocket, says hello and starts listening in `mode`. */
export async function connectToy(
  paired: PairedToy,
  options: XiaozhiToyOptions & { version?: ProtocolVersion; query?: boolean; lines?: string[]; name?: string } = {},
): Promise<XiaozhiToy> {
  const link = await WebSocketLink.connect({
    url: paired.websocket.url,
    token: paired.websocket.token,
    mac: paired.identity.mac,
    clientId: paired.identity.clientId,
    ...(options.version ? { version: options.version } : {}),
    ...(options.query ? { query: true } : {}),
  });
  const lines = options.lines;
  const toy = new XiaozhiToy(link, {
    ...options,
    print: (line) => lines?.push(`${options.name ?? paired.identity.mac}: ${line}`),
  });
  const hello = await toy.hello();
  // Hearth turns the toy's face happy once its companion listens (the engines may still be loading).
  await toy.waitForMessage('the companion to be ready', (m) => m.type === 'llm' && m.emotion === 'happy', 240_000);
  toy.startListening();
  void hello;
  return toy;
}
