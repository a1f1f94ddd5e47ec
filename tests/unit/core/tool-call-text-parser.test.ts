import { describe, expect, it } from 'vitest';
import {
  parseToolCallJson,
  ToolCallTextParser,
  type ParsedPiece,
} from '../../../src/core/llm/tool-call-text-parser.ts';

function feed(deltas: string[]): ParsedPiece[] {
  const parser = new ToolCallTextParser();
  return [...deltas.flatMap((d) => parser.push(d)), ...parser.flush()];
}

function text(pieces: ParsedPiece[]): string {
  return pieces.map((p) => (p.type === 'text' ? p.text : '')).join('');
}

describe('ToolCallTextParser', () => {
  it('passes plain text through as it streams', () => {
    const parser = new ToolCallTextParser();
    expect(parser.push('Hello ')).toEqual([{ type: 'text', text: 'Hello ' }]);
    expect(parser.push('there.')).toEqual([{ type: 'text', text: 'there.' }]);
    expect(parser.flush()).toEqual([]);
  });

  it('extracts a Qwen2.5 tool call split across many deltas, never emitting its JSON as text', () => {
    const raw = '<tool_call>\n{"name": "play_song", "arguments": {"query": "moon"}}\n</tool_call>';
    const deltas = raw.match(/.{1,3}/gs) ?? [];
    const pieces = feed(deltas);
    expect(pieces).toEqual([
      { type: 'tool_call', call: { id: 'call_0', name: 'play_song', arguments: { query: 'moon' } } },
    ]);
  });

  it('keeps text before and after a call, and numbers several calls', () => {
    const pieces = feed([
      'Sure. <tool_',
      'call>{"name":"a","arguments":{}}</tool_call><tool_call>{"name":"b","arguments":"{\\"x\\":1}"}</tool_call> Done.',
    ]);
    expect(text(pieces)).toBe('Sure.  Done.');
    const calls = pieces.flatMap((p) => (p.type === 'tool_call' ? [p.call] : []));
    expect(calls).toEqual([
      { id: 'call_0', name: 'a', arguments: {} },
      { id: 'call_1', name: 'b', arguments: { x: 1 } },
    ]);
  });

  it('holds back a possible tag start, then releases it when it is not a tag', () => {
    const parser = new ToolCallTextParser();
    expect(parser.push('1 <')).toEqual([{ type: 'text', text: '1 ' }]);
    expect(parser.push(' 2')).toEqual([{ type: 'text', text: '< 2' }]);
    expect(parser.push('a <tool')).toEqual([{ type: 'text', text: 'a ' }]);
    expect(parser.flush()).toEqual([{ type: 'text', text: '<tool' }]);
  });

  it('reports malformed JSON instead of speaking it', () => {
    const pieces = feed(['<tool_call>{"name": "x", "arguments": {</tool_call>ok']);
    expect(pieces[0]?.type).toBe('malformed');
    expect(text(pieces)).toBe('ok');
  });

  it('parses a call whose closing tag never came when its JSON is complete', () => {
    const pieces = feed(['<tool_call>\n{"name": "stop", "arguments": {}}\n']);
    expect(pieces).toEqual([{ type: 'tool_call', call: { id: 'call_0', name: 'stop', arguments: {} } }]);
  });
});

describe('parseToolCallJson', () => {
  it('rejects JSON that is not a call', () => {
    expect(parseToolCallJson('[1,2]', 'x')).toBeNull();
    expect(parseToolCallJson('{"arguments":{}}', 'x')).toBeNull();
    expect(parseToolCallJson('{"name":"a","arguments":"not json"}', 'x')).toBeNull();
  });
  it('accepts "parameters" for "arguments" and missing arguments', () => {
    expect(parseToolCallJson('{"name":"a","parameters":{"v":2}}', 'x')).toEqual({
      id: 'x',
      name: 'a',
      arguments: { v: 2 },
    });
    expect(parseToolCallJson('{"name":"a"}', 'x')).toEqual({ id: 'x', name: 'a', arguments: {} });
  });
});
