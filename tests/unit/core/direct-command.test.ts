import { describe, expect, it } from 'vitest';
import { getTimeTool, ToolRegistry } from '../../../src/core/index.ts';
import { createHarness } from './harness.ts';

describe('direct commands', () => {
  it('runs a matching tool without the LLM and speaks its `say`', async () => {
    const h = createHarness({ tools: new ToolRegistry([getTimeTool]), transcripts: ['What time is it?'] });
    h.session.start();
    await h.speech(400);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.llm.calls).toHaveLength(0);
    expect(h.of('toolCall').map((e) => e.payload.name)).toEqual(['get_time']);
    expect(h.tts.calls.map((c) => c.text)).toEqual(["It's 3:07 PM on Tuesday, March 4."]);
    expect(h.states()).toEqual(['listening', 'userSpeaking', 'transcribing', 'thinking', 'speaking', 'listening']);
    expect(h.session.history).toEqual([
      { role: 'user', content: 'What time is it?' },
      { role: 'assistant', content: "It's 3:07 PM on Tuesday, March 4." },
    ]);
    expect(h.of('metrics')[0]!.payload).toMatchObject({ toolCalls: ['get_time'], llmTtftMs: null, sentences: 1 });
  });

  it('leaves anything else to the LLM', async () => {
    const h = createHarness({ tools: new ToolRegistry([getTimeTool]), chat: [['Tokyo', ' is', ' ahead', '.']] });
    h.session.start();
    void h.session.sendText('what time is it in Tokyo');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.llm.calls).toHaveLength(1);
    expect(h.of('toolCall')).toEqual([]);
  });
});
