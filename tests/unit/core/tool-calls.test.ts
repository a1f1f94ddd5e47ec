import { describe, expect, it } from 'vitest';
import { getTimeTool, ToolRegistry, type Tool } from '../../../src/core/index.ts';
import { createHarness } from './harness.ts';

const TIME_CONTENT = 'The local time is 3:07 PM on Tuesday, March 4, 2025.';

describe('tool calls from the LLM', () => {
  it('executes get_time, feeds the result back and speaks the second round', async () => {
    const h = createHarness({
      tools: new ToolRegistry([getTimeTool]),
      chat: [
        ['Let', ' me', ' check', '.', { toolCall: { id: 'c1', name: 'get_time', arguments: {} } }],
        ['It', ' is', ' seven', ' past', ' three', '.'],
      ],
    });
    h.session.start();
    void h.session.sendText('what hour is it where I am');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);

    expect(h.llm.calls[0]!.tools!.map((t) => t.name)).toEqual(['get_time']);
    expect(h.of('toolCall').map((e) => e.payload)).toEqual([
      {
        turnId: 'turn-1',
        name: 'get_time',
        args: {},
        result: { content: TIME_CONTENT, say: "It's 3:07 PM on Tuesday, March 4." },
      },
    ]);
    const second = h.llm.calls[1]!.messages;
    expect(second.slice(-3)).toEqual([
      { role: 'user', content: 'what hour is it where I am' },
      { role: 'assistant', content: 'Let me check.', toolCalls: [{ id: 'c1', name: 'get_time', arguments: {} }] },
      { role: 'tool', toolCallId: 'c1', name: 'get_time', content: TIME_CONTENT },
    ]);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Let me check.', 'It is seven past three.']);
    expect(h.of('agentText').at(-1)!.payload.text).toBe('Let me check. It is seven past three.');
    expect(h.of('metrics')[0]!.payload.toolCalls).toEqual(['get_time']);
    expect(h.session.history.slice(1)).toEqual([
      ...second.slice(-2),
      { role: 'assistant', content: 'It is seven past three.' },
    ]);
  });

  it('feeds an error result back for an unknown tool without crashing', async () => {
    const h = createHarness({
      tools: new ToolRegistry([getTimeTool]),
      chat: [
        [{ toolCall: { id: 'x', name: 'launch_rocket', arguments: { target: 'moon' } } }],
        ['I', ' cannot', ' do', ' that', '.'],
      ],
    });
    h.session.start();
    void h.session.sendText('launch the rocket');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    const toolMessage = h.llm.calls[1]!.messages.at(-1)!;
    expect(toolMessage).toMatchObject({ role: 'tool', toolCallId: 'x', name: 'launch_rocket' });
    expect(toolMessage.content).toMatch(/^Error: unknown tool "launch_rocket"/);
    expect(h.of('error')).toEqual([]);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['I cannot do that.']);
    expect(h.session.state).toBe('listening');
  });

  it('reports a tool that throws and lets the LLM explain', async () => {
    const broken: Tool = {
      name: 'weather',
      description: 'Weather',
      parameters: { type: 'object', properties: {} },
      execute: async () => {
        throw new Error('sensor offline');
      },
    };
    const h = createHarness({
      tools: new ToolRegistry([broken]),
      chat: [[{ toolCall: { name: 'weather', arguments: {} } }], ['No', ' idea', ',', ' sorry', '.']],
    });
    h.session.start();
    void h.session.sendText('weather?');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.of('error').map((e) => [e.payload.stage, e.payload.error.message])).toEqual([['tool', 'sensor offline']]);
    expect(h.llm.calls[1]!.messages.at(-1)!.content).toBe('Error: "weather" failed: sensor offline');
    expect(h.tts.calls.map((c) => c.text)).toEqual(['No idea, sorry.']);
  });

  it('stops offering tools after maxToolRounds', async () => {
    const call = { toolCall: { name: 'get_time', arguments: {} } };
    const h = createHarness({
      tools: new ToolRegistry([getTimeTool]),
      config: { maxToolRounds: 2 },
      chat: [[call], [call], [call, 'Done', '.']],
    });
    h.session.start();
    void h.session.sendText('loop');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.llm.calls.map((c) => c.tools?.length ?? 0)).toEqual([1, 1, 0]);
    // The third round's tool call is ignored: only the two allowed rounds ran tools.
    expect(h.of('toolCall')).toHaveLength(2);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Done.']);
  });

  it('ends the turn after a tool that says endTurn, speaking its `say`', async () => {
    const quiet: Tool = {
      name: 'play_sound',
      description: 'Plays a sound',
      parameters: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      execute: async (args) => ({ content: `playing ${String(args.name)}`, say: 'Here it is.', endTurn: true }),
    };
    const h = createHarness({
      tools: new ToolRegistry([quiet]),
      chat: [[{ toolCall: { id: 'p', name: 'play_sound', arguments: { name: 'rain' } } }]],
    });
    h.session.start();
    void h.session.sendText('play rain');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.llm.calls).toHaveLength(1);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Here it is.']);
    expect(h.session.history.at(-1)).toEqual({ role: 'assistant', content: 'Here it is.' });
  });

  it('passes the turn signal, time and services to tools', async () => {
    let seen: { aborted: boolean; now: string; services: unknown } | null = null;
    const probe: Tool = {
      name: 'probe',
      description: 'probe',
      parameters: { type: 'object', properties: {} },
      execute: async (_args, ctx) => {
        seen = { aborted: ctx.signal.aborted, now: ctx.now.toISOString(), services: ctx.services };
        return { content: 'ok' };
      },
    };
    const h = createHarness({
      tools: new ToolRegistry([probe]),
      chat: [[{ toolCall: { name: 'probe', arguments: {} } }], ['Ok', '.']],
      session: { toolServices: { player: 'fake-player' } },
    });
    h.session.start();
    void h.session.sendText('probe');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(seen).toEqual({ aborted: false, now: '2025-03-04T15:07:00.000Z', services: { player: 'fake-player' } });
  });
});
