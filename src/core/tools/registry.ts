import type { JsonSchemaObject, JsonSchemaProperty, JsonSchemaType, ToolSpec } from '../engines.ts';
import type { Tool, ToolContext, ToolResult } from './types.ts';

export interface DirectCommandMatch {
  name: string;
  args: Record<string, unknown>;
}

export interface ToolOutcome {
  result: ToolResult;
  /** Set when the tool itself threw (not for unknown tools or bad arguments from the LLM). */
  error?: Error;
}

/** The tools the LLM may call. Bad calls come back as error results, never as exceptions. */
export class ToolRegistry {
  private readonly tools = new Map<string, Tool>();

  constructor(tools: Iterable<Tool> = []) {
    for (const tool of tools) this.register(tool);
  }

  register(tool: Tool): void {
    if (this.tools.has(tool.name)) throw new Error(`tool "${tool.name}" is already registered`);
    this.tools.set(tool.name, tool);
  }

  get(name: string): Tool | undefined {
    return this.tools.get(name);
  }

  list(): Tool[] {
    return [...this.tools.values()];
  }

  /** Tool descriptions for the chat request. */
  specs(): ToolSpec[] {
    return this.list().map(({ name, description, parameters }) => ({ name, description, parameters }));
  }

  /** The first tool (in registration order) that recognises the utterance as a direct command. */
  matchDirectCommand(utterance: string): DirectCommandMatch | null {
    for (const tool of this.tools.values()) {
      const args = tool.directCommand?.(utterance);
      if (args) return { name: tool.name, args };
    }
    return null;
  }

  async execute(name: string, args: unknown, ctx: ToolContext): Promise<ToolOutcome> {
    const tool = this.tools.get(name);
    if (!tool) {
      const known = [...this.tools.keys()].join(', ') || 'none';
      return { result: errorResult(`unknown tool "${name}". Available tools: ${known}.`) };
    }
    const problem = validateArgs(tool.parameters, args);
    if (problem) return { result: errorResult(`invalid arguments for "${name}": ${problem}.`) };
    try {
      return { result: await tool.execute(args as Record<string, unknown>, ctx) };
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      return { result: errorResult(`"${name}" failed: ${error.message}`), error };
    }
  }
}

function errorResult(message: string): ToolResult {
  return { content: `Error: ${message}`, isError: true };
}

/** Minimal check of what small LLMs get wrong: missing required args and wrong basic types. */
export function validateArgs(schema: JsonSchemaObject, args: unknown): string | null {
  if (typeof args !== 'object' || args === null || Array.isArray(args)) return 'arguments must be an object';
  const record = args as Record<string, unknown>;
  for (const key of schema.required ?? []) {
    if (record[key] === undefined || record[key] === null) return `missing required argument "${key}"`;
  }
  for (const [key, value] of Object.entries(record)) {
    const property = schema.properties[key];
    if (!property || value === undefined) continue;
    const problem = checkProperty(property, value);
    if (problem) return `argument "${key}" ${problem}`;
  }
  return null;
}

function checkProperty(property: JsonSchemaProperty, value: unknown): string | null {
  const types = property.type === undefined ? [] : Array.isArray(property.type) ? property.type : [property.type];
  if (types.length > 0 && !types.some((type) => hasType(value, type))) return `must be ${types.join(' or ')}`;
  if (property.enum && !property.enum.includes(value as string | number | boolean)) {
    return `must be one of ${property.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return null;
}

function hasType(value: unknown, type: JsonSchemaType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'null':
      return value === null;
  }
}
