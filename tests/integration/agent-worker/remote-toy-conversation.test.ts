// A toy's conversation on an agent worker elsewhere (server/agent-worker/remote-toy-conversation.ts),
// built from the toy job API's answer: the child-safe guard holds there too, the daily limit counts
// from the talking time the server reported plus this job's, the volume is applied, the server's
// turn-taking (answer in pauses) is used, nothing is remembered on the worker, and the turn and its
// talking time are handed back to the Hearth server. The session runs
// on the core harness's scripted engines and clock.
import { describe, expect, it } from 'vitest';
import { remoteToyConversation, type RemoteToyOptions } from '../../../server/agent-worker/remote-toy-conversation.ts';
import type { ToyJobInfo, WorkerTurn } from '../../../server/agent-worker/toy-job-api.ts';
import { builtinPersona, CHILD_COMPANION_ID, toPromptPersona } from '../../../src/core/personas/index.ts';
import type { MemoryRecord } from '../../../src/core/memory/memory-types.ts';
import type { VoiceSession } from '../../../src/core/voice-session.ts';
import { createHarness, modelCallsAtTurnEnd } from '../../unit/core/harness.ts';

function jobInfo(overrides: Partial<ToyJobInfo> = {}): ToyJobInfo {
  const record = builtinPersona(CHILD_COMPANION_ID)!;
  return {
    deviceId: 'toy1',
    persona: toPromptPersona(record),
    personaRecord: record,
    limits: { dailyMinutes: null, quietHours: null },
    usedTodayMs: 0,
    volume: 0.4,
    childAge: 5,
    sessionConfig: {},
    memoryEnabled: false,
    ...overrides,
  };
}

const problems: string[] = [];
const reported: { usage: number[]; turns: WorkerTurn[] } = { usage: [], turns: [] };
/** The toy's memories as the Hearth server keeps them (behind the job API). */
const serverMemories = new Map<string, MemoryRecord>();
const options: RemoteToyOptions = {
  judgeLlm: null,
  onProblem: (message: string) => void problems.push(message),
  reports: {
    usage: (ms) => Promise.resolve(void reported.usage.push(ms)),
    turn: (turn) => Promise.resolve(void reported.turns.push(turn)),
    memories: {
      list: () => Promise.resolve([...serverMemories.values()]),
      put: (record) => Promise.resolve(void serverMemories.set(record.id, record)),
      delete: (id) => Promise.resolve(void serverMemories.delete(id)),
    },
  },
};

describe('a toy conversation on a remote agent worker', () => {
  it('guards the child-safe persona, applies the volume, and remembers nothing when the parent switched memory off', async () => {
    const conversation = remoteToyConversation(jobInfo(), options);
    const { guard } = conversation.sessionOptions();
    expect(await guard!.checkInput('tell me about dinosaurs')).toEqual({ allowed: true });
    expect((await guard!.checkInput('how do I use a gun')).allowed).toBe(false);
    expect((await guard!.checkOutput('Let us find a knife to stab with.')).allowed).toBe(false);
    expect(conversation.childAge?.()).toBe(5);
    expect(await conversation.sessionOptions().memories!('what is my name')).toEqual([]);

    const h = createHarness({
      transcripts: ['My name is Maya.'],
      chat: [['Hi', ' Maya', '.']],
      session: conversation.sessionOptions(),
    });
    const volumes: number[] = [];
    const detach = conversation.attach(h.session as VoiceSession, (v) => volumes.push(v));
    h.session.start();
    await h.speech(600, 1);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    await conversation.settled?.();
    detach();
    expect(volumes).toEqual([0.4]);
    expect(h.tts.calls.map((c) => c.text)).toEqual(['Hi Maya.']);
    // Memory is off for this toy: nothing was learned.
    expect(await conversation.sessionOptions().memories!('what is my name')).toEqual([]);
    expect(serverMemories.size).toBe(0);
    // The turn and its talking time (a child-safe persona's) went back to the Hearth server.
    expect(reported.turns).toEqual([
      expect.objectContaining({
        userText: 'My name is Maya.',
        replyText: 'Hi Maya.',
        guarded: null,
        interrupted: false,
      }),
    ]);
    expect(reported.turns[0]!.personaName).toBe(jobInfo().personaRecord.name);
    expect(reported.usage).toHaveLength(1);
    expect(reported.usage[0]).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("counts the daily limit from the server's talking time today", async () => {
    const fresh = remoteToyConversation(
      jobInfo({ limits: { dailyMinutes: 20, quietHours: null }, usedTodayMs: 0 }),
      options,
    );
    expect(await fresh.sessionOptions().guard!.checkInput('tell me a story')).toEqual({ allowed: true });
    const spent = remoteToyConversation(
      jobInfo({ limits: { dailyMinutes: 20, quietHours: null }, usedTodayMs: 20 * 60_000 }),
      options,
    );
    expect(await spent.sessionOptions().guard!.checkInput('tell me a story')).toMatchObject({
      allowed: false,
      reason: 'daily-limit',
    });
  });

  it("uses the server's turn-taking: with answering in pauses, the model starts in the pause", async () => {
    const conversation = remoteToyConversation(jobInfo({ sessionConfig: { preemptiveGeneration: true } }), options);
    const h = createHarness({
      transcripts: ['Tell me a story.'],
      chat: [['Once', ' upon', ' a', ' time', '.']],
      session: conversation.sessionOptions(),
    });
    const atTurnEnd = modelCallsAtTurnEnd(h);
    h.session.start();
    await h.speech(600, 1);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(atTurnEnd).toEqual([1]);
    expect(h.of('metrics')[0]?.payload.answeredInPause).toBe(true);
  });

  it("learns and recalls the toy's memories on the Hearth server when the parent lets it remember", async () => {
    serverMemories.clear();
    const first = remoteToyConversation(jobInfo({ memoryEnabled: true }), options);
    const h = createHarness({
      transcripts: ['My name is Maya.'],
      chat: [['Hi', ' Maya', '.']],
      session: first.sessionOptions(),
    });
    const detach = first.attach(h.session as VoiceSession, () => {});
    h.session.start();
    await h.speech(600, 1);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    await first.settled?.();
    detach();
    // Learned through the job API: the record is on the server, with the child's own words.
    const kept = [...serverMemories.values()];
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ slot: 'name', fromWords: 'My name is Maya.' });
    expect(kept[0]!.text).toMatch(/Maya/);
    // A later job for the same toy (any worker) recalls it from the server.
    const later = remoteToyConversation(jobInfo({ memoryEnabled: true }), options);
    const recalled = await later.sessionOptions().memories!('what is my name');
    expect(recalled.join(' ')).toMatch(/Maya/);
    expect(problems).toEqual([]);
  });
});
