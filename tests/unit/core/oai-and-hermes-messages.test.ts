import { describe, expect, it } from 'vitest';
import type { ChatMessage, ToolSpec } from '../../../src/core/engines.ts';
import { toHermesMessages, toolsSystemBlock } from '../../../src/core/llm/hermes-tools-prompt.ts';
import { toOaiMessages, toOaiTools } from '../../../src/core/llm/oai-messages.ts';

const tool: ToolSpec = {
  name: 'play_song',
  description: 'Plays a song from the library.',
  parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
};

const conversation: ChatMessage[] = [
  { role: 'system', content: 'You are Hearth.' },
  { role: 'user', content: 'Play the moon song' },
  { role: 'assistant', content: '', toolCalls: [{ id: 'c1', name: 'play_song', arguments: { query: 'moon' } }] },
  { role: 'tool', toolCallId: 'c1', name: 'play_song', content: 'Playing "Moon".' },
];

describe('OpenAI-shaped messages', () => {
  it('maps tool calls and results', () => {
    const out = toOaiMessages(conversation);
    expect(out[2]).toEqual({
      role: 'assistant',
      content: '',
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'play_song', arguments: '{"query":"moon"}' } }],
    });
    expect(out[3]).toEqual({ role: 'tool', content: 'Playing "Moon".', tool_call_id: 'c1' });
    expect(toOaiTools([tool])[0]).toEqual({
      type: 'function',
      function: { name: 'play_song', description: tool.description, parameters: tool.parameters },
    });
  });
});

describe('Qwen2.5 tool prompt for engines without native tools', () => {
  it('appends the tool block to the system prompt', () => {
    const out = toHermesMessages(conversation, [tool]);
    expect(out[0]?.role).toBe('system');
    expect(out[0]?.content.startsWith('You are Hearth.\n\n# Tools')).toBe(true);
    expect(out[0]?.content).toContain('"name":"play_song"');
    expect(toolsSystemBlock([tool])).toContain(
      '<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call>',
    );
  });

  it('writes earlier calls as <tool_call> text and results as <tool_response> user turns', () => {
    const out = toHermesMessages([...conversation, { role: 'tool', toolCallId: 'c2', name: 'x', content: 'more' }], []);
    expect(out[2]).toEqual({
      role: 'assistant',
      content: '<tool_call>\n{"name":"play_song","arguments":{"query":"moon"}}\n</tool_call>',
    });
    expect(out[3]).toEqual({
      role: 'user',
      content: '<tool_response>\nPlaying "Moon".\n</tool_response>\n<tool_response>\nmore\n</tool_response>',
    });
    expect(out).toHaveLength(4);
  });

  it('adds a system message for tools when there is none', () => {
    const out = toHermesMessages([{ role: 'user', content: 'hi' }], [tool]);
    expect(out[0]?.role).toBe('system');
    expect(out[1]).toEqual({ role: 'user', content: 'hi' });
  });
});
