import { describe, expect, it } from 'vitest';
import { getTimeTool, ToolRegistry, type Tool, type ToolContext } from '../../../src/core/index.ts';

const ctx = (): ToolContext => ({
  signal: new AbortController().signal,
  now: new Date('2025-03-04T15:07:00Z'),
  locale: 'en-US',
  timeZone: 'UTC',
  services: {},
});

const echo: Tool = {
  name: 'echo',
  description: 'Repeats text',
  parameters: {
    type: 'object',
    properties: {
      text: { type: 'string' },
      times: { type: 'integer' },
      mood: { type: 'string', enum: ['happy', 'sad'] },
    },
    required: ['text'],
  },
  execute: async (args) => ({ content: String(args.text).repeat(Number(args.times ?? 1)) }),
  directCommand: (utterance) => (utterance.startsWith('echo ') ? { text: utterance.slice(5) } : null),
};

describe('ToolRegistry', () => {
  it('registers, lists, and describes tools for the LLM', () => {
    const registry = new ToolRegistry([echo, getTimeTool]);
    expect(registry.get('echo')).toBe(echo);
    expect(registry.get('nope')).toBeUndefined();
    expect(registry.list().map((t) => t.name)).toEqual(['echo', 'get_time']);
    expect(registry.specs()).toEqual([
      { name: 'echo', description: 'Repeats text', parameters: echo.parameters },
      { name: 'get_time', description: getTimeTool.description, parameters: getTimeTool.parameters },
    ]);
    expect(() => registry.register(echo)).toThrow(/already/);
  });

  it('executes a valid call', async () => {
    const registry = new ToolRegistry([echo]);
    expect(await registry.execute('echo', { text: 'ab', times: 2 }, ctx())).toEqual({ result: { content: 'abab' } });
  });

  it.each([
    [{}, 'missing required argument "text"'],
    [{ text: 5 }, 'argument "text" must be string'],
    [{ text: 'a', times: 1.5 }, 'argument "times" must be integer'],
    [{ text: 'a', mood: 'angry' }, 'argument "mood" must be one of "happy", "sad"'],
    ['not an object', 'arguments must be an object'],
  ])('returns a clear error result for bad arguments %j', async (args, message) => {
    const outcome = await new ToolRegistry([echo]).execute('echo', args, ctx());
    expect(outcome.result).toEqual({ content: `Error: invalid arguments for "echo": ${message}.`, isError: true });
    expect(outcome.error).toBeUndefined();
  });

  it('returns an error result for an unknown tool', async () => {
    const outcome = await new ToolRegistry([echo]).execute('fly', {}, ctx());
    expect(outcome.result).toEqual({ content: 'Error: unknown tool "fly". Available tools: echo.', isError: true });
  });

  it('turns a throwing tool into an error result and hands back the error', async () => {
    const boom: Tool = { ...echo, name: 'boom', execute: async () => Promise.reject(new Error('kaput')) };
    const outcome = await new ToolRegistry([boom]).execute('boom', { text: 'x' }, ctx());
    expect(outcome.result).toEqual({ content: 'Error: "boom" failed: kaput', isError: true });
    expect(outcome.error?.message).toBe('kaput');
  });

  it('matches direct commands in registration order', () => {
    const registry = new ToolRegistry([echo, getTimeTool]);
    expect(registry.matchDirectCommand('echo hi')).toEqual({ name: 'echo', args: { text: 'hi' } });
    expect(registry.matchDirectCommand('What time is it?')).toEqual({ name: 'get_time', args: {} });
    expect(registry.matchDirectCommand('tell me a story')).toBeNull();
  });
});

describe('get_time', () => {
  it('tells the local time and date', async () => {
    const result = await getTimeTool.execute({}, ctx());
    expect(result).toEqual({
      content: 'The local time is 3:07 PM on Tuesday, March 4, 2025.',
      say: "It's 3:07 PM on Tuesday, March 4.",
    });
  });

  it('uses the time zone it is given', async () => {
    const result = await getTimeTool.execute({}, { ...ctx(), timeZone: 'Asia/Tokyo' });
    expect(result.say).toBe("It's 12:07 AM on Wednesday, March 5.");
  });

  it.each([
    'What time is it?',
    "what's the time",
    'Hey, what time is it now?',
    'Hearth, what time is it please',
    'Tell me the time.',
    'What day is it today?',
    "What's today's date?",
  ])('recognises "%s" as a direct command', (utterance) => {
    expect(getTimeTool.directCommand?.(utterance)).toEqual({});
  });

  it.each(['what time is it in Tokyo', 'what is the time signature of this song', 'time to go'])(
    'leaves "%s" to the LLM',
    (utterance) => {
      expect(getTimeTool.directCommand?.(utterance)).toBeNull();
    },
  );
});
