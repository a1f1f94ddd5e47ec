// The server's one place that runs conversations for stock xiaozhi toys, whatever carries them
// (the WebSocket transport here, MQTT+UDP in mqtt/). One session per toy: a toy that reconnects
// replaces its old session; a deleted, re-credentialed or switched toy is closed at once.
//
// Why the session is handed to the agent's conversation directly rather than bridged into the
// toy's LiveKit room: the xiaozhi link already carries Opus, so a bridge would decode it, re-encode
// it for WebRTC, send it through the room server to the agent, which decodes it again, and the same
// back down: two more codec passes, a jitter buffer and a WebRTC peer per toy on a 2-core box, for
// nothing the toy can use. Handing the device's decoded audio to the same ToyConversation the room
// agent runs keeps one agent path (persona, memory, guard, limits, media, history, usage are the
// same code) without that cost. What a room would add, a parent watching the live transcript, comes
// from the session itself here (live-watchers.ts, served by live-routes.ts).
import type { AgentEngines } from '../../agent/agent-session.ts';
import type { AgentMediaLibrary } from '../../agent/media/media-library.ts';
import type { ToyContext } from '../../agent/toy-context.ts';
import type { XiaozhiChannel, XiaozhiSessions } from './channel.ts';
import { LiveWatchers, type LiveListener } from './live-watchers.ts';
import { hearthDeviceId } from './mac.ts';
import type { ToyTransportRepository } from './toy-transports.ts';
import { XiaozhiSession, type XiaozhiLog } from './xiaozhi-session.ts';

export interface XiaozhiSessionManagerOptions {
  engines: () => Promise<AgentEngines>;
  toyContext: (deviceId: string, engines: AgentEngines) => ToyContext;
  transports: ToyTransportRepository;
  media?: AgentMediaLibrary;
  log: XiaozhiLog;
  version: string;
  helloTimeoutMs?: number;
}

export class XiaozhiSessionManager implements XiaozhiSessions {
  private readonly sessions = new Map<string, XiaozhiSession>();
  private readonly live = new LiveWatchers();
  private disposed = false;

  constructor(private readonly opts: XiaozhiSessionManagerOptions) {}

  attach(channel: XiaozhiChannel): void {
    let deviceId: string;
    try {
      deviceId = hearthDeviceId(channel.deviceId);
    } catch {
      channel.close('the device id is not a MAC address');
      return;
    }
    if (this.disposed) {
      channel.close('Hearth is stopping');
      return;
    }
    if (!this.opts.transports.get(deviceId)) {
      this.opts.log('warn', 'xiaozhi connection from a toy that is not paired', {
        toy: deviceId,
        transport: channel.transport,
      });
      channel.close('this toy is not paired with Hearth');
      return;
    }
    this.sessions.get(deviceId)?.close('replaced by a new connection from the same toy');
    const session = new XiaozhiSession(channel, deviceId, {
      engines: this.opts.engines,
      toyContext: this.opts.toyContext,
      log: this.opts.log,
      version: this.opts.version,
      ...(this.opts.media ? { media: this.opts.media } : {}),
      ...(this.opts.helloTimeoutMs !== undefined ? { helloTimeoutMs: this.opts.helloTimeoutMs } : {}),
    });
    this.sessions.set(deviceId, session);
    this.live.sessionStarted(deviceId, session);
    session.onClosed(() => {
      if (this.sessions.get(deviceId) !== session) return;
      this.sessions.delete(deviceId);
      this.live.sessionEnded(deviceId);
    });
    this.opts.transports.seen(deviceId, {});
  }

  closeDevice(deviceId: string, reason: string): void {
    let id: string;
    try {
      id = hearthDeviceId(deviceId);
    } catch {
      return;
    }
    this.sessions.get(id)?.close(reason);
  }

  isOnline(deviceId: string): boolean {
    const session = this.sessions.get(deviceId);
    return session !== undefined && !session.isClosed;
  }

  /** How many parents read a toy's live transcript now. */
  watcherCount(deviceId: string): number {
    return this.live.count(deviceId);
  }

  /**
   * A parent reads the toy's conversation live: `listener` hears whether the toy is connected, then
   * every message its companion sends, across reconnects, until the returned call.
   */
  watch(deviceId: string, listener: LiveListener): () => void {
    return this.live.watch(deviceId, listener, this.sessions.get(deviceId));
  }

  /** The live session of a toy (tests, stats). */
  session(deviceId: string): XiaozhiSession | undefined {
    return this.sessions.get(deviceId);
  }

  dispose(): void {
    this.disposed = true;
    for (const session of this.sessions.values()) session.close('Hearth is stopping');
    this.sessions.clear();
  }
}
