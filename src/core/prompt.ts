import type { PausePatience } from './end-of-turn.ts';
import type { ChatMessage, ToolSpec } from './engines.ts';

export interface Persona {
  name: string;
  systemPrompt: string;
  /** Language to reply in (and the STT hint), e.g. "en". */
  language?: string;
  /** TTS voice id and speaking rate for this persona. */
  voice?: string;
  speakingRate?: number;
  /** How long a pause may be before the user's turn ends (young children pause longer). */
  pausePatience?: PausePatience;
}

export interface PromptInput {
  persona: Persona;
  memories: string[];
  history: readonly ChatMessage[];
  tools: ToolSpec[];
  userText: string;
  now: Date;
  /** Character budget for past conversation; the oldest whole turns are dropped first. */
  maxHistoryChars: number;
  locale?: string;
  timeZone?: string;
}

export const VOICE_STYLE_RULE =
  'You are talking out loud with your voice. Reply in short, natural spoken sentences. ' +
  'Do not use markdown, emoji, lists, headings or code.';

/** system prompt + as much recent history as fits + the new user message. */
export function buildChatMessages(input: PromptInput): ChatMessage[] {
  return [
    { role: 'system', content: buildSystemPrompt(input) },
    ...fitHistory(input.history, input.maxHistoryChars),
    { role: 'user', content: input.userText },
  ];
}

export function buildSystemPrompt(input: PromptInput): string {
  const { persona, memories, tools } = input;
  const parts = [persona.systemPrompt.trim()];
  const remembered = memories.map((memory) => memory.trim()).filter(Boolean);
  if (remembered.length > 0) {
    parts.push(`Things you remember about the user:\n${remembered.map((memory) => `- ${memory}`).join('\n')}`);
  }
  parts.push(`It is now ${formatDateTime(input.now, input.locale, input.timeZone)}.`);
  if (tools.length > 0) parts.push('When one of your tools fits the request, call it instead of guessing.');
  if (persona.language) parts.push(`Always reply in this language: ${persona.language}.`);
  parts.push(VOICE_STYLE_RULE);
  return parts.join('\n\n');
}

function formatDateTime(now: Date, locale?: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(now);
}

/**
 * The newest whole turns whose text fits `maxChars`. A turn starts at a user message, so an
 * assistant tool call always stays together with its tool results.
 */
export function fitHistory(history: readonly ChatMessage[], maxChars: number): ChatMessage[] {
  const turns = groupTurns(history.filter((message) => message.role !== 'system'));
  const kept: ChatMessage[][] = [];
  let used = 0;
  for (let i = turns.length - 1; i >= 0; i--) {
    const turn = turns[i] ?? [];
    const size = turn.reduce((sum, message) => sum + messageChars(message), 0);
    if (used + size > maxChars) break;
    used += size;
    kept.unshift(turn);
  }
  return kept.flatMap(dropOrphanToolResults);
}

function groupTurns(messages: readonly ChatMessage[]): ChatMessage[][] {
  const turns: ChatMessage[][] = [];
  for (const message of messages) {
    const current = turns[turns.length - 1];
    if (message.role === 'user' || !current) turns.push([message]);
    else current.push(message);
  }
  return turns;
}

/** Chat templates reject a tool result whose call is missing. */
function dropOrphanToolResults(turn: ChatMessage[]): ChatMessage[] {
  const callIds = new Set<string>();
  return turn.filter((message) => {
    if (message.role === 'assistant') for (const call of message.toolCalls ?? []) callIds.add(call.id);
    return message.role !== 'tool' || callIds.has(message.toolCallId);
  });
}

function messageChars(message: ChatMessage): number {
  if (message.role === 'assistant' && message.toolCalls) {
    return message.content.length + JSON.stringify(message.toolCalls).length;
  }
  return message.content.length;
}
