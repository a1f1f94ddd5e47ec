import { describe, expect, it } from 'vitest';
import { buildChatMessages, VOICE_STYLE_RULE, type ChatMessage, type PromptInput } from '../../../src/core/index.ts';

const base: PromptInput = {
  persona: { name: 'Ember', systemPrompt: 'You are Ember, a kind companion.' },
  memories: [],
  history: [],
  tools: [],
  userText: 'Hello!',
  now: new Date('2025-03-04T15:07:00Z'),
  maxHistoryChars: 1000,
  locale: 'en-US',
  timeZone: 'UTC',
};

function system(messages: ChatMessage[]): string {
  expect(messages[0]!.role).toBe('system');
  return messages[0]!.content;
}

describe('buildChatMessages', () => {
  it('is one system message, then the user message', () => {
    const messages = buildChatMessages(base);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toEqual({ role: 'user', content: 'Hello!' });
    const prompt = system(messages);
    expect(prompt.startsWith('You are Ember, a kind companion.')).toBe(true);
    expect(prompt).toContain('Tuesday, March 4, 2025 at 3:07 PM');
    expect(prompt).toContain(VOICE_STYLE_RULE);
    expect(prompt).not.toContain('remember');
  });

  it('lists memories when there are some', () => {
    const prompt = system(buildChatMessages({ ...base, memories: ['Name is Mia', ' Loves turtles ', ''] }));
    expect(prompt).toContain('Things you remember about the user:\n- Name is Mia\n- Loves turtles');
    expect(prompt).not.toMatch(/- \n/);
  });

  it('mentions tools and the persona language when present', () => {
    const prompt = system(
      buildChatMessages({
        ...base,
        persona: { ...base.persona, language: 'Finnish' },
        tools: [{ name: 'get_time', description: 'time', parameters: { type: 'object', properties: {} } }],
      }),
    );
    expect(prompt).toContain('call it instead of guessing');
    expect(prompt).toContain('Finnish');
  });

  it('keeps the newest whole turns that fit the budget', () => {
    const history: ChatMessage[] = [
      { role: 'user', content: 'a'.repeat(100) },
      { role: 'assistant', content: 'b'.repeat(100) },
      { role: 'user', content: 'c'.repeat(100) },
      { role: 'assistant', content: 'd'.repeat(100) },
      { role: 'user', content: 'e'.repeat(50) },
      { role: 'assistant', content: 'f'.repeat(50) },
    ];
    const messages = buildChatMessages({ ...base, history, maxHistoryChars: 350 });
    expect(messages.slice(1, -1)).toEqual(history.slice(2));
    expect(buildChatMessages({ ...base, history, maxHistoryChars: 99 }).slice(1, -1)).toEqual([]);
    expect(buildChatMessages({ ...base, history, maxHistoryChars: 10_000 }).slice(1, -1)).toEqual(history);
  });

  it('never separates a tool call from its result', () => {
    const call = { id: 't1', name: 'get_time', arguments: {} };
    const history: ChatMessage[] = [
      { role: 'user', content: 'old question' },
      { role: 'assistant', content: 'old answer' },
      { role: 'user', content: 'time?' },
      { role: 'assistant', content: '', toolCalls: [call] },
      { role: 'tool', toolCallId: 't1', name: 'get_time', content: 'x'.repeat(200) },
      { role: 'assistant', content: 'It is three.' },
    ];
    // Budget fits the tool result alone but not its whole turn: the whole turn goes.
    const tight = buildChatMessages({ ...base, history, maxHistoryChars: 220 }).slice(1, -1);
    expect(tight).toEqual([]);
    const roomy = buildChatMessages({ ...base, history, maxHistoryChars: 270 }).slice(1, -1);
    expect(roomy).toEqual(history.slice(2));
  });

  it('drops tool results whose call is missing and ignores old system messages', () => {
    const history: ChatMessage[] = [
      { role: 'system', content: 'stale prompt' },
      { role: 'tool', toolCallId: 'gone', name: 'x', content: 'orphan' },
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
    ];
    const messages = buildChatMessages({ ...base, history });
    expect(messages.filter((m) => m.role === 'system')).toHaveLength(1);
    expect(messages.slice(1, -1)).toEqual(history.slice(2));
  });
});
