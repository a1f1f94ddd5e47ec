// How a memory reads to a parent (src/core/memory/memory-wording.ts) and the words it came from
// (src/core/memory/memory-origin.ts), and that MemoryService keeps those words with each new memory.
import { describe, expect, it } from 'vitest';
import type { ChatChunk, ChatModel } from '../../../src/core/engines.ts';
import { LlmFactExtractor } from '../../../src/core/memory/llm-fact-extractor.ts';
import { capWords, findFromWords, fromWordsOf, MAX_FROM_WORDS } from '../../../src/core/memory/memory-origin.ts';
import { MemoryService } from '../../../src/core/memory/memory-service.ts';
import type { MemoryRecord, MemoryStore } from '../../../src/core/memory/memory-types.ts';
import { childNameFromMemories, naturalMemoryText } from '../../../src/core/memory/memory-wording.ts';

describe('naturalMemoryText: a memory about the child, never "The user ..."', () => {
  it.each([
    ['The user loves dinosaurs.', 'Maya loves dinosaurs.'],
    ["User's favourite colour is blue", "Maya's favourite colour is blue"],
    ['the user has a dog named Rex', 'Maya has a dog named Rex'],
    ['The user is 7 years old.', 'Maya is 7 years old.'],
    ["The user's brother is called Leo.", "Maya's brother is called Leo."],
    ['The user does not like broccoli.', 'Maya does not like broccoli.'],
    ['On Tuesday the user has swimming.', 'On Tuesday Maya has swimming.'],
    ['Leo is the user’s brother.', "Leo is Maya's brother."],
  ])('name known: %j → %j', (stored, shown) => {
    expect(naturalMemoryText(stored, 'Maya')).toBe(shown);
  });

  it.each([
    ['The user loves dinosaurs.', 'Loves dinosaurs.'],
    ["User's favourite colour is blue", 'Favourite colour is blue'],
    ['the user has a dog named Rex', 'Has a dog named Rex'],
    ['The user is 7 years old.', 'Is 7 years old.'],
    ['The user does not like broccoli.', 'Does not like broccoli.'],
    ['On Tuesday the user has swimming.', 'On Tuesday they have swimming.'],
    ['Every summer the user goes camping.', 'Every summer they go camping.'],
    ['Grandma visits the user on Sundays.', 'Grandma visits them on Sundays.'],
    ["Leo is the user's brother.", 'Leo is their brother.'],
  ])('name unknown: %j → %j', (stored, shown) => {
    expect(naturalMemoryText(stored, null)).toBe(shown);
  });

  it('the name itself reads "Their name is ...", with or without a known name', () => {
    expect(naturalMemoryText("The user's name is Maya.", 'Maya')).toBe('Their name is Maya.');
    expect(naturalMemoryText("The user's name is Maya Rose.")).toBe('Their name is Maya Rose.');
  });

  it('a first name only, and words without "the user" (a parent’s own) stay as they are', () => {
    expect(naturalMemoryText('The user loves kites.', 'Maya Rose')).toBe('Maya loves kites.');
    expect(naturalMemoryText('Maya loves stegosauruses.', 'Maya')).toBe('Maya loves stegosauruses.');
    expect(naturalMemoryText('Users of the app: two', 'Maya')).toBe('Users of the app: two');
    expect(naturalMemoryText('  Swimming on Tuesdays  ')).toBe('Swimming on Tuesdays');
  });

  it('no rewritten memory ever starts with "The user" or "User"', () => {
    const stored = [
      'The user loves dinosaurs.',
      "The user's granny lives by the sea.",
      'User likes trains',
      'the user was born in Paris',
    ];
    for (const name of ['Maya', null])
      for (const text of stored) expect(naturalMemoryText(text, name)).not.toMatch(/\buser\b/i);
  });
});

describe('childNameFromMemories', () => {
  it('reads the first name from the name memory, and nothing from others', () => {
    expect(childNameFromMemories([{ slot: 'name', text: "The user's name is Maya Rose." }])).toBe('Maya');
    expect(childNameFromMemories([{ slot: 'name', text: 'Her name is Zoë' }])).toBe('Zoë');
    expect(
      childNameFromMemories([
        { slot: 'likes:dinosaur', text: 'The user loves dinosaurs.' },
        { slot: 'family:brother', text: "The user's brother is called Leo." },
      ]),
    ).toBeNull();
    // A parent's edit that is not a name.
    expect(childNameFromMemories([{ slot: 'name', text: 'Ask her mum, the name is a secret for now.' }])).toBeNull();
  });
});

