// Fact extraction by the LLM, for models that can follow instructions. The output is constrained
// to one `save_facts` tool call whose JSON arguments follow a schema (engines with grammar-based
// tool calling enforce it); a bare JSON reply is accepted too. Anything that does not validate is
// dropped, never guessed at.

import { abortableIterate } from '../abort.ts';
import type { ChatModel, JsonSchemaObject, ToolSpec } from '../engines.ts';
import type { Fact, FactExtractor } from './memory-types.ts';

const SAVE_FACTS: ToolSpec = {
  name: 'save_facts',
  description: 'Save durable facts the user said about themselves, their family, pets, likes and dislikes.',
  parameters: {
    type: 'object',
    properties: {
      facts: {
        type: 'array',
        description: 'Durable facts; empty when there are none.',
        items: {
          type: 'object',
          properties: {
            slot: {
              type: 'string',
              description:
                'What the fact is about: name, age, home, birthday, family:<relation>, pet:<animal>, favourite:<thing>, likes:<topic>, or note:<topic>.',
            },
            text: {
              type: 'string',
              // One form for every memory: the Memory screen words it for a parent ("Maya's brother ...").
              description:
                'One short sentence in the third person that calls the user "the user" (not "the child", "he" or "she"), e.g. "The user\'s brother is called Leo."',
            },
          },
          required: ['slot', 'text'],
        },
      },
    },
    required: ['facts'],
  } satisfies JsonSchemaObject,
};

const INSTRUCTIONS =
  'You extract long-term memories about the user from one exchange of a conversation. ' +
  'Keep only durable facts the USER stated about themselves (name, age, family, pets, home, favourites, likes, dislikes, important plans). ' +
  'Ignore questions, requests, jokes, stories and anything the assistant said. ' +
  'Call save_facts exactly once. If you cannot call tools, reply with only this JSON: {"facts":[{"slot":"...","text":"..."}]}';

const SLOT_PATTERN = /^(?:name|age|home|birthday|(?:family|pet|favourite|likes|note):[a-z0-9][a-z0-9 '_-]{0,40})$/;
const MAX_FACT_CHARS = 160;

export class LlmFactExtractor implements FactExtractor {
  constructor(
    private readonly llm: ChatModel,
    private readonly maxTokens = 256,
  ) {}

  async extract(userText: string, replyText: string, signal?: AbortSignal): Promise<Fact[]> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    let text = '';
    try {
      const stream = this.llm.stream({
        messages: [
          { role: 'system', content: INSTRUCTIONS },
          {
            role: 'user',
            content: `User said: ${JSON.stringify(userText)}\nAssistant replied: ${JSON.stringify(replyText)}`,
          },
        ],
        tools: [SAVE_FACTS],
        signal: controller.signal,
        temperature: 0,
        maxTokens: this.maxTokens,
      });
      for await (const chunk of abortableIterate(stream, controller.signal)) {
        if (chunk.type === 'tool_call' && chunk.call.name === SAVE_FACTS.name) return parseFacts(chunk.call.arguments);
        if (chunk.type === 'text') text += chunk.text;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      controller.abort();
    }
    return parseFacts(firstJsonObject(text));
  }
}

/** Valid facts from `{ facts: [...] }`; anything malformed is skipped. */
export function parseFacts(value: unknown): Fact[] {
  if (typeof value !== 'object' || value === null) return [];
  const facts = (value as { facts?: unknown }).facts;
  if (!Array.isArray(facts)) return [];
  const out: Fact[] = [];
  for (const item of facts) {
    if (typeof item !== 'object' || item === null) continue;
    const { slot, text } = item as { slot?: unknown; text?: unknown };
    if (typeof slot !== 'string' || typeof text !== 'string') continue;
    const cleanSlot = slot.trim().toLowerCase();
    const cleanText = text.trim();
    if (!SLOT_PATTERN.test(cleanSlot) || !cleanText || cleanText.length > MAX_FACT_CHARS) continue;
    out.push({ slot: cleanSlot, text: /[.!?]$/.test(cleanText) ? cleanText : `${cleanText}.` });
  }
  return out;
}

function firstJsonObject(text: string): unknown {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start === -1 || end <= start) return null;
  try {
    return JSON.parse(text.slice(start, end + 1));
  } catch {
    return null;
  }
}
