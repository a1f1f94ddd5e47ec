// What Hearth remembers. A fact has a slot: what it is about ("name", "family:brother",
// "likes:dinosaurs"). One slot holds one fact, so a newer fact about the same thing replaces a
// contradicted older one ("I don't like broccoli any more" replaces "The user loves broccoli").

export interface Fact {
  slot: string;
  /** A short sentence about the user in the third person: "The user's name is Maya." */
  text: string;
}

/** Who wrote the memory: the deterministic rules, the LLM, the `remember` tool, or a parent editing it. */
export type MemorySource = 'rules' | 'llm' | 'tool' | 'parent' | 'import';

export interface MemoryRecord extends Fact {
  id: string;
  source: MemorySource;
  /** The conversation it came from (null when a parent wrote it). */
  conversationId: string | null;
  createdAt: number;
  updatedAt: number;
  /** Sentence embedding of `text` (plain numbers so it serialises), null when no embedder ran. */
  embedding: number[] | null;
  /**
   * The user's own words it was learned from (one sentence, trimmed, at most 200 characters), for
   * the parent's Memory screen. Nothing more of the conversation is kept with a memory. Absent for
   * memories learned before Hearth kept them, a parent's own and imported ones.
   */
  fromWords?: string;
}

/** Where memories live: IndexedDB in the browser, SQLite for toys on the server. */
export interface MemoryStore {
  list(): Promise<MemoryRecord[]>;
  put(record: MemoryRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Extracts facts from one exchange; implementations: the rules and the LLM. */
export interface FactExtractor {
  extract(userText: string, replyText: string, signal?: AbortSignal): Promise<Fact[]>;
}
