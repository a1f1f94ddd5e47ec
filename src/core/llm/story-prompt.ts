// The prompt for GGUF models without a chat template, such as stories260K: a TinyStories
// continuation model that cannot follow instructions. Chat-style prompts make it babble, so the
// user's request becomes the opening line of a children's story and the reply is the model's
// continuation of it. The opener ends a sentence, so the reply starts with a fresh one.

import type { ChatMessage } from '../engines.ts';

export interface StoryPrompt {
  prompt: string;
  /** Cut the reply here: a new story or a blank line means this one is over. */
  stop: string[];
}

export const STORY_STOP = ['\n\n', 'Once upon a time', '<|', 'The end', 'THE END'];

const DEFAULT_OPENER = 'Once upon a time, there was a little girl named Lily.';

export function buildStoryPrompt(messages: readonly ChatMessage[]): StoryPrompt {
  const lastUser = messages.findLast((message) => message.role === 'user');
  const topic = lastUser ? storyTopic(lastUser.content) : null;
  if (!topic) return { prompt: DEFAULT_OPENER, stop: STORY_STOP };
  const plural = /^(some|two|three)\b/.test(topic);
  return { prompt: `Once upon a time, there ${plural ? 'were' : 'was'} ${topic}.`, stop: STORY_STOP };
}

/** "tell me a story about a brave turtle!" → "a brave turtle"; null when there is no clear topic. */
export function storyTopic(text: string): string | null {
  const about = /\babout\s+([^.!?,;]{1,60})/i.exec(text);
  const raw = about?.[1] ?? text;
  const words = raw
    .replace(/[^\p{L}\p{N}' -]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 8);
  if (!about || words.length === 0) return null;
  const phrase = words.join(' ').toLowerCase();
  if (/^(a|an|the|my|some|two|three)\b/.test(phrase)) return phrase;
  // "dragons" → "some dragons"; "owl" → "an owl".
  if (/[^s]s$/.test(words[words.length - 1] ?? '') && words.length <= 2) return `some ${phrase}`;
  return `${/^[aeiou]/.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

/**
 * Splits streamed text at its last sentence end, so a reply cut off by the token limit is not
 * spoken as a dangling half sentence. `ready` may be spoken; `pending` waits for more.
 */
export function splitAtLastSentenceEnd(text: string): { ready: string; pending: string } {
  const re = /[.!?…]["'”’)]*(?=\s|$)/g;
  let end = -1;
  for (let m = re.exec(text); m; m = re.exec(text)) end = m.index + m[0].length;
  return end < 0 ? { ready: '', pending: text } : { ready: text.slice(0, end), pending: text.slice(end) };
}
