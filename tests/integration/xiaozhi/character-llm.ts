// A test double for the LAN LLM: a local OpenAI-compatible server that streams real SSE chunks and
// answers in character for whichever persona's system prompt it is sent (stories260K ignores
// prompts, so it could not show whose persona answered). A persona whose prompt asks for a long
// answer gets one, word by word, for barge-in tests (slowly enough to still be talking when cut off). Memory extraction gets "no facts".
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Character {
  name: string;
  prompt: string;
  answer: string;
  /** Time between streamed words (40 ms when left out). */
  wordDelayMs?: number;
}

interface ChatBody {
  messages: { role: string; content: string | null }[];
  tools?: { function?: { name?: string } }[];
}

export interface CharacterLlm {
  url: string;
  /** The persona name of each chat request answered. */
  chats: string[];
  close(): Promise<void>;
}

export function startCharacterLlm(characters: readonly Character[]): Promise<CharacterLlm> {
  const chats: string[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', async () => {
      if (req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
      const body = JSON.parse(raw) as ChatBody;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (body.tools?.some((t) => t.function?.name === 'save_facts')) {
        res.end(
          `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: '{"facts":[]}' }, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`,
        );
        return;
      }
      const system = body.messages.find((m) => m.role === 'system')?.content ?? '';
      const character = characters.find((c) => system.includes(c.prompt));
      chats.push(character?.name ?? 'unknown');
      const answer = character?.answer ?? 'I do not know who I am.';
      let open = true;
      res.on('close', () => (open = false));
      for (const word of answer.split(/(?= )/)) {
        if (!open) return;
        res.write(
          `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: word }, finish_reason: null }] })}\n\n`,
        );
        await new Promise((r) => setTimeout(r, character?.wordDelayMs ?? 40));
      }
      res.write(
        `data: ${JSON.stringify({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`,
      );
      res.end();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        chats,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    ),
  );
}
