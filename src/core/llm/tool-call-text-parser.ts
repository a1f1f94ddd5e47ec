// Pulls `<tool_call>{json}</tool_call>` blocks (the Hermes/Qwen2.5 format) out of a streamed
// reply, so tool calls become ToolCall objects and their JSON is never spoken.
// Pure: text deltas in, text and tool calls out.

import type { ToolCall } from '../engines.ts';

export type ParsedPiece =
  { type: 'text'; text: string } | { type: 'tool_call'; call: ToolCall } | { type: 'malformed'; raw: string };

const OPEN = '<tool_call>';
const CLOSE = '</tool_call>';

export class ToolCallTextParser {
  private buffer = '';
  private inside = false;
  private count = 0;

  constructor(private readonly idPrefix = 'call') {}

  /** Feeds one delta; returns what is certain so far. Text that might start a tag is held back. */
  push(delta: string): ParsedPiece[] {
    this.buffer += delta;
    const out: ParsedPiece[] = [];
    for (;;) {
      if (this.inside) {
        const end = this.buffer.indexOf(CLOSE);
        if (end < 0) return out;
        out.push(this.parseCall(this.buffer.slice(0, end)));
        this.buffer = this.buffer.slice(end + CLOSE.length);
        this.inside = false;
        continue;
      }
      const start = this.buffer.indexOf(OPEN);
      if (start >= 0) {
        pushText(out, this.buffer.slice(0, start));
        this.buffer = this.buffer.slice(start + OPEN.length);
        this.inside = true;
        continue;
      }
      const keep = partialTagLength(this.buffer, OPEN);
      pushText(out, this.buffer.slice(0, this.buffer.length - keep));
      this.buffer = this.buffer.slice(this.buffer.length - keep);
      return out;
    }
  }

  /** The stream ended: an unclosed call is still parsed if its JSON is complete. */
  flush(): ParsedPiece[] {
    const out: ParsedPiece[] = [];
    if (this.inside) {
      if (this.buffer.trim()) out.push(this.parseCall(this.buffer));
    } else {
      pushText(out, this.buffer);
    }
    this.buffer = '';
    this.inside = false;
    return out;
  }

  private parseCall(raw: string): ParsedPiece {
    const call = parseToolCallJson(raw, `${this.idPrefix}_${this.count}`);
    if (!call) return { type: 'malformed', raw };
    this.count++;
    return { type: 'tool_call', call };
  }
}

/** `{"name": ..., "arguments": {...} | "<json string>"}` → ToolCall, or null when it is not one. */
export function parseToolCallJson(raw: string, id: string): ToolCall | null {
  let value: unknown;
  try {
    value = JSON.parse(raw.trim());
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value.name !== 'string' || !value.name) return null;
  const args = parseArguments(value.arguments ?? value.parameters ?? {});
  if (!args) return null;
  return { id: typeof value.id === 'string' && value.id ? value.id : id, name: value.name, arguments: args };
}

/** Arguments arrive as an object or (OpenAI style) as a JSON string of one. */
export function parseArguments(value: unknown): Record<string, unknown> | null {
  if (typeof value === 'string') {
    if (!value.trim()) return {};
    try {
      const parsed: unknown = JSON.parse(value);
      return isRecord(parsed) ? parsed : null;
    } catch {
      return null;
    }
  }
  return isRecord(value) ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pushText(out: ParsedPiece[], text: string): void {
  if (text) out.push({ type: 'text', text });
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialTagLength(text: string, tag: string): number {
  for (let n = Math.min(tag.length - 1, text.length); n > 0; n--) {
    if (text.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}
