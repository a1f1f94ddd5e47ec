// Long-term memory for one user: learns facts after each turn (rules always, the LLM when it is
// capable), keeps one fact per slot (newer replaces contradicted older), embeds them, and picks
// the few most relevant for the next prompt. Platform-neutral: the store is IndexedDB in the
// browser and SQLite for toys.

import type { Embedder } from '../engines.ts';
import { parseForgetRequest, selectMemoriesToForget, type ForgetTarget } from './forget-request.ts';
import { rankMemories } from './memory-retrieval.ts';
import type { Fact, FactExtractor, MemoryRecord, MemorySource, MemoryStore } from './memory-types.ts';
import { extractFactsByRules, ruleFactExtractor } from './fact-rules.ts';
import { fromWordsOf } from './memory-origin.ts';
import { toThirdPerson } from './third-person.ts';

export interface MemoryServiceOptions {
  store: MemoryStore;
  /**
   * Sentence embedder: memories are stored with their embedding and ranked by cosine similarity.
   * A function is asked each time, so an embedder that finishes loading later is used from then on.
   */
  embedder?: Embedder | null | (() => Embedder | null);
  /** Extra extractor run after the rules (the LLM); its facts win for the same slot. */
  llmExtractor?: FactExtractor | null;
  /** Memory can be switched off by a parent: nothing is learned or recalled then. */
  enabled?: () => boolean | Promise<boolean>;
  /** How many memories go into a prompt. */
  promptLimit?: number;
  now?: () => number;
  newId?: () => string;
  /** Reports failures of the optional parts (embedding, LLM extraction) that must not stop a turn. */
  onWarning?: (message: string, error: unknown) => void;
}

export interface TurnExchange {
  userText: string;
  replyText: string;
  conversationId: string | null;
}

export class MemoryService {
  private readonly now: () => number;
  private readonly newId: () => string;

  constructor(private readonly options: MemoryServiceOptions) {
    this.now = options.now ?? (() => Date.now());
    this.newId = options.newId ?? randomId;
  }

  async isEnabled(): Promise<boolean> {
    return (await this.options.enabled?.()) ?? true;
  }

  /** After a turn: extracts facts from what the user said and saves them. Returns what changed. */
  async learnFromTurn(exchange: TurnExchange, signal?: AbortSignal): Promise<MemoryRecord[]> {
    if (!(await this.isEnabled()) || !exchange.userText.trim()) return [];
    // Requests to forget are not facts (and must not be re-learned from their own words).
    if (parseForgetRequest(exchange.userText)) return [];
    // Each fact keeps who found it (the parent's Memory screen shows it).
    const facts = new Map<string, { fact: Fact; source: MemorySource }>();
    for (const fact of await ruleFactExtractor.extract(exchange.userText, exchange.replyText))
      facts.set(fact.slot, { fact, source: 'rules' });
    if (this.options.llmExtractor) {
      try {
        const learned = await this.options.llmExtractor.extract(exchange.userText, exchange.replyText, signal);
        for (const fact of learned) facts.set(fact.slot, { fact, source: 'llm' });
      } catch (error) {
        // Cut short on purpose (the user spoke again): the rules' facts are still saved.
        if (!signal?.aborted)
          this.options.onWarning?.('The language model could not extract memories; the rules still did.', error);
      }
    }
    const found = [...facts.values()];
    const bySource = (source: MemorySource) => found.filter((f) => f.source === source).map((f) => f.fact);
    return [
      ...(await this.saveFacts(bySource('rules'), 'rules', exchange.conversationId, exchange.userText)),
      ...(await this.saveFacts(bySource('llm'), 'llm', exchange.conversationId, exchange.userText)),
    ];
  }

  /**
   * The `remember` tool: a note in the user's words, understood by the rules when possible.
   * `userText` is what the user said that turn (kept as the words it came from), else `text`.
   */
  async remember(text: string, conversationId: string | null, userText: string = text): Promise<MemoryRecord[]> {
    const facts = extractFactsByRules(text);
    if (facts.length > 0) return this.saveFacts(facts, 'tool', conversationId, userText);
    const note = toThirdPerson(text);
    if (!note) return [];
    return this.saveFacts([{ slot: `note:${noteKey(note)}`, text: note }], 'tool', conversationId, userText);
  }

