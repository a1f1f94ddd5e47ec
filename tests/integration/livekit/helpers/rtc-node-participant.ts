import {
  AudioFrame,
  AudioSource,
  AudioStream,
  dispose,
  LocalAudioTrack,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  type RemoteParticipant,
  type RemoteTrack,
} from '@livekit/rtc-node';
import { rms, toneFrame } from './tone.ts';

export interface ReceivedData {
  from: string | undefined;
  text: string;
  topic: string | undefined;
  atMs: number;
}

/**
 * A real @livekit/rtc-node participant for tests: joins, publishes a tone as its microphone,
 * decodes what it hears (RMS per 10 ms frame, per remote identity) and records data packets.
 */
export class RtcNodeParticipant {
  readonly room = new Room();
  readonly data: ReceivedData[] = [];
  /** Decoded audio levels heard from each remote identity. */
  readonly levels = new Map<string, number[]>();
  /** Room events as "event" or "event:identity", in order. */
  readonly events: string[] = [];
  private source: AudioSource | null = null;
  private publishedSid: string | null = null;
  private toneRunning = false;
  private readers: ReadableStreamDefaultReader<AudioFrame>[] = [];

  constructor(readonly identity: string) {
    this.room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      this.data.push({ from: participant?.identity, text: new TextDecoder().decode(payload), topic, atMs: Date.now() });
    });
    this.room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _pub, participant: RemoteParticipant) => {
      if (track.kind === TrackKind.KIND_AUDIO) void this.listen(track, participant.identity);
    });
    this.room.on(RoomEvent.ParticipantConnected, (p) => this.events.push(`participantConnected:${p.identity}`));
    this.room.on(RoomEvent.ParticipantDisconnected, (p) => this.events.push(`participantDisconnected:${p.identity}`));
    this.room.on(RoomEvent.TrackUnpublished, (_pub, p) => this.events.push(`trackUnpublished:${p.identity}`));
    this.room.on(RoomEvent.TrackMuted, (_pub, p) => this.events.push(`trackMuted:${p.identity}`));
    this.room.on(RoomEvent.TrackUnmuted, (_pub, p) => this.events.push(`trackUnmuted:${p.identity}`));
    this.room.on(RoomEvent.Reconnecting, () => this.events.push('reconnecting'));
    this.room.on(RoomEvent.Reconnected, () => this.events.push('reconnected'));
    this.room.on(RoomEvent.Disconnected, () => this.events.push('disconnected'));
  }

  async connect(url: string, token: string): Promise<void> {
    await this.room.connect(url, token, { autoSubscribe: true, dynacast: false });
  }

  /** Publishes a continuous tone as the microphone until `stopTone()`. */
  async publishTone(hz = 440): Promise<void> {
    this.source = new AudioSource(48000, 1, 200);
    const track = LocalAudioTrack.createAudioTrack('mic', this.source);
    const publication = await this.room.localParticipant!.publishTrack(
      track,
      new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }),
    );
    this.publishedSid = publication.sid ?? null;
    this.toneRunning = true;
    void (async () => {
      for (let i = 0; this.toneRunning && this.source; i++) {
        const samples = toneFrame(i, { hz });
        await this.source.captureFrame(new AudioFrame(samples, 48000, 1, samples.length)).catch(() => {});
      }
    })();
  }

  async unpublishTone(): Promise<void> {
    if (this.publishedSid) await this.room.localParticipant!.unpublishTrack(this.publishedSid);
    this.publishedSid = null;
    this.stopTone();
  }

  /** Levels heard from `identity` since index `from` (to check audio after some event). */
  loudFramesSince(identity: string, from: number, threshold = 0.05): number {
    return (this.levels.get(identity) ?? []).slice(from).filter((l) => l > threshold).length;
  }

  heardCount(identity: string): number {
    return this.levels.get(identity)?.length ?? 0;
  }

  stopTone(): void {
    this.toneRunning = false;
  }

  async sendText(text: string, opts: { reliable?: boolean; to?: string[]; topic?: string } = {}): Promise<void> {
    await this.room.localParticipant!.publishData(new TextEncoder().encode(text), {
      reliable: opts.reliable ?? true,
      destination_identities: opts.to,
      topic: opts.topic,
    });
  }

  /** Frames heard from `identity` louder than `threshold` (a tone at 0.3 decodes to ~0.2 RMS). */
  loudFrames(identity: string, threshold = 0.05): number {
    return (this.levels.get(identity) ?? []).filter((l) => l > threshold).length;
  }

  async disconnect(): Promise<void> {
    this.stopTone();
    for (const r of this.readers) await r.cancel().catch(() => {});
    await this.room.disconnect().catch(() => {});
    await this.source?.close().catch(() => {});
    this.source = null;
  }

  private async listen(track: RemoteTrack, identity: string): Promise<void> {
    const reader = new AudioStream(track, 48000, 1).getReader();
    this.readers.push(reader);
    const levels = this.levels.get(identity) ?? [];
    this.levels.set(identity, levels);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        levels.push(rms(value.data));
      }
    } catch {
      // stream ends with the track
    }
  }
}

/** rtc-node keeps a native FFI handle alive: release it at the end of a test file or Node never exits. */
export async function disposeRtcNode(): Promise<void> {
  await dispose();
}

export async function waitFor(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
