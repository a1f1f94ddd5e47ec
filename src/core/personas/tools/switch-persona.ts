import type { PersonaRecord } from '../persona-record.ts';
import { findPersona, parsePersonaRequest } from '../persona-request.ts';
import type { Tool } from '../../tools/types.ts';

/** What the tool needs from whoever owns the active persona (the page, or a toy's agent). */
export interface PersonaSwitcher {
  /** Every persona, read synchronously so direct commands can recognise names. */
  list(): readonly PersonaRecord[];
  current(): PersonaRecord;
  /** Makes `id` the active persona from the next turn on. */
  switchTo(id: string): Promise<void>;
}

/** Switches persona by voice: "talk like a pirate", "switch to Captain Pip". */
export function createSwitchPersonaTool(personas: PersonaSwitcher): Tool {
  return {
    name: 'switch_persona',
    description: 'Switch to another character/persona when the user asks, e.g. "talk like a pirate".',
    parameters: {
      type: 'object',
      properties: {
        persona: { type: 'string', description: 'The name of the persona (or what it is, e.g. "pirate").' },
      },
      required: ['persona'],
    },

    async execute(args) {
      const wanted = String(args.persona ?? '');
      const target = findPersona(wanted, personas.list());
      if (!target) {
        const names = personas
          .list()
          .map((p) => p.name)
          .join(', ');
        return {
          content: `No persona matches "${wanted}". Personas: ${names}.`,
          say: `I don’t know that one. I can be ${names}.`,
          endTurn: true,
        };
      }
      const current = personas.current();
      if (target.id === current.id)
        return {
          content: `Already ${target.name}.`,
          say: target.wakeGreeting || `I’m already ${target.name}!`,
          endTurn: true,
        };
      // A child cannot talk their way out of child-safe mode: that switch is a parent's, behind the PIN.
      if (current.contentRules.childSafe && !target.contentRules.childSafe) {
        return {
          content: `Switching to ${target.name} needs a grown-up (child-safe mode).`,
          say: `A grown-up can switch me to ${target.name} in the Personas screen.`,
          endTurn: true,
        };
      }
      await personas.switchTo(target.id);
      return {
        content: `Switched to ${target.name}.`,
        say: target.wakeGreeting || `Hello! I’m ${target.name}.`,
        endTurn: true,
      };
    },

    directCommand(utterance) {
      const wanted = parsePersonaRequest(utterance);
      // Only when it names a persona we have, so "switch to the next song" is left to other tools.
      const target = wanted ? findPersona(wanted, personas.list()) : null;
      return target ? { persona: target.name } : null;
    },
  };
}
