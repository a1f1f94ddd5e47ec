// Songs and stories for one toy conversation: the player behind the core's media tools, playing into
// the transport's media sink (a LiveKit room's media track, or a xiaozhi toy's downlink), and the glue
// to the VoiceSession: the media ducks while the child talks (so "stop" is heard) and while Hearth
// speaks, and the player's state goes to the toy as data messages.
import { MEDIA_TOOLS, type PlayerStatus } from '../../../src/core/media/index.ts';
import type { MediaAudience } from '../../../src/core/media/types.ts';
import type { TextToSpeech } from '../../../src/core/engines.ts';
import type { Persona } from '../../../src/core/prompt.ts';
import { ToolRegistry } from '../../../src/core/tools/registry.ts';
import type { Tool, ToolServices } from '../../../src/core/tools/types.ts';
import type { VoiceSession } from '../../../src/core/voice-session.ts';
import type { AgentMessage } from '../protocol.ts';
import type { AgentMediaLibrary } from './media-library.ts';
import { RoomMediaPlayer, type MediaSink, type RoomMediaPlayerState } from './room-media-player.ts';

export interface AgentMediaOptions {
  library: AgentMediaLibrary;
  /** Where the media plays: the room's media track (media-track.ts) or another transport's. */
  sink: MediaSink & { close(): Promise<void> };
  /** The agent's voice, which also reads text stories. */
  voice: TextToSpeech;
  /** The persona's voice and rate, read when a text story starts. */
  voiceOptions?: () => { voice?: string; rate?: number };
  /** The listeners' ages and language, to filter what plays (a function is read at every search). */
  audience?: MediaAudience | (() => MediaAudience);
}

export class AgentMedia {
  readonly sink: MediaSink & { close(): Promise<void> };
  readonly player: RoomMediaPlayer;
  readonly tools: readonly Tool[] = MEDIA_TOOLS;
  readonly services: ToolServices;
  private readonly unsubscribe: (() => void)[] = [];
  private lastStatus: PlayerStatus = 'idle';

  constructor(options: AgentMediaOptions) {
    this.sink = options.sink;
    this.player = new RoomMediaPlayer({
      library: options.library,
      sink: options.sink,
      voice: options.voice,
      ...(options.voiceOptions ? { voiceOptions: options.voiceOptions } : {}),
    });
    this.services = { mediaPlayer: this.player, catalog: options.library.catalog, ...(options.audience ? { mediaAudience: options.audience } : {}) };
  }

  /** Ducks with the conversation and reports the player's state through `send`. */
  follow(session: VoiceSession, send: (message: AgentMessage) => void): void {
    this.unsubscribe.push(
      session.on('state', ({ state }) => {
        this.player.duck('listening', state === 'userSpeaking');
        this.player.duck('speaking', state === 'speaking');
      }),
      this.player.onChange((state) => {
        // Ducking with nothing playing is nobody's business.
        if (state.status === 'idle' && this.lastStatus === 'idle') return;
        this.lastStatus = state.status;
        send(mediaMessage(state));
      }),
    );
  }

  async close(): Promise<void> {
    for (const off of this.unsubscribe.splice(0)) off();
    this.player.dispose();
    await this.sink.close();
  }
}

function mediaMessage(state: RoomMediaPlayerState): AgentMessage {
  return {
    type: 'media',
    status: state.status,
    itemId: state.current?.id ?? null,
    title: state.current?.title ?? null,
    kind: state.current?.kind ?? null,
    volume: state.volume,
    ducked: state.ducked,
    error: state.error,
  };
}

/** The media tools added to the conversation's registry (which may filter them by persona), or a registry of their own. */
export function withMediaTools(registry: ToolRegistry | undefined, tools: readonly Tool[]): ToolRegistry {
  if (!registry) return new ToolRegistry(tools);
  for (const tool of tools) if (!registry.get(tool.name)) registry.register(tool);
  return registry;
}

/** The persona's voice and rate, for text stories read aloud. */
export function speechStyleOf(persona: Persona): { voice?: string; rate?: number } {
  return { ...(persona.voice ? { voice: persona.voice } : {}), ...(persona.speakingRate ? { rate: persona.speakingRate } : {}) };
}
