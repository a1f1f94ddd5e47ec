import { describe, expect, it } from 'vitest';
import { BUILTIN_PERSONAS, builtinPersona, CHILD_COMPANION_ID, PIRATE_ID, PRIVATE_ASSISTANT_ID } from '../../../src/core/personas/builtin-personas.ts';
import { normalizePersona, toPromptPersona, type PersonaRecord } from '../../../src/core/personas/persona-record.ts';
import { findPersona, parsePersonaRequest } from '../../../src/core/personas/persona-request.ts';
import { PersonaToolRegistry } from '../../../src/core/personas/persona-tools.ts';
import { getTimeTool } from '../../../src/core/tools/get-time.ts';
import { createSwitchPersonaTool } from '../../../src/core/tools/switch-persona.ts';
import { createHarness } from './harness.ts';

function personaDirectory(startId = CHILD_COMPANION_ID) {
  const personas = BUILTIN_PERSONAS.map((p) => builtinPersona(p.id)!);
  let activeId = startId;
  const active = () => personas.find((p) => p.id === activeId)!;
  const switched: string[] = [];
  return {
    personas,
    active,
    switched,
    switcher: { list: () => personas, current: active, switchTo: async (id: string) => void switched.push((activeId = id)) },
  };
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
    const prompt = toPromptPersona({ ...builtinPersona(CHILD_COMPANION_ID)!, contentRules: { childSafe: true, blockedTopics: ['spiders'], extraRules: 'No scary stories.' } });
    expect(prompt.systemPrompt).toMatch(/young child/);
    expect(prompt.systemPrompt).toMatch(/Never talk about: spiders\./);
    expect(prompt.systemPrompt).toMatch(/No scary stories\./);
    expect(prompt).toMatchObject({ voice: 'slt', language: 'en', speakingRate: 0.95 });
  });

  it('are plain JSON, and normalizing repairs a damaged one', () => {
    const pirate = builtinPersona(PIRATE_ID)!;
    expect(JSON.parse(JSON.stringify(pirate))).toEqual(pirate);
    const repaired = normalizePersona({ id: 'x', name: 'Robo', speakingRate: 9, allowedTools: 'all', contentRules: { childSafe: 'yes' } }, pirate);
    expect(repaired).toMatchObject({ id: 'x', name: 'Robo', speakingRate: 1.6, allowedTools: null, contentRules: { childSafe: true } });
  });

  it('limit the tools offered to the LLM and run by direct command', async () => {
    let persona: PersonaRecord = { ...builtinPersona(PRIVATE_ASSISTANT_ID)!, allowedTools: [] };
    const registry = new PersonaToolRegistry([getTimeTool], () => persona);
    expect(registry.specs()).toEqual([]);
    expect(registry.matchDirectCommand('what time is it')).toBeNull();
    const outcome = await registry.execute('get_time', {}, { signal: new AbortController().signal, now: new Date(), services: {} });
    expect(outcome.result.isError).toBe(true);
    persona = { ...persona, allowedTools: null };
    expect(registry.specs().map((s) => s.name)).toEqual(['get_time']);
  });
});

describe('switching persona by voice', () => {
  it('"talk like a pirate" switches persona without the LLM, greets in character, and the next turn uses the new prompt and voice', async () => {
    const directory = personaDirectory();
    const tools = new PersonaToolRegistry([createSwitchPersonaTool(directory.switcher)], directory.active);
    const h = createHarness({ tools, chat: [['Arr', ',', ' the', ' sea', ' is', ' wide', '.']], session: { persona: toPromptPersona(directory.active()) } });
    // The page follows the active persona; here by hand, as conversation-context.ts does.
    const follow = () => h.session.setPersona(toPromptPersona(directory.active()));
    h.session.start();

    void h.session.sendText('Talk like a pirate!');
    await h.silenceUntil(() => h.of('turnEnd').length === 1);
    follow();
    expect(directory.switched).toEqual([PIRATE_ID]);
    expect(h.llm.calls).toHaveLength(0);
    expect(h.tts.calls.map((c) => c.text).join(' ')).toMatch(/Ahoy, matey! Captain Pip/);

    void h.session.sendText('tell me about the sea');
    await h.silenceUntil(() => h.of('turnEnd').length === 2);
    expect(h.llm.calls[0]!.messages[0]!.content).toMatch(/^You are Captain Pip/);
    expect(h.tts.calls.at(-1)!.voice).toBe('awb');
    expect(h.tts.calls[0]!.voice).toBe('slt');
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
