import { describe, expect, it } from 'vitest';
import {
  BUILTIN_PERSONAS,
  builtinPersona,
  CHILD_COMPANION_ID,
  PIRATE_ID,
  PRIVATE_ASSISTANT_ID,
} from '../../../src/core/personas/builtin-personas.ts';
import { mediaAudienceOf } from '../../../src/core/personas/media-audience.ts';
import {
  normalizeAgeRange,
  normalizePersona,
  toPromptPersona,
  type PersonaRecord,
} from '../../../src/core/personas/persona-record.ts';
import { findPersona, parsePersonaRequest } from '../../../src/core/personas/persona-request.ts';
import { PersonaToolRegistry } from '../../../src/core/personas/persona-tools.ts';
import { getTimeTool } from '../../../src/core/tools/get-time.ts';
import { createSwitchPersonaTool } from '../../../src/core/personas/tools/switch-persona.ts';
import { createHarness } from './harness.ts';

/** The built-in personas and the active one; `onSwitch` follows switches as the page's PersonaState does. */
function personaDirectory(startId = CHILD_COMPANION_ID, onSwitch: (active: PersonaRecord) => void = () => {}) {
  const personas = BUILTIN_PERSONAS.map((p) => builtinPersona(p.id)!);
  let activeId = startId;
  const active = () => personas.find((p) => p.id === activeId)!;
  const switched: string[] = [];
  const switchTo = async (id: string) => {
    switched.push((activeId = id));
    onSwitch(active());
  };
  return { personas, active, switched, switcher: { list: () => personas, current: active, switchTo } };
}

describe('persona requests', () => {
  it.each([
    ['Talk like a pirate!', PIRATE_ID],
    ['can you switch to Captain Pip please', PIRATE_ID],
    ['let me talk to the assistant', PRIVATE_ASSISTANT_ID],
    ['Hearth, switch to the pirate persona', PIRATE_ID],
  ])('"%s" picks the right persona', (utterance, id) => {
    const wanted = parsePersonaRequest(utterance);
    expect(findPersona(wanted!, BUILTIN_PERSONAS)?.id).toBe(id);
  });

  it.each(['be quiet', 'switch to the next song', 'talk to me'])('"%s" is not a persona switch', (utterance) => {
    const { switcher } = personaDirectory();
    expect(createSwitchPersonaTool(switcher).directCommand!(utterance)).toBeNull();
  });
});

describe('persona records', () => {
  it('spell their content rules out in the prompt persona', () => {
    const prompt = toPromptPersona({
      ...builtinPersona(CHILD_COMPANION_ID)!,
      contentRules: { childSafe: true, blockedTopics: ['spiders'], extraRules: 'No scary stories.' },
    });
    expect(prompt.systemPrompt).toMatch(/young child/);
    expect(prompt.systemPrompt).toMatch(/Never talk about: spiders\./);
    expect(prompt.systemPrompt).toMatch(/No scary stories\./);
    expect(prompt).toMatchObject({ voice: 'slt', language: 'en', speakingRate: 0.95 });
  });

  it('are plain JSON, and normalizing repairs a damaged one', () => {
    const pirate = builtinPersona(PIRATE_ID)!;
    expect(JSON.parse(JSON.stringify(pirate))).toEqual(pirate);
    const repaired = normalizePersona(
      { id: 'x', name: 'Robo', speakingRate: 9, allowedTools: 'all', contentRules: { childSafe: 'yes' } },
      pirate,
    );
    expect(repaired).toMatchObject({
      id: 'x',
      name: 'Robo',
      speakingRate: 1.6,
      allowedTools: null,
      contentRules: { childSafe: true },
    });
  });

  it('keep a valid audience age range; a missing or broken one falls back to the rules default (children for child-safe)', () => {
    const companion = builtinPersona(CHILD_COMPANION_ID)!;
    const assistant = builtinPersona(PRIVATE_ASSISTANT_ID)!;
    expect(companion.audienceAge).toEqual({ min: 3, max: 10 });
    expect(mediaAudienceOf(companion)).toEqual({ language: 'en', ages: { min: 3, max: 10 } });
    expect(mediaAudienceOf(assistant)).toEqual({ language: 'en' });
    expect(mediaAudienceOf({ ...assistant, language: 'fr', audienceAge: { min: 16, max: 99 } })).toEqual({
      language: 'fr',
      ages: { min: 16, max: 99 },
    });

    // A children's companion stored before audience ages existed still gets children's stories.
    const { audienceAge: _dropped, ...older } = companion;
    const restored = normalizePersona(older, assistant);
    expect(restored.audienceAge).toBeUndefined();
    expect(mediaAudienceOf(restored).ages).toEqual({ min: 3, max: 10 });
    expect(mediaAudienceOf(normalizePersona({ ...assistant, audienceAge: 'kids' }, companion)).ages).toBeUndefined();

    expect(normalizeAgeRange({ min: 12, max: 4.6 })).toEqual({ min: 5, max: 12 });
    expect(normalizeAgeRange({ min: -3, max: 500 })).toEqual({ min: 0, max: 120 });
    expect(normalizeAgeRange({ min: 3 })).toBeNull();
    expect(normalizeAgeRange({ min: Number.NaN, max: 4 })).toBeNull();
  });

  it('limit the tools offered to the LLM and run by direct command', async () => {
    let persona: PersonaRecord = { ...builtinPersona(PRIVATE_ASSISTANT_ID)!, allowedTools: [] };
    const registry = new PersonaToolRegistry([getTimeTool], () => persona);
    expect(registry.specs()).toEqual([]);
    expect(registry.matchDirectCommand('what time is it')).toBeNull();
    const outcome = await registry.execute(
      'get_time',
      {},
      { signal: new AbortController().signal, now: new Date(), services: {} },
    );
    expect(outcome.result.isError).toBe(true);
    persona = { ...persona, allowedTools: null };
    expect(registry.specs().map((s) => s.name)).toEqual(['get_time']);
  });
});

