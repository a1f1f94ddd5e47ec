// Assembles OpenAI-style streamed tool-call deltas (llama.cpp's and WebLLM's chunk format:
// an index, then the name, then the arguments JSON in pieces) into whole ToolCalls.

import type { ToolCall } from '../engines.ts';
import { parseArguments } from './tool-call-text-parser.ts';

export interface ToolCallDelta {
  index: number;
  id?: string;
  function?: { name?: string; arguments?: string };
}

interface Partial {
  id: string;
  name: string;
  args: string;
}

export class ToolCallDeltaAccumulator {
  private readonly calls = new Map<number, Partial>();

  add(deltas: readonly ToolCallDelta[] | undefined): void {
    for (const delta of deltas ?? []) {
      const call = this.calls.get(delta.index) ?? { id: '', name: '', args: '' };
      if (delta.id) call.id = delta.id;
      if (delta.function?.name) call.name += delta.function.name;
      if (delta.function?.arguments) call.args += delta.function.arguments;
      this.calls.set(delta.index, call);
    }
  }

  get size(): number {
    return this.calls.size;
  }

  /** Complete calls in index order; ones without a name or with broken JSON are dropped. */
  finish(): ToolCall[] {
    const out: ToolCall[] = [];
    for (const [index, call] of [...this.calls.entries()].sort((a, b) => a[0] - b[0])) {
      const args = parseArguments(call.args);
      if (!call.name || !args) continue;
      out.push({ id: call.id || `call_${index}`, name: call.name, arguments: args });
    }
    this.calls.clear();
    return out;
  }
}
