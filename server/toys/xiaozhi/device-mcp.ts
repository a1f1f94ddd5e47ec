// The toy's own tools, over the firmware's MCP server (JSON-RPC 2.0 inside `{type:"mcp", payload}`):
// Hearth initializes it, lists its tools (following `nextCursor`), and calls them. The companion gets
// the toy's speaker volume as a tool of its own ("make yourself louder") when the toy has one.
import type { Tool } from '../../../src/core/tools/types.ts';

export interface DeviceTool {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

const SPEAKER_VOLUME_TOOL = 'self.audio_speaker.set_volume';
const CALL_TIMEOUT_MS = 10_000;

interface PendingCall {
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class DeviceMcpError extends Error {
  override name = 'DeviceMcpError';
}

export class DeviceMcp {
  private nextId = 1;
  private readonly pending = new Map<number, PendingCall>();
  private closed = false;
  tools: DeviceTool[] = [];

  constructor(private readonly sendPayload: (payload: Record<string, unknown>) => void) {}

  /** initialize, then every page of tools/list. */
  async start(clientVersion: string): Promise<DeviceTool[]> {
    await this.request('initialize', {
      protocolVersion: '2024-11-05',
      capabilities: {},
      clientInfo: { name: 'hearth', version: clientVersion },
    });
    const tools: DeviceTool[] = [];
    let cursor = '';
    for (let page = 0; page < 20; page++) {
      const result = (await this.request('tools/list', { cursor })) as { tools?: unknown; nextCursor?: unknown } | null;
      for (const tool of Array.isArray(result?.tools) ? result.tools : []) {
        const t = tool as Partial<DeviceTool>;
        if (typeof t.name === 'string')
          tools.push({
            name: t.name,
            description: typeof t.description === 'string' ? t.description : '',
            inputSchema: (t.inputSchema as Record<string, unknown>) ?? {},
          });
      }
      if (typeof result?.nextCursor !== 'string' || result.nextCursor === '') break;
      cursor = result.nextCursor;
    }
    this.tools = tools;
    return tools;
  }

  call(name: string, args: Record<string, unknown>): Promise<unknown> {
    return this.request('tools/call', { name, arguments: args });
  }

  /** A `payload` from the toy: the answer to one of our requests (anything else is ignored). */
  receive(payload: unknown): void {
    if (typeof payload !== 'object' || payload === null) return;
    const { id, result, error } = payload as { id?: unknown; result?: unknown; error?: { message?: unknown } };
    if (typeof id !== 'number') return;
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    clearTimeout(call.timer);
    if (error)
      call.reject(new DeviceMcpError(typeof error.message === 'string' ? error.message : 'the toy refused the call'));
    else call.resolve(result ?? null);
  }

  close(): void {
    this.closed = true;
    for (const call of this.pending.values()) {
      clearTimeout(call.timer);
      call.reject(new DeviceMcpError('the toy disconnected'));
    }
    this.pending.clear();
  }

  /** The companion's tool for the toy's own speaker, when the toy offers one. */
  volumeTool(): Tool | null {
    if (!this.tools.some((t) => t.name === SPEAKER_VOLUME_TOOL)) return null;
    return {
      name: 'toy_speaker_volume',
      description: "Set the loudness of the toy's own speaker, from 0 (silent) to 100 (loudest).",
      parameters: {
        type: 'object',
        properties: { volume: { type: 'integer', description: 'Speaker volume from 0 to 100.' } },
        required: ['volume'],
      },
      execute: async (args) => {
        const volume = typeof args.volume === 'number' ? Math.max(0, Math.min(100, Math.round(args.volume))) : null;
        if (volume === null) return { content: 'Error: give a volume from 0 to 100.', isError: true };
        try {
          await this.call(SPEAKER_VOLUME_TOOL, { volume });
          return {
            content: `The toy's speaker is now at ${volume} of 100.`,
            say: `Okay, volume ${volume}.`,
            endTurn: true,
          };
        } catch (error) {
          return {
            content: `Error: the toy did not change its volume (${error instanceof Error ? error.message : String(error)}).`,
            isError: true,
          };
        }
      },
    };
  }

  private request(method: string, params: Record<string, unknown>): Promise<unknown> {
    if (this.closed) return Promise.reject(new DeviceMcpError('the toy disconnected'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new DeviceMcpError(`the toy did not answer ${method} in ${CALL_TIMEOUT_MS / 1000} s`));
      }, CALL_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      this.sendPayload({ jsonrpc: '2.0', id, method, params });
    });
  }
}