describe('switching persona by voice', () => {
  it('"talk like a pirate" switches persona without the LLM and greets in the pirate\'s voice and rate; the next turn uses the new prompt', async () => {
    // The session follows the active persona the moment it changes, as conversation-context.ts wires it.
    let follow: (active: PersonaRecord) => void = () => {};
    const directory = personaDirectory(CHILD_COMPANION_ID, (active) => follow(active));
    const tools = new PersonaToolRegistry([createSwitchPersonaTool(directory.switcher)], directory.active);
    const h = createHarness({
      tools,
      chat: [['Arr', ',', ' the', ' sea', ' is', ' wide', '.']],
      session: { persona: toPromptPersona(directory.active()) },
    });
    follow = (active) => h.session.setPersona(toPromptPersona(active));
    h.session.start();

    void h.session.sendText('Talk like a pirate!');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(directory.switched).toEqual([PIRATE_ID]);
    expect(h.llm.calls).toHaveLength(0);
    const greeting = h.tts.calls.filter((c) => /Ahoy, matey!|Captain Pip/.test(c.text));
    expect(greeting.length).toBeGreaterThan(0);
    // Every sentence of the greeting was asked of the TTS in the pirate's voice and rate, not the companion's.
    for (const call of h.tts.calls) expect(call).toMatchObject({ voice: 'awb', rate: 0.9 });

    void h.session.sendText('tell me about the sea');
    await h.silenceUntil(() => h.of('turnEnd').length === 2);
    expect(h.llm.calls[0]!.messages[0]!.content).toMatch(/^You are Captain Pip/);
    expect(h.tts.calls.at(-1)).toMatchObject({ text: 'Arr, the sea is wide.', voice: 'awb', rate: 0.9 });
  });

  it('a switch while a reply is being spoken changes the voice from the next sentence on', async () => {
    const companion = toPromptPersona(builtinPersona(CHILD_COMPANION_ID)!);
    const pirate = toPromptPersona(builtinPersona(PIRATE_ID)!);
    const h = createHarness({
      chat: [['One', ' fish', '.', ' Two', ' fish', '.', ' Red', ' fish', '.']],
      session: { persona: companion },
    });
    h.session.start();
    void h.session.sendText('count fish');
    await h.silenceUntil(() => h.tts.calls.length === 1);
    h.session.setPersona(pirate);
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    expect(h.tts.calls.map((c) => [c.text, c.voice])).toEqual([
      ['One fish.', 'slt'],
      ['Two fish.', 'awb'],
      ['Red fish.', 'awb'],
    ]);
  });

  it('a child cannot leave child-safe mode by voice', async () => {
    const directory = personaDirectory(CHILD_COMPANION_ID);
    const tool = createSwitchPersonaTool(directory.switcher);
    const args = tool.directCommand!('let me talk to the assistant');
    const result = await tool.execute(args!, { signal: new AbortController().signal, now: new Date(), services: {} });
    expect(directory.switched).toEqual([]);
    expect(result.say).toMatch(/grown-up can switch me to Assistant/);
  });
});
