// The parent's client for the server's toy registry (/api/devices, admin session from the PIN) and
// for pairing stock xiaozhi toys by the code they speak (/api/toys).
// Errors carry the server's own words ("volume: Too big…", "no device with id …") for the screen.

import type { CompanionReadiness } from '../../../../core/devices/companion-readiness.ts';
import type { DeviceProfile } from '../../../../core/devices/device-profile.ts';
import type { DeviceTurn, DeviceTurnListing } from '../../../../core/devices/device-turn.ts';
import type { UnusedToyDeletion } from '../../../../core/devices/unused-toy-deletion.ts';
import type { MemoryRecord } from '../../../../core/memory/memory-types.ts';
import type { PersonaRecord } from '../../../../core/personas/persona-record.ts';
import type { TimeLimits } from '../../../../core/safety/time-limits.ts';
import type { ToyConsentRequest } from '../../../../core/devices/toy-consent.ts';
import { adminSession } from '../../../admin/admin-session.svelte.ts';
import type { ToyOnline, ToyTransport } from './toy-format.ts';

export interface Toy extends DeviceProfile {
  /**
   * A LiveKit toy: is it in its room, is the agent (`device` null when the server cannot tell).
   * A xiaozhi toy: is it connected now.
   */
  online: ToyOnline;
  transport: ToyTransport;
  /** What the toy reported at its last check-in (xiaozhi toys); null when unknown. */
  board: string | null;
  firmwareVersion: string | null;
  /** ms since the epoch; null when it has not checked in yet. */
  lastSeenAt: number | null;
  /** When it was last used and when it is deleted unless used (the listing has it; a pairing's answer does not). */
  unusedDeletion?: UnusedToyDeletion;
}

/** A stock toy that checked in and spoke its code, waiting for a parent to add it. */
export interface PendingToy {
  board: string | null;
  firmwareVersion: string | null;
  /** ms since the epoch. */
  seenAt: number;
  expiresAt: number;
}

/** What "Add a toy" sends with the spoken code: a name and the same profile choices as the editor. */
export interface PairingRequest {
  code: string;
  name: string;
  ownerName?: string;
  persona?: PersonaRecord | null;
  /** The child's age and the parent's acceptance of what Hearth keeps (the server refuses without it). */
  consent: ToyConsentRequest;
}

export interface ProfileChanges {
  name?: string;
  ownerName?: string;
  ownerNotes?: string;
  persona?: PersonaRecord | null;
  voice?: string;
  language?: string;
  volume?: number;
  limits?: TimeLimits;
  /** The toy remembers what the child tells it (false: it recalls and learns nothing). */
  memoryEnabled?: boolean;
  /** Days the conversation history is kept (0: none); null follows the home server's default. */
  historyDays?: number | null;
  /** Days without use after which the toy and all it kept are deleted (0: never). */
  deleteUnusedAfterDays?: number;
  /** xiaozhi toys only; the toy picks it up at its next restart. */
  transport?: ToyTransport;
}

/**
 * A toy's memory, with when it is forgotten (epoch ms; null: kept until deleted) and the child's
 * words it came from (null when not kept: older memories, a parent's own).
 */
export type ToyMemory = Omit<MemoryRecord, 'embedding' | 'fromWords'> & {
  forgetAfter: number | null;
  fromWords: string | null;
};

/** One finished turn of a toy's conversation history, and a page of them. */
export type { DeviceTurn as ToyTurn, DeviceTurnListing as ToyTurnPage };

export interface ObserverGrant {
  url: string;
  token: string;
  room: string;
  identity: string;
}

export class ToysApiError extends Error {
  override name = 'ToysApiError';
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      cache: 'no-store',
      headers: { ...adminSession.headers(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ToysApiError('The home server can’t be reached. Check that Hearth is running, then try again.', 0);
  }
  if (response.status === 401) {
    // The admin session ran out: lock, so the PIN gate asks again.
    adminSession.lock();
    throw new ToysApiError('Please unlock with the parent PIN again.', 401);
  }
  if (!response.ok) {
    let message = `The home server answered ${response.status}.`;
    try {
      const problem = (await response.json()) as { message?: unknown; error?: unknown };
      if (typeof problem.message === 'string') message = problem.message;
      else if (typeof problem.error === 'string') message = problem.error;
    } catch {
      // keep the status text
    }
    throw new ToysApiError(message, response.status);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const at = (id: string) => `/api/devices/${encodeURIComponent(id)}`;

export const toysApi = {
  list: async () => (await request<{ devices: Toy[] }>('GET', '/api/devices')).devices,
  create: (body: { name: string; id?: string; consent: ToyConsentRequest }) =>
    request<Toy & { credential: string }>('POST', '/api/devices', body),
  update: (id: string, changes: ProfileChanges) => request<Toy>('PATCH', at(id), changes),
  rotateCredential: (id: string) => request<{ id: string; credential: string }>('POST', `${at(id)}/credential`),
  remove: (id: string) => request<void>('DELETE', at(id)),
  memories: async (id: string) => (await request<{ memories: ToyMemory[] }>('GET', `${at(id)}/memories`)).memories,
  editMemory: (id: string, memoryId: string, text: string) =>
    request<ToyMemory>('PATCH', `${at(id)}/memories/${encodeURIComponent(memoryId)}`, { text }),
  setMemoryForgetAfter: (id: string, memoryId: string, forgetAfter: number | null) =>
    request<{ forgotten: boolean }>('PUT', `${at(id)}/memories/${encodeURIComponent(memoryId)}/forget-after`, {
      forgetAfter,
    }),
  deleteMemory: (id: string, memoryId: string) =>
    request<void>('DELETE', `${at(id)}/memories/${encodeURIComponent(memoryId)}`),
  clearMemories: (id: string) => request<{ deleted: number }>('DELETE', `${at(id)}/memories`),
  turns: (id: string, before: string | null = null, limit = 20) =>
    request<DeviceTurnListing>(
      'GET',
      `${at(id)}/turns?${new URLSearchParams({ limit: String(limit), ...(before ? { before } : {}) }).toString()}`,
    ),
  deleteTurn: (id: string, turnId: string) => request<void>('DELETE', `${at(id)}/turns/${encodeURIComponent(turnId)}`),
  clearTurns: (id: string) => request<{ deleted: number }>('DELETE', `${at(id)}/turns`),
  observerToken: (id: string) => request<ObserverGrant>('POST', `${at(id)}/observer-token`),
  pair: (body: PairingRequest) => request<Toy>('POST', '/api/toys/pair', body),
  pending: async () => (await request<{ pending: PendingToy[] }>('GET', '/api/toys/pending')).pending,
  companion: () => request<CompanionReadiness>('GET', '/api/toys/companion'),
};

/** The one-line simulator command a parent can run on the home box to try the toy. */
export function toySimulatorCommand(origin: string, id: string, credential: string): string {
  return `npm run toy -- --server ${origin} --device ${id} --credential ${credential} --say "Hello!"`;
}
