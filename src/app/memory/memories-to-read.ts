// Memories as a parent reads them wherever they are listed outside the Memory screen: a toy's
// Memories list in Settings → Toys (kept on the home server) and the data ledger's "See" (this
// device's and each toy's). Stored memories say "The user ..." (what the prompt, dedup and
// forgetting rely on); a parent reads them about the child by name, with the words each came from
// and its date once. The UI fetches; this words.

import { childNameFromMemories, naturalMemoryText } from '../../core/memory/memory-wording.ts';

/** What wording a memory needs: its slot and stored text, the words it came from, when it changed. */
export interface WordedMemory {
  id: string;
  slot: string;
  text: string;
  /** The child's words it came from; absent or null when not kept (older ones, a parent's own). */
  fromWords?: string | null;
  updatedAt: number;
}

/** A memory as a parent reads it. */
export interface MemoryToRead<T extends WordedMemory = WordedMemory> {
  memory: T;
  /** "Maya loves dinosaurs." (never "The user ..."). */
  text: string;
  /** The child's own words ("I love dinosaurs!"), or null when they are not known. */
  fromWords: string | null;
  /** When it was learned or last changed (epoch ms): the one date shown. */
  at: number;
}

/**
 * The child's name for the wording: the one their memories hold ("My name is Maya"), else the name
 * the parent gave the toy's profile (who it is for), else none ("Loves dinosaurs.").
 */
export function childNameFor(memories: readonly WordedMemory[], ownerName?: string | null): string | null {
  return childNameFromMemories(memories) ?? (ownerName?.trim() || null);
}

/** Each memory, in the same order, worded for a parent. */
export function memoriesToRead<T extends WordedMemory>(
  memories: readonly T[],
  ownerName?: string | null,
): MemoryToRead<T>[] {
  const name = childNameFor(memories, ownerName);
  return memories.map((memory) => ({
    memory,
    text: naturalMemoryText(memory.text, name),
    fromWords: memory.fromWords?.trim() || null,
    at: memory.updatedAt,
  }));
}

/**
 * The ledger's memory items (plain JSON from an export: this device's records or a toy's) worded
 * for a parent; items that are not memories are left out.
 */
export function ledgerMemoriesToRead(items: readonly unknown[], ownerName?: string | null): MemoryToRead[] {
  return memoriesToRead(items.filter(isWordedMemory), ownerName);
}

function isWordedMemory(item: unknown): item is WordedMemory {
  if (typeof item !== 'object' || item === null) return false;
  const memory = item as Record<string, unknown>;
  return (
    typeof memory['id'] === 'string' &&
    typeof memory['slot'] === 'string' &&
    typeof memory['text'] === 'string' &&
    typeof memory['updatedAt'] === 'number' &&
    (memory['fromWords'] === undefined || memory['fromWords'] === null || typeof memory['fromWords'] === 'string')
  );
}
