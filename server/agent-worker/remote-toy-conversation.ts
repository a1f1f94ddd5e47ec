// A toy's conversation on an agent worker on another machine, from what the toy job API gave: the
// one conversation context with the toy's persona, the child-safe guard, the parent's daily limits
// (counted from the talking time the server reported plus this job's) and volume, and the server's
// turn-taking settings. Talking time, finished turns and memories go to the Hearth server (its
// usage, the parent's history and the toy's memories, read and written there, never kept here).
import crypto from 'node:crypto';
import { createConversationContext } from '../../src/core/conversation/conversation-context.ts';
import type { ChatModel } from '../../src/core/engines.ts';
import { getTimeTool } from '../../src/core/tools/get-time.ts';
import type { AgentConversation } from '../agent/agent-session.ts';
import { historyRow } from '../agent/toy-context.ts';
import { localDay } from '../devices/device-usage.ts';
import type { ToyJobInfo, ToyJobReports } from './toy-job-api.ts';

export interface RemoteToyOptions {
  /** Where talking time and finished turns go (the Hearth server, with the job's token). */
  reports: ToyJobReports;
  /** The instruction-following model that gives borderline guard hits a second opinion (null: blocked). */
  judgeLlm: ChatModel | null;
  onProblem: (message: string, error: unknown) => void;
  now?: () => Date;
}

export function remoteToyConversation(info: ToyJobInfo, opts: RemoteToyOptions): AgentConversation {
  const now = opts.now ?? (() => new Date());
  // Talking time per local day: the server's count for today, plus what this job adds.
  const talked = new Map<string, number>([[localDay(now()), info.usedTodayMs]]);
  const context = createConversationContext({
    hooks: {
      persona: { active: () => info.personaRecord, prompt: () => info.persona },
      // The toy's memories live on the Hearth server: read and written there through the job API.
      memory: { store: opts.reports.memories, enabled: () => info.memoryEnabled },
      limits: {
        limits: () => info.limits,
        usedOn: (date) => talked.get(localDay(date)) ?? 0,
        addUsage: (date, ms) => {
          talked.set(localDay(date), (talked.get(localDay(date)) ?? 0) + ms);
          // A lost report costs only the server's count of this turn: the limit here still holds.
          opts.reports
            .usage(ms)
            .catch((error: unknown) => opts.onProblem('Talking time could not be sent to the home server.', error));
        },
      },
      // The context reports a failed save (a lost history row) and goes on.
      saveTurn: (turn) => {
        // No memories on a remote worker; the server takes a reason of up to 200 characters.
        const { memoriesUsed: _none, guarded, ...row } = historyRow(turn);
        return opts.reports.turn({
          ...row,
          guarded: guarded ? { stage: guarded.stage, reason: guarded.reason.slice(0, 200) } : null,
        });
      },
      newId: (kind) => `${kind}-${crypto.randomUUID()}`,
      now,
      onProblem: opts.onProblem,
    },
    extraTools: [getTimeTool],
    safetyJudgeLlm: () => opts.judgeLlm,
  });
  return {
    sessionOptions: () => ({ ...context.sessionOptions(), config: info.sessionConfig }),
    persona: () => context.persona(),
    childAge: () => info.childAge,
    attach(session, applyVolume) {
      applyVolume(info.volume);
      return context.attach(session);
    },
    settled: () => context.settled(),
  };
}
