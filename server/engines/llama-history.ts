// Hearth's chat messages as node-llama-cpp chat history, and its tool specs as node-llama-cpp
// functions. Pure. An assistant's tool calls become functionCall items carrying the results of
// the tool messages that answer them, which is how node-llama-cpp replays a function-calling turn.
import type { ChatHistoryItem, ChatModelFunctionCall, ChatModelFunctions, ChatModelResponse } from 'node-llama-cpp';
import type { ChatMessage, ToolSpec } from '../../src/core/engines.ts';

export function toLlamaHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  const pendingCalls = new Map<string, ChatModelFunctionCall>();
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        history.push({ type: 'system', text: message.content });
        break;
      case 'user':
        history.push({ type: 'user', text: message.content });
        break;
      case 'assistant': {
        const response: ChatModelResponse['response'] = message.content ? [message.content] : [];
        for (const call of message.toolCalls ?? []) {
          const item: ChatModelFunctionCall = {
            type: 'functionCall',
            name: call.name,
            params: call.arguments,
            result: undefined,
          };
          pendingCalls.set(call.id, item);
          response.push(item);
        }
        history.push({ type: 'model', response });
        break;
      }
      case 'tool': {
        const call = pendingCalls.get(message.toolCallId);
        if (call) call.result = message.content;
        break;
      }
    }
  }
  // The model's reply is generated into a trailing model item (as LlamaChatSession does).
  // After tool results the reply continues the last model item, after its function calls.
  if (history.at(-1)?.type !== 'model') history.push({ type: 'model', response: [] });
  return history;
}

export function toLlamaFunctions(tools: readonly ToolSpec[]): ChatModelFunctions {
  const functions: Record<string, ChatModelFunctions[string]> = {};
  // node-llama-cpp's GBNF schema is a subset of JSON schema; the tool specs stay within it.
  for (const tool of tools)
    functions[tool.name] = {
      description: tool.description,
      params: tool.parameters as ChatModelFunctions[string]['params'],
    };
  return functions;
}
