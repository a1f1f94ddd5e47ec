// A toy's conversation, live: the parent's browser joins a LiveKit toy's room as a listen-only
// observer (token from the admin-only observer route); a stock xiaozhi toy has no room, so the
// server streams the same messages for it (Server-Sent Events at /api/toys/:id/live). Either way
// the agent's transcript and state messages (src/core/agent-protocol.ts) become chat lines. No
// audio is subscribed.

import type { Room } from 'livekit-client';
import { createParser } from 'eventsource-parser';
import { STATE_TOPIC, TRANSCRIPT_TOPIC, type AgentMessage } from '../../../../core/agent-protocol.ts';
import { adminSession } from '../../../admin/admin-session.svelte.ts';
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
  /** A stock xiaozhi toy: is it connected now (null: not known yet, or a LiveKit toy). */
  toyOnline = $state<boolean | null>(null);
  private room: Room | null = null;
  private stream: AbortController | null = null;
  private closed = false;

  /** `stock`: a xiaozhi toy, read through the server's stream rather than a room. */
  constructor(
    readonly deviceId: string,
    readonly stock = false,
  ) {}

  async open(): Promise<void> {
    this.status = 'connecting';
    this.problem = null;
    if (this.stock) return this.openStream();
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
    this.stream?.abort();
    this.stream = null;
    const room = this.room;
    this.room = null;
    await room?.disconnect().catch(() => undefined);
  }

  /** A stock toy: the server's event stream for it, read until close(). */
  private async openStream(): Promise<void> {
    const controller = new AbortController();
    this.stream = controller;
    try {
      const response = await fetch(`/api/toys/${encodeURIComponent(this.deviceId)}/live`, {
        headers: adminSession.headers(),
        cache: 'no-store',
        signal: controller.signal,
      });
      if (response.status === 401) {
        adminSession.lock();
        throw new ToysApiError('Please unlock with the parent PIN again.', 401);
      }
      if (!response.ok || !response.body) {
        const problem = (await response.json().catch(() => ({}))) as { message?: unknown };
        throw new ToysApiError(
          typeof problem.message === 'string' ? problem.message : `The home server answered ${response.status}.`,
          response.status,
        );
      }
      const parser = createParser({ onEvent: (event) => this.receiveEvent(event.event, event.data) });
      this.status = 'live';
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
      if (!this.closed) this.status = 'closed';
    } catch (error) {
      if (this.closed) return;
      this.status = 'failed';
      this.problem =
        error instanceof ToysApiError
          ? error.message
          : `Could not follow the toy’s conversation: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** One event of a stock toy's stream: `presence` {online}, or `agent` {topic, message}. */
  receiveEvent(event: string | undefined, data: string): void {
    let parsed: { online?: unknown; topic?: unknown; message?: unknown };
    try {
      parsed = JSON.parse(data) as typeof parsed;
    } catch {
      return;
    }
    if (event === 'presence') this.toyOnline = parsed.online === true;
    else if (
      event === 'agent' &&
      typeof parsed.topic === 'string' &&
      parsed.message &&
      typeof parsed.message === 'object'
    )
      this.apply(parsed.message as AgentMessage, parsed.topic);
  }

  /** Applies one data message; exported behaviour is the `lines` it leaves. */
  receive(payload: Uint8Array, topic: string | undefined): void {
    let message: AgentMessage;
    try {
      message = JSON.parse(new TextDecoder().decode(payload)) as AgentMessage;
    } catch {
      return;
    }
    this.apply(message, topic);
  }

  private apply(message: AgentMessage, topic: string | undefined): void {
    if (topic !== TRANSCRIPT_TOPIC && topic !== STATE_TOPIC) return;
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
