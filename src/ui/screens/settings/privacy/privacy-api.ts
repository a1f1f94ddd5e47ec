// The parent's client for the home server's half of the data ledger (/api/privacy, admin session
// from the PIN). Errors carry the server's own words for the screen.

import type { ServerLedger, ToyDataKind } from '../../../../core/privacy/data-ledger.ts';
import { adminSession } from '../../../admin/admin-session.svelte.ts';

async function call(method: 'GET' | 'DELETE', url: string): Promise<Response> {
  const token = adminSession.token;
  const response = await fetch(url, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    cache: 'no-store',
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: unknown } | null;
    if (response.status === 401) void adminSession.refresh();
    throw new Error(typeof body?.message === 'string' ? body.message : `the home server answered ${response.status}`);
  }
  return response;
}

export async function fetchServerLedger(): Promise<ServerLedger> {
  return (await call('GET', '/api/privacy/ledger')).json() as Promise<ServerLedger>;
}

/** The export of one kind of one toy's data: its file name and JSON. */
export async function exportToyData(toyId: string, kind: ToyDataKind): Promise<{ name: string; blob: Blob }> {
  const response = await call('GET', `/api/privacy/toys/${encodeURIComponent(toyId)}/${kind}`);
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return { name: name ?? `hearth-${toyId}-${kind}.json`, blob: await response.blob() };
}

export async function deleteToyData(toyId: string, kind: ToyDataKind): Promise<number> {
  const body = (await (await call('DELETE', `/api/privacy/toys/${encodeURIComponent(toyId)}/${kind}`)).json()) as {
    deleted?: unknown;
  };
  return typeof body.deleted === 'number' ? body.deleted : 0;
}
