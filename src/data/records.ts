// Rows of the local database (besides memories and personas, whose shapes live in src/core so the
// server can store the same ones for toys).

import type { MemoryRecord } from '../core/memory/memory-types.ts';

/** A memory as this browser keeps it: the core's record plus the date a parent chose to forget it. */
export interface StoredMemory extends MemoryRecord {
  /** Epoch ms after which the memory is deleted (not hidden); absent or null: kept until deleted. */
  forgetAfter?: number | null;
}

export interface ConversationRecord {
  id: string;
  startedAt: number;
  updatedAt: number;
  /** First words of the first turn, for the history list. */
  title: string;
  personaId: string;
  turnCount: number;
}

export interface TurnRecord {
  id: string;
  conversationId: string;
  at: number;
  userText: string;
  replyText: string;
  personaId: string;
  interrupted: boolean;
  /** The memories that went into this turn's prompt. */
  memoriesUsed: string[];
  /** Set when the guard stopped the user's words or the reply. */
  guarded: 'input' | 'output' | null;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/** Conversation time per local day ("2025-03-04"), for daily time limits. */
export interface UsageRecord {
  day: string;
  ms: number;
}
