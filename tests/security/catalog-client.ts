// Talking to a running Hearth server's library as a parent would: a PIN session, uploads as
// multipart/form-data (fetch's own FormData), and the catalog as the server lists it.
import { encodeWav16 } from '../../server/catalog/starter/wav.ts';
import type { RunningServer } from '../helpers/server.ts';

export const TEST_PIN = '2468';

/** Sets the parent PIN from the home box itself (loopback needs no setup code) and opens a session. */
export async function adminToken(server: RunningServer): Promise<string> {
  const status = (await (await fetch(`${server.url}/api/admin/status`)).json()) as { pinSet: boolean };
  if (!status.pinSet) {
    const set = await fetch(`${server.url}/api/admin/pin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pin: TEST_PIN }),
    });
    if (set.status !== 204) throw new Error(`setting the PIN failed: ${set.status} ${await set.text()}`);
  }
  const res = await fetch(`${server.url}/api/admin/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pin: TEST_PIN }),
  });
  if (res.status !== 200) throw new Error(`opening a session failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export interface UploadResult {
  status: number;
  body: { item?: { id: string; title: string; durationSec: number | null }; error?: string; message?: string };
}

export async function upload(
  server: RunningServer,
  token: string,
  fileName: string,
  data: Buffer,
  metadata?: object,
): Promise<UploadResult> {
  const form = new FormData();
  if (metadata) form.append('metadata', JSON.stringify(metadata));
  form.append('file', new Blob([new Uint8Array(data)]), fileName);
  const res = await fetch(`${server.url}/api/catalog/items`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as UploadResult['body'] };
}

export interface ListedItem {
  id: string;
  title: string;
  durationSec: number | null;
}

/** Waits for the first scan, then lists the catalog. */
export async function catalogItems(server: RunningServer): Promise<ListedItem[]> {
  for (;;) {
    const body = (await (await fetch(`${server.url}/api/catalog`)).json()) as { phase: string; items: ListedItem[] };
    if (body.phase === 'ready') return body.items;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A WAV tone whose bytes differ with `hz` and `seconds`, so each upload's content is recognisable. */
export function toneWav(hz: number, seconds = 0.5, sampleRate = 16_000): Buffer {
  const samples = new Float32Array(Math.round(seconds * sampleRate));
  for (let i = 0; i < samples.length; i++) samples[i] = 0.3 * Math.sin((2 * Math.PI * hz * i) / sampleRate);
  return encodeWav16(samples, sampleRate);
}