describe('the words a memory came from', () => {
  it('is the sentence that holds the fact, trimmed', () => {
    const said = 'Hello there!  My name is Maya. And I love dinosaurs so much.';
    expect(fromWordsOf(said, { slot: 'name', text: "The user's name is Maya." })).toBe('My name is Maya.');
    expect(fromWordsOf(said, { slot: 'likes:dinosaur', text: 'The user loves dinosaurs.' })).toBe(
      'And I love dinosaurs so much.',
    );
    // The language model's fact: the sentence sharing its words.
    expect(
      fromWordsOf('We went out. Granny lives by the sea, you know.', {
        slot: 'family:grandmother',
        text: "The user's granny lives by the sea.",
      }),
    ).toBe('Granny lives by the sea, you know.');
    expect(fromWordsOf('  i like   trains ', { slot: 'likes:train', text: 'The user likes trains.' })).toBe(
      'i like trains',
    );
  });

  it(`is capped at ${MAX_FROM_WORDS} characters, cut at a word`, () => {
    const long = `I love ${'very '.repeat(80)}big dinosaurs`;
    const capped = capWords(long);
    expect(capped.length).toBeLessThanOrEqual(MAX_FROM_WORDS);
    expect(capped).toMatch(/^I love very .* very…$/);
    expect(fromWordsOf(long, { slot: 'likes:dinosaur', text: 'x' }).length).toBeLessThanOrEqual(MAX_FROM_WORDS);
  });

  it('is found again in a conversation’s turns for an older memory, or not at all', () => {
    const turns = ['Hi!', 'Guess what. My dog is called Rex!'];
    expect(findFromWords({ slot: 'pet:dog', text: 'The user has a dog called Rex.' }, turns)).toBe(
      'My dog is called Rex!',
    );
    expect(findFromWords({ slot: 'note:piano', text: 'The user has piano.' }, turns)).toBeNull();
    expect(findFromWords({ slot: 'pet:dog', text: 'The user has a dog called Rex.' }, [])).toBeNull();
  });
});

class MapMemoryStore implements MemoryStore {
  readonly rows = new Map<string, MemoryRecord>();
  async list() {
    return [...this.rows.values()];
  }
  async put(record: MemoryRecord) {
    this.rows.set(record.id, structuredClone(record));
  }
  async delete(id: string) {
    this.rows.delete(id);
  }
}

function service(llm?: ChatModel) {
  const store = new MapMemoryStore();
  let ids = 0;
  const memory = new MemoryService({
    store,
    newId: () => `m${++ids}`,
    llmExtractor: llm ? new LlmFactExtractor(llm) : null,
  });
  return { store, memory };
}

describe('MemoryService keeps the words each memory came from', () => {
  it('learned in a turn: each memory keeps its own sentence, nothing more', async () => {
    const { memory } = service();
    const saved = await memory.learnFromTurn({
      userText: 'My name is Maya. I live in Leeds. I love dinosaurs!',
      replyText: 'Hi Maya!',
      conversationId: 'c1',
    });
    expect(Object.fromEntries(saved.map((m) => [m.slot, m.fromWords]))).toEqual({
      name: 'My name is Maya.',
      home: 'I live in Leeds.',
      'likes:dinosaur': 'I love dinosaurs!',
    });
  });

  it("the language model's facts keep the sentence too", async () => {
    const chunks: ChatChunk[] = [
      {
        type: 'tool_call',
        call: {
          id: 'x',
          name: 'save_facts',
          arguments: { facts: [{ slot: 'family:grandmother', text: "The user's granny lives by the sea." }] },
        },
      },
    ];
    const { memory } = service({
      async *stream() {
        yield* chunks;
      },
    });
    const [saved] = await memory.learnFromTurn({
      userText: 'Guess what. My granny lives by the sea!',
      replyText: 'How lovely.',
      conversationId: 'c1',
    });
    expect(saved).toMatchObject({ source: 'llm', fromWords: 'My granny lives by the sea!' });
  });

  it('remember keeps what the user said; a parent’s edit keeps the original words', async () => {
    const { memory, store } = service();
    const [note] = await memory.remember(
      'I have swimming on Tuesdays',
      'c1',
      'Please remember that I have swimming on Tuesdays.',
    );
    expect(note).toMatchObject({ source: 'tool', fromWords: 'Please remember that I have swimming on Tuesdays.' });
    const [alone] = await memory.remember('my favourite colour is green', null);
    expect(alone?.fromWords).toBe('my favourite colour is green');
    const edited = await memory.edit(note!, 'Maya swims on Tuesdays.');
    expect(edited.fromWords).toBe('Please remember that I have swimming on Tuesdays.');
    expect(store.rows.get(note!.id)?.fromWords).toBe('Please remember that I have swimming on Tuesdays.');
  });
});
