// A ToolRegistry that offers the LLM (and direct commands) only the tools the active persona allows.

import { ToolRegistry, type DirectCommandMatch, type ToolOutcome } from '../tools/registry.ts';
import type { Tool, ToolContext } from '../tools/types.ts';
import { personaAllowsTool, type PersonaRecord } from './persona-record.ts';

export class PersonaToolRegistry extends ToolRegistry {
  constructor(
    tools: Iterable<Tool>,
    private readonly activePersona: () => PersonaRecord,
  ) {
    super(tools);
  }

  override list(): Tool[] {
    const persona = this.activePersona();
    return super.list().filter((tool) => personaAllowsTool(persona, tool.name));
  }

  override matchDirectCommand(utterance: string): DirectCommandMatch | null {
    for (const tool of this.list()) {
      const args = tool.directCommand?.(utterance);
      if (args) return { name: tool.name, args };
    }
    return null;
  }

  override async execute(name: string, args: unknown, ctx: ToolContext): Promise<ToolOutcome> {
    if (this.get(name) && !personaAllowsTool(this.activePersona(), name)) {
      return { result: { content: `Error: the tool "${name}" is switched off for this persona.`, isError: true } };
    }
    return super.execute(name, args, ctx);
  }
}
