// The server's --answer-in-pauses reaches every toy's conversation: with it on, a toy's language
// model starts on the words heard in the child's pause (preemptive generation), before the turn
// ends; off (the default), it starts only once the turn has ended. The toy's context comes from the
// server database as the server builds it (toyContextsFrom); the session runs on the core harness's
// scripted engines and clock, so the order is counted, not timed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toyContextsFrom, toySessionConfig, type AgentLog } from '../../../server/agent/supervisor.ts';
import { loadConfig } from '../../../server/config.ts';
import { openDatabase, type HearthDatabase } from '../../../server/db/database.ts';
import { DeviceRepository } from '../../../server/devices/device-repository.ts';
import { createHarness, modelCallsAtTurnEnd } from '../../unit/core/harness.ts';

describe('answering in pauses on a toy (server setting)', () => {
  let db: HearthDatabase;
  const log: AgentLog = () => {};

  beforeEach(() => {
    db = openDatabase(':memory:');
    new DeviceRepository(db).create({ name: 'Bear', id: 'bear' });
  });
  afterEach(() => db.close());

  /** Model calls made by the time the turn ended (the session starts transcribing the whole turn). */
  async function callsAtTurnEnd(argv: string[]): Promise<{
    atTurnEnd: number[];
    spoken: string[];
    answeredInPause: boolean | undefined;
    transcribedInPause: boolean | undefined;
  }> {
    const toyContext = toyContextsFrom(db, log, undefined, false, toySessionConfig(loadConfig(argv, {})));
    const h = createHarness({
      transcripts: ['Tell me a story.'],
      chat: [['Once', ' upon', ' a', ' time', '.']],
      session: toyContext('bear').sessionOptions(),
    });
    const atTurnEnd = modelCallsAtTurnEnd(h);
    h.session.start();
    await h.speech(600, 1);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    return {
      atTurnEnd,
      spoken: h.tts.calls.map((c) => c.text),
      answeredInPause: h.of('metrics')[0]?.payload.answeredInPause,
      transcribedInPause: h.of('metrics')[0]?.payload.transcribedInPause,
    };
  }

  it('on: the model starts in the pause, and that reply is the one spoken', async () => {
    const { atTurnEnd, spoken, answeredInPause } = await callsAtTurnEnd(['--answer-in-pauses', 'on']);
    expect(atTurnEnd).toEqual([1]);
    expect(spoken).toEqual(['Once upon a time.']);
    expect(answeredInPause).toBe(true);
  });

  it('off by default: the model starts only once the turn has ended', async () => {
    const { atTurnEnd, spoken, answeredInPause } = await callsAtTurnEnd([]);
    expect(atTurnEnd).toEqual([0]);
    expect(spoken).toEqual(['Once upon a time.']);
    expect(answeredInPause).toBe(false);
  });

  it('--end-of-turn reaches the toy: adaptive (the default) transcribes in the pause, fixed only after the silence', async () => {
    expect((await callsAtTurnEnd([])).transcribedInPause).toBe(true);
    const fixed = await callsAtTurnEnd(['--end-of-turn', 'fixed']);
    expect(fixed.transcribedInPause).toBe(false);
    expect(fixed.spoken).toEqual(['Once upon a time.']);
  });
});
