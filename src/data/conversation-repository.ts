// Conversations and their turns.

import { reportingWrite } from './data-errors.ts';
import type { HearthDb } from './db.ts';
import type { ConversationRecord, TurnRecord } from './records.ts';

export class ConversationRepository {
  constructor(private readonly db: HearthDb) {}

  /** Newest first. */
  list(): Promise<ConversationRecord[]> {
    return this.db.conversations.orderBy('updatedAt').reverse().toArray();
  }

  turns(conversationId: string): Promise<TurnRecord[]> {
    return this.db.turns.where('conversationId').equals(conversationId).sortBy('at');
  }

  /** Saves a turn, creating its conversation on the first one. */
  async addTurn(turn: TurnRecord): Promise<void> {
    await reportingWrite('the conversation', () =>
      this.db.transaction('rw', this.db.conversations, this.db.turns, async () => {
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
}

function titleFrom(text: string): string {
  const words = text.trim().split(/\s+/);
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : text.trim();
}
