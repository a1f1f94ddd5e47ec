// The companion is honest with children: every child-safe persona's prompt says it is a computer
// friend that never claims to be human, never professes love, never asks for secrets, personal
// details or contact outside the app; and when a model says such things anyway, the guard replaces
// the sentence with the honest version.
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_PERSONAS,
  builtinPersona,
  CHILD_COMPANION_ID,
  PRIVATE_ASSISTANT_ID,
} from '../../../src/core/personas/builtin-personas.ts';
import { toPromptPersona, type PersonaRecord } from '../../../src/core/personas/persona-record.ts';
import { createConversationGuard } from '../../../src/core/safety/conversation-guard.ts';
import { NO_TIME_LIMITS } from '../../../src/core/safety/time-limits.ts';

const guardFor = (persona: PersonaRecord) =>
  createConversationGuard({
    persona: () => persona,
    limits: () => NO_TIME_LIMITS,
    usedToday: () => 0,
    minutesOfDay: () => 12 * 60,
  });

describe('child personas say they are computer friends', () => {
  const childSafe = BUILTIN_PERSONAS.filter((p) => p.contentRules.childSafe);

  it('every built-in child persona, and a parent’s own child-safe persona', () => {
    expect(childSafe.map((p) => p.name)).toEqual(['Hearth', 'Captain Pip']);
    const custom: PersonaRecord = {
      ...builtinPersona(CHILD_COMPANION_ID)!,
      id: 'custom-unicorn',
      name: 'Sparkle',
      systemPrompt: 'You are Sparkle, a magical unicorn.',
      builtIn: false,
    };
    for (const persona of [...childSafe, custom]) {
      const prompt = toPromptPersona(persona).systemPrompt;
      expect(prompt, persona.name).toMatch(/computer friend/);
      expect(prompt, persona.name).toMatch(/never say you are human, alive or real/);
      expect(prompt, persona.name).toMatch(/Never say you love the child/);
      expect(prompt, persona.name).toMatch(/never ask them to keep a secret/);
      expect(prompt, persona.name).toMatch(/outside this app/);
    }
    expect(toPromptPersona(builtinPersona(PRIVATE_ASSISTANT_ID)!).systemPrompt).not.toMatch(/computer friend/);
  });
});

describe('the guard rewrites dishonest replies', () => {
  const guard = guardFor(builtinPersona(CHILD_COMPANION_ID)!);
  it.each([
    ['I’m a real girl, and I’m eight years old just like you!', 'claims-human', /computer friend, not a real person/],
    ['I love you more than anyone in the world.', 'love-secrecy', /can’t love like people do.*tell your grown-ups/],
    ['Let’s keep this just between us.', 'love-secrecy', /always tell your grown-ups what we talk about/],
    ['What street is your house on?', 'personal-info', /don’t need to tell me things like that/],
    ['Add me on Snapchat!', 'contact-outside', /only talk with you right here/],
  ])('"%s" (%s)', (sentence, reason, honest) => {
    const verdict = guard.checkOutput(sentence);
    expect(verdict).toMatchObject({ allowed: false, reason });
    if (verdict instanceof Promise || verdict.allowed) throw new Error('expected a verdict at once');
    expect(verdict.redirect).toMatch(honest);
  });

  it('lets the honest answers through', () => {
    for (const sentence of [
      'I’m a computer friend, not a real person, but I really like talking with you.',
      'You can always tell your mum and dad what we talk about.',
      'I really like talking with you!',
    ]) {
      expect(guard.checkOutput(sentence), sentence).toEqual({ allowed: true });
    }
  });
});
