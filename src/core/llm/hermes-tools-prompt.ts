// For engines that cannot take `tools` natively (WebLLM only does so for a few Hermes models):
// the tool specs go into the system prompt in Qwen2.5's own words, earlier tool calls are written
// back as `<tool_call>` text and tool results as `<tool_response>` user turns, exactly as
// Qwen2.5's chat template renders them. The reply is parsed with ToolCallTextParser.

import type { ChatMessage, ToolSpec } from '../engines.ts';

export type PlainMessage = { role: 'system' | 'user' | 'assistant'; content: string };

export function toolsSystemBlock(tools: readonly ToolSpec[]): string {
  const specs = tools.map((tool) =>
    JSON.stringify({
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: tool.parameters },
    }),
  );
  return [
    '# Tools',
    '',
    'You may call one or more functions to assist with the user query.',
    '',
    'You are provided with function signatures within <tools></tools> XML tags:',
    '<tools>',
    ...specs,
    '</tools>',
    '',
    'For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:',
    '<tool_call>',
    '{"name": <function-name>, "arguments": <args-json-object>}',
    '</tool_call>',
  ].join('\n');
}

/** Messages with tools folded into plain system/user/assistant text. */
export function toHermesMessages(messages: readonly ChatMessage[], tools: readonly ToolSpec[]): PlainMessage[] {
  const out: PlainMessage[] = [];
  const block = tools.length > 0 ? toolsSystemBlock(tools) : '';
  let systemSeen = false;
  for (const message of messages) {
    if (message.role === 'system') {
      const content = !systemSeen && block ? `${message.content}\n\n${block}` : message.content;
      systemSeen = true;
      out.push({ role: 'system', content });
    } else if (message.role === 'assistant') {
      const calls = (message.toolCalls ?? []).map(
        (call) => `<tool_call>\n${JSON.stringify({ name: call.name, arguments: call.arguments })}\n</tool_call>`,
      );
      out.push({ role: 'assistant', content: [message.content, ...calls].filter(Boolean).join('\n') });
    } else if (message.role === 'tool') {
      const response = `<tool_response>\n${message.content}\n</tool_response>`;
      const previous = out[out.length - 1];
      // Qwen2.5's template merges consecutive tool results into one user turn.
      if (previous?.role === 'user' && previous.content.startsWith('<tool_response>'))
        previous.content += `\n${response}`;
      else out.push({ role: 'user', content: response });
    } else {
      out.push({ role: 'user', content: message.content });
    }
  }
  if (!systemSeen && block) out.unshift({ role: 'system', content: block });
  return out;
}
