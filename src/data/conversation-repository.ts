// Conversations and their turns, kept for the days a parent chose (none when they chose 0).

import { reportingWrite } from './data-errors.ts';
import type { HearthDb } from './db.ts';
import type { ConversationRecord, TurnRecord } from './records.ts';
import { SettingsRepository } from './settings-repository.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export class ConversationRepository {
  constructor(private readonly db: HearthDb) {}

  /** Newest first. */
  list(): Promise<ConversationRecord[]> {
    return this.db.conversations.orderBy('updatedAt').reverse().toArray();
  }

  turns(conversationId: string): Promise<TurnRecord[]> {
    return this.db.turns.where('conversationId').equals(conversationId).sortBy('at');
  }

  /** How many turns are kept, over all conversations. */
  turnCount(): Promise<number> {
    return this.db.turns.count();
  }

  /** Every turn, oldest first (the parent's export). */
  allTurns(): Promise<TurnRecord[]> {
    return this.db.turns.orderBy('at').toArray();
  }

  /** Saves a turn, creating its conversation on the first one; nothing is saved while the parent keeps no history. */
  async addTurn(turn: TurnRecord): Promise<void> {
    await reportingWrite('the conversation', () =>
      this.db.transaction('rw', this.db.conversations, this.db.turns, this.db.settings, async () => {
        if ((await new SettingsRepository(this.db).get('conversationKeepDays')) === 0) return;
        const conversation = await this.db.conversations.get(turn.conversationId);
        await this.db.turns.put(turn);
        await this.db.conversations.put({
          id: turn.conversationId,
          startedAt: conversation?.startedAt ?? turn.at,
          updatedAt: turn.at,
          title: conversation?.title || titleFrom(turn.userText),
          personaId: turn.personaId,
          turnCount: (conversation?.turnCount ?? 0) + 1,
        });
      }),
    );
  }

  async delete(conversationId: string): Promise<void> {
    await reportingWrite('deleting a conversation', () =>
      this.db.transaction('rw', this.db.conversations, this.db.turns, async () => {
        await this.db.turns.where('conversationId').equals(conversationId).delete();
        await this.db.conversations.delete(conversationId);
      }),
    );
  }

  async deleteAll(): Promise<void> {
    await reportingWrite('deleting the conversation history', () =>
      this.db.transaction('rw', this.db.conversations, this.db.turns, async () => {
        await this.db.turns.clear();
        await this.db.conversations.clear();
      }),
    );
  }

  /**
   * Deletes turns older than the kept days (all of them for 0) and conversations left without a
   * turn; a conversation that keeps some turns gets its count and start corrected. How many turns went.
   */
  async deleteOlderThanKeptDays(now = Date.now()): Promise<number> {
    return reportingWrite('deleting old conversations', () =>
      this.db.transaction('rw', this.db.conversations, this.db.turns, this.db.settings, async () => {
        const days = await new SettingsRepository(this.db).get('conversationKeepDays');
        const cutoff = now - days * DAY_MS;
        // Days 0: every turn, including any saved a moment ago.
        const old = days === 0 ? this.db.turns.toCollection() : this.db.turns.where('at').below(cutoff);
        const doomed = await old.toArray();
        // A conversation row older than the cutoff goes too, even with no turns left to find it by.
        if (days === 0) await this.db.conversations.clear();
        else await this.db.conversations.where('updatedAt').below(cutoff).delete();
        if (doomed.length === 0) return 0;
        await this.db.turns.bulkDelete(doomed.map((t) => t.id));
        for (const conversationId of new Set(doomed.map((t) => t.conversationId))) {
          const left = await this.db.turns.where('conversationId').equals(conversationId).sortBy('at');
          if (left.length === 0) await this.db.conversations.delete(conversationId);
          else
            // The title came from the first turn's words: it follows the first turn still kept.
            await this.db.conversations.update(conversationId, {
              startedAt: left[0]!.at,
              title: titleFrom(left[0]!.userText),
              turnCount: left.length,
            });
        }
        return doomed.length;
      }),
    );
  }
}

function titleFrom(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : text.trim();
}
