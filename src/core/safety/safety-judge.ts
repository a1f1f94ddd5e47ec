// A second opinion on a borderline sentence from an instruction-following model, through the same
// ChatModel interface as the conversation. Only borderline hits go to it (a sure hit is never
// overruled, so a model talked into "it's fine" cannot unblock one), and only when such a model is
// installed. It is timed: no answer in time, an unclear answer or an error all count as unsafe,
// because the sentence is for a child.

import { abortableIterate } from '../abort.ts';
import type { ChatModel } from '../engines.ts';
import type { SafetyStage, UnsafeCategory } from './child-safe-filter.ts';

export type JudgeVerdict = 'safe' | 'unsafe';

export interface SafetyJudge {
  judge(sentence: string, stage: SafetyStage, suspected: UnsafeCategory, signal?: AbortSignal): Promise<JudgeVerdict>;
}

export interface LlmSafetyJudgeOptions {
  /** How long one sentence may wait for the model. Default 2500 ms. */
  timeoutMs?: number;
}

const INSTRUCTIONS =
  'You check single sentences for a voice companion that talks with young children (ages 3 to 10). ' +
  'Reply with exactly one word: SAFE or UNSAFE. ' +
  'UNSAFE: the companion claiming to be a real person or alive; professing love to the child or asking for secrets from their grown-ups; ' +
  'asking for personal information or where the child is; suggesting anything dangerous (heights, fire, knives, cords, plastic bags, medicine, cleaning products, water); ' +
  'self-harm; anything sexual; real violence or gore; drugs, alcohol or smoking; anything too frightening for a young child; contact outside the app. ' +
  'SAFE: fairy tales with mild peril (the wolf, the dragon), sport and game talk ("I killed it at football"), safety advice, and ordinary children\u2019s talk.';

const DEFAULT_TIMEOUT_MS = 2500;

/** Why the sentence is in question, as the model reads it: a rule names a kind of harm; the learned check does not. */
function whyAsked(suspected: UnsafeCategory): string {
  return suspected === 'flagged'
    ? 'a checker trained on unsafe sentences thought it might be unsafe'
    : `a word filter wondered about "${suspected}"`;
}

export class LlmSafetyJudge implements SafetyJudge {
  constructor(
    private readonly llm: ChatModel,
    private readonly options: LlmSafetyJudgeOptions = {},
  ) {}

  async judge(
    sentence: string,
    stage: SafetyStage,
    suspected: UnsafeCategory,
    signal?: AbortSignal,
  ): Promise<JudgeVerdict> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => controller.abort(new Error('safety judge timed out')),
      this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    let answer = '';
    try {
      const who = stage === 'input' ? 'the child' : 'the companion';
      const stream = this.llm.stream({
        messages: [
          { role: 'system', content: INSTRUCTIONS },
          {
            role: 'user',
            content: `Said by ${who}; ${whyAsked(suspected)}.\nSentence: ${JSON.stringify(sentence)}\nSAFE or UNSAFE?`,
          },
        ],
        signal: controller.signal,
        temperature: 0,
        maxTokens: 4,
      });
      for await (const chunk of abortableIterate(stream, controller.signal)) {
        if (chunk.type === 'text') answer += chunk.text;
        if (/\b(?:un)?safe\b/i.test(answer)) break;
      }
    } catch {
      return 'unsafe';
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      controller.abort();
    }
    return parseVerdict(answer);
  }
}

/** "SAFE" (alone, first) is safe; anything else, including "unsafe" or an unclear answer, is not. */
export function parseVerdict(answer: string): JudgeVerdict {
  const first = /\b(unsafe|safe)\b/i.exec(answer);
  return first?.[1]?.toLowerCase() === 'safe' ? 'safe' : 'unsafe';
}
