// Hearth's chat messages and tool specs in the OpenAI chat-completions shape that both
// wllama (llama.cpp's server API) and WebLLM accept.

import type { ChatMessage, ToolSpec } from '../engines.ts';

export type OaiMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; tool_calls?: OaiToolCall[] }
  | { role: 'tool'; content: string; tool_call_id: string };

export interface OaiToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface OaiTool {
  type: 'function';
  function: { name: string; description: string; parameters: ToolSpec['parameters'] };
}

export function toOaiMessages(messages: readonly ChatMessage[]): OaiMessage[] {
  return messages.map((message): OaiMessage => {
    switch (message.role) {
      case 'assistant': {
        const calls = message.toolCalls ?? [];
        if (calls.length === 0) return { role: 'assistant', content: message.content };
        return {
          role: 'assistant',
          content: message.content,
          tool_calls: calls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.name, arguments: JSON.stringify(call.arguments) },
          })),
        };
      }
      case 'tool':
        return { role: 'tool', content: message.content, tool_call_id: message.toolCallId };
      default:
        return { role: message.role, content: message.content };
    }
  });
}

export function toOaiTools(tools: readonly ToolSpec[]): OaiTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.parameters },
  }));
}
