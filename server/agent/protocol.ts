// What the agent says in a toy's room besides audio: reliable JSON data messages, each with `type`.

export const AGENT_IDENTITY = 'hearth-agent';
export const TRANSCRIPT_TOPIC = 'hearth.transcript';
export const STATE_TOPIC = 'hearth.state';
export const METRICS_TOPIC = 'hearth.metrics';

export type AgentMessage =
  | { type: 'transcript'; role: 'user' | 'agent'; turnId: string; text: string; final: boolean }
  | { type: 'state'; state: string }
  | { type: 'metrics'; metrics: Record<string, unknown> }
  | { type: 'error'; stage: string; message: string };