  /** The `forget` tool: deletes what the words point at; returns what was deleted. */
  async forget(what: ForgetTarget | string, conversationId: string | null): Promise<MemoryRecord[]> {
    const target: ForgetTarget =
      typeof what === 'string' ? (parseForgetRequest(`forget ${what}`) ?? { kind: 'about', query: what }) : what;
    const doomed = selectMemoriesToForget(target, await this.options.store.list(), conversationId);
    for (const memory of doomed) await this.options.store.delete(memory.id);
    return doomed;
  }

  /** Texts of the memories most relevant to `query`, for the system prompt. */
  async relevant(query: string): Promise<MemoryRecord[]> {
    if (!(await this.isEnabled())) return [];
    const memories = await this.options.store.list();
    if (memories.length === 0) return [];
    const limit = this.options.promptLimit ?? 6;
    let queryEmbedding: number[] | null = null;
    if (this.embedder && memories.length > limit) {
      queryEmbedding = await this.embed(query);
      if (queryEmbedding) await this.embedMissing(memories);
    }
    return rankMemories(query, memories, { limit, queryEmbedding });
  }

  /**
   * Memories saved before the embedder was ready (or by another embedding model) get their
   * embedding now, updated in place and stored.
   */
  private async embedMissing(memories: MemoryRecord[]): Promise<void> {
    const embedder = this.embedder;
    if (!embedder) return;
    const missing = memories.filter((m) => m.embedding?.length !== embedder.dimensions);
    if (missing.length === 0) return;
    try {
      const vectors = await embedder.embed(missing.map((m) => m.text));
      for (const [i, memory] of missing.entries()) {
        const vector = vectors[i];
        if (!vector) continue;
        memory.embedding = Array.from(vector);
        await this.options.store.put(memory);
      }
    } catch (error) {
      this.options.onWarning?.('Could not embed older memories; they are still found by their words.', error);
    }
  }

  private get embedder(): Embedder | null {
    const embedder = this.options.embedder;
    return (typeof embedder === 'function' ? embedder() : embedder) ?? null;
  }

  /**
   * Saves facts: same slot and same words → untouched; same slot, new words → replaced. Each new
   * one keeps the sentence of `userText` it came from (only that sentence, capped).
   */
  async saveFacts(
    facts: readonly Fact[],
    source: MemorySource,
    conversationId: string | null,
    userText?: string,
  ): Promise<MemoryRecord[]> {
    if (facts.length === 0) return [];
    const existing = await this.options.store.list();
    const changed: MemoryRecord[] = [];
    for (const fact of facts) {
      const same = existing.find((m) => m.slot === fact.slot) ?? existing.find((m) => sameWords(m.text, fact.text));
      if (same && sameWords(same.text, fact.text)) continue;
      const now = this.now();
      const record: MemoryRecord = {
        id: same?.id ?? this.newId(),
        slot: fact.slot,
        text: fact.text,
        source,
        conversationId,
        createdAt: same?.createdAt ?? now,
        updatedAt: now,
        embedding: await this.embed(fact.text),
      };
      const fromWords = userText ? fromWordsOf(userText, fact) : '';
      if (fromWords) record.fromWords = fromWords;
      await this.options.store.put(record);
      changed.push(record);
    }
    return changed;
  }

  /** A parent's edit from the Memory screen. */
  async edit(memory: MemoryRecord, text: string): Promise<MemoryRecord> {
    const record: MemoryRecord = {
      ...memory,
      text: text.trim(),
      source: 'parent',
      updatedAt: this.now(),
      embedding: await this.embed(text),
    };
    await this.options.store.put(record);
    return record;
  }

  private async embed(text: string): Promise<number[] | null> {
    const embedder = this.embedder;
    if (!embedder) return null;
    try {
      const [vector] = await embedder.embed([text]);
      return vector ? Array.from(vector) : null;
    } catch (error) {
      // Without an embedding the memory is still found by its words.
      this.options.onWarning?.('Could not embed a memory; it will be found by its words.', error);
      return null;
    }
  }
}

function randomId(): string {
  return `mem-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

function sameWords(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  return norm(a) === norm(b);
}

function noteKey(note: string): string {
  return note
    .toLowerCase()
    .replace(/^the user(?:'s)?\s+/, '')
    .replace(/[^a-z0-9 ]+/g, '')
    .split(/\s+/)
    .slice(0, 6)
    .join(' ');
}
