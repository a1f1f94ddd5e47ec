// Closing a toy's conversation (the toy left, or the agent shuts down) waits until the last turn's
// history and memories are written, so nothing the child said in that turn is lost. The engines
// and the conversation context are test doubles (the toy's real context is covered elsewhere).
import { describe, expect, it } from 'vitest';
import type { AgentConversation } from '../../../server/agent/agent-session.ts';
import { ToyConversation } from '../../../server/agent/toy-conversation.ts';
import { stubEngines } from './stub-engines.ts';

describe('closing a toy conversation', () => {
  it('resolves only once the conversation context has settled its saving', async () => {
    const engines = stubEngines();
    let finishSaving = (): void => {};
    const saving = new Promise<void>((resolve) => (finishSaving = resolve));
    const conversation: AgentConversation = {
      sessionOptions: () => ({ persona: { name: 'Hearth', systemPrompt: 'You are Hearth.' } }),
      attach: () => () => {},
      settled: () => saving,
    };
    const toy = new ToyConversation({
      engines: { createVad: engines.createVad!, stt: engines.stt!, llm: engines.llm!, tts: engines.tts },
      persona: { name: 'Hearth', systemPrompt: 'You are Hearth.' },
      conversation,
      output: { enqueue: () => {}, flush: () => {}, whenIdle: () => Promise.resolve(), setVolume: () => {} },
      send: () => {},
      log: () => {},
      logContext: {},
    });
    let closed = false;
    const closing = toy.close().then(() => (closed = true));
    // Every step of close() but the context's saving is done within a few turns of the event loop.
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    finishSaving();
    await closing;
    expect(closed).toBe(true);
  });
});
