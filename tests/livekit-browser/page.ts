// A test page around the real livekit-client: the e2e tests drive it through `window.lkPage`
// (page.evaluate) against the embedded room server. It is served by the Hearth server itself
// (as the app dir), so it runs under Hearth's real COOP/COEP/CSP.
import {
  ConnectionError,
  Room,
  RoomEvent,
  Track,
  type RemoteTrack,
  type RemoteParticipant,
  type SimulationScenario,
} from 'livekit-client';

interface Heard {
  /** RMS of the last analyser reads above the threshold, counted. */
  loudReads: number;
  reads: number;
  maxRms: number;
}

interface Received {
  from: string | undefined;
  text: string;
  topic: string | undefined;
  atMs: number;
}

let room: Room | null = null;
const heard = new Map<string, Heard>();
const received: Received[] = [];
const events: string[] = [];
let audioContext: AudioContext | null = null;

function listen(track: RemoteTrack, identity: string): void {
  // Chrome only feeds remote WebRTC audio into Web Audio while a media element plays it too.
  const element = track.attach();
  element.muted = false;
  document.body.append(element);
  audioContext ??= new AudioContext();
  const source = audioContext.createMediaStreamSource(new MediaStream([track.mediaStreamTrack]));
  const analyser = audioContext.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const buf = new Float32Array(analyser.fftSize);
  const stats: Heard = heard.get(identity) ?? { loudReads: 0, reads: 0, maxRms: 0 };
  heard.set(identity, stats);
  setInterval(() => {
    analyser.getFloatTimeDomainData(buf);
    let sum = 0;
    for (const v of buf) sum += v * v;
    const rms = Math.sqrt(sum / buf.length);
    stats.reads++;
    stats.maxRms = Math.max(stats.maxRms, rms);
    if (rms > 0.02) stats.loudReads++;
  }, 20);
}

async function join(
  url: string,
  token: string,
): Promise<
  | { ok: true; sid: string }
  | { ok: false; name: string; reason: number | undefined; status: number | undefined; message: string }
> {
  room = new Room({ adaptiveStream: false, dynacast: false });
  room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack, _pub, participant: RemoteParticipant) => {
    if (track.kind === Track.Kind.Audio) listen(track, participant.identity);
  });
  room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
    received.push({ from: participant?.identity, text: new TextDecoder().decode(payload), topic, atMs: Date.now() });
  });
  for (const e of [
    RoomEvent.Reconnecting,
    RoomEvent.Reconnected,
    RoomEvent.SignalReconnecting,
    RoomEvent.Disconnected,
    RoomEvent.ParticipantConnected,
    RoomEvent.ParticipantDisconnected,
    RoomEvent.TrackMuted,
    RoomEvent.TrackUnmuted,
    RoomEvent.TrackUnpublished,
  ]) {
    room.on(e, (...args: unknown[]) => {
      const who = args.find((a): a is RemoteParticipant => typeof a === 'object' && a !== null && 'identity' in a);
      events.push(who ? `${e}:${who.identity}` : e);
    });
  }
  try {
    await room.connect(url, token, { autoSubscribe: true });
    document.getElementById('status')!.textContent = 'connected';
    return { ok: true, sid: room.localParticipant.sid };
  } catch (err) {
    const e = err as ConnectionError;
    return { ok: false, name: e.name, reason: e.reason, status: e.status, message: e.message };
  }
}

const api = {
  join,
  async publishMic(): Promise<void> {
    // Voice processing off: noise suppression treats the steady test tone as noise and fades it
    // out within seconds, which would make "heard" depend on timing.
    await room!.localParticipant.setMicrophoneEnabled(true, {
      noiseSuppression: false,
      echoCancellation: false,
      autoGainControl: false,
    });
  },
  async setMicMuted(muted: boolean): Promise<void> {
    await room!.localParticipant.setMicrophoneEnabled(!muted);
  },
  async sendText(text: string, opts: { reliable?: boolean; to?: string[]; topic?: string } = {}): Promise<void> {
    await room!.localParticipant.publishData(new TextEncoder().encode(text), {
      reliable: opts.reliable ?? true,
      destinationIdentities: opts.to,
      topic: opts.topic,
    });
  },
  heard: (identity: string): Heard => heard.get(identity) ?? { loudReads: 0, reads: 0, maxRms: 0 },
  /** Starts counting afresh (e.g. after a reconnect). */
  resetHeard(): void {
    for (const h of heard.values()) Object.assign(h, { loudReads: 0, reads: 0, maxRms: 0 });
  },
  received: (): Received[] => received,
  events: (): string[] => events,
  state: () => ({
    state: room?.state ?? 'none',
    remotes: room ? [...room.remoteParticipants.values()].map((p) => p.identity) : [],
  }),
  simulate: (scenario: SimulationScenario) => room!.simulateScenario(scenario),
  /** The local microphone track as the page sees it (for diagnosing a silent publisher). */
  localMic: () =>
    [...(room?.localParticipant.audioTrackPublications.values() ?? [])].map((p) => ({
      sid: p.trackSid,
      muted: p.isMuted,
      readyState: p.track?.mediaStreamTrack.readyState,
      enabled: p.track?.mediaStreamTrack.enabled,
      trackMuted: p.track?.mediaStreamTrack.muted,
    })),
  async leave(): Promise<void> {
    await room?.disconnect();
  },
};

declare global {
  interface Window {
    lkPage: typeof api;
  }
}

window.lkPage = api;
document.getElementById('status')!.textContent = 'ready';
