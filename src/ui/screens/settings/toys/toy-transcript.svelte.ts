// A toy's conversation, live: the parent's browser joins the toy's room as a hidden, listen-only
// observer (token from the admin-only observer route) and turns the agent's transcript and state
// data messages (src/core/agent-protocol.ts) into chat lines. No audio is subscribed.

import type { Room } from 'livekit-client';
import { STATE_TOPIC, TRANSCRIPT_TOPIC, type AgentMessage } from '../../../../core/agent-protocol.ts';
import { toysApi, ToysApiError } from './toys-api.ts';

export interface TranscriptLine {
  key: string;
  role: 'user' | 'agent';
  text: string;
  final: boolean;
  at: number;
}

export type TranscriptStatus = 'connecting' | 'live' | 'closed' | 'failed';

/** Most lines kept on screen; older ones scroll away. */
const MAX_LINES = 200;

export class ToyTranscript {
  lines = $state<TranscriptLine[]>([]);
  status = $state<TranscriptStatus>('connecting');
  /** What the agent is doing now ("listening", "speaking"…), from its state messages. */
  agentState = $state<string | null>(null);
  problem = $state<string | null>(null);
  private room: Room | null = null;
  private closed = false;

  constructor(readonly deviceId: string) {}

  async open(): Promise<void> {
    this.status = 'connecting';
    this.problem = null;
    try {
      const grant = await toysApi.observerToken(this.deviceId);
      // livekit-client loads only when a parent opens a transcript.
      const { Room, RoomEvent } = await import('livekit-client');
      if (this.closed) return;
      const room = new Room();
      this.room = room;
      room.on(RoomEvent.DataReceived, (payload, _participant, _kind, topic) => this.receive(payload, topic));
      room.on(RoomEvent.Disconnected, () => {
        if (!this.closed) this.status = 'closed';
      });
      await room.connect(grant.url, grant.token, { autoSubscribe: false });
      if (this.closed) {
        await room.disconnect();
        return;
      }
      this.status = 'live';
    } catch (error) {
      this.status = 'failed';
      this.problem =
        error instanceof ToysApiError
          ? error.message
          : `Could not join the toy’s room: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const room = this.room;
    this.room = null;
    await room?.disconnect().catch(() => undefined);
  }

  /** Applies one data message; exported behaviour is the `lines` it leaves. */
  receive(payload: Uint8Array, topic: string | undefined): void {
    if (topic !== TRANSCRIPT_TOPIC && topic !== STATE_TOPIC) return;
    let message: AgentMessage;
    try {
      message = JSON.parse(new TextDecoder().decode(payload)) as AgentMessage;
    } catch {
      return;
    }
    if (message.type === 'state') this.agentState = message.state;
    else if (message.type === 'error')
      this.problem = `The toy’s companion had a problem (${message.stage}): ${message.message}`;
    else if (message.type === 'transcript' && typeof message.text === 'string') this.upsert(message);
  }

  private upsert(message: Extract<AgentMessage, { type: 'transcript' }>): void {
    // Partial agent text grows into the final text of the same turn: one line per role and turn.
    const key = `${message.turnId}:${message.role}`;
    const line: TranscriptLine = { key, role: message.role, text: message.text, final: message.final, at: Date.now() };
    const index = this.lines.findIndex((l) => l.key === key);
    if (index >= 0) this.lines[index] = line;
    else this.lines = [...this.lines, line].slice(-MAX_LINES);
  }
}
