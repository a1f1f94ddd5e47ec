// Waiting on a simulated LiveKit toy by events and by counting what arrived, never by fixed sleeps:
// on a loaded machine the agent joins, hears and answers late, and audio frames arrive late and
// bunched, so "wait 800 ms, then speak" or "wait 1.5 s, then check it stayed quiet" fail there.
import {
  TOY_MIC_RATE,
  waitUntil,
  type ToyClient,
  type TrackRecording,
} from '../../server/toys/simulator/livekit-toy.ts';

/**
 * Waits until the agent hears the toy (its 'hearing-toy' message: the conversation is running and
 * the toy's microphone audio reaches it). Speech or typed words sent before that may be lost.
 */
export async function untilAgentHears(toy: ToyClient, timeoutMs = 90_000): Promise<void> {
  await toy.waitForMessage('the agent to hear the toy', (m) => m.type === 'hearing-toy', timeoutMs);
}

/** Milliseconds of audio (any level) that arrived on `recording` in [sinceMs, untilMs). */
export function receivedMs(recording: TrackRecording, sinceMs: number, untilMs = Infinity): number {
  let samples = 0;
  recording.levels.forEach((f, i) => {
    if (f.atMs >= sinceMs && f.atMs < untilMs) samples += recording.chunks[i]?.length ?? 0;
  });
  return (samples * 1000) / TOY_MIC_RATE;
}

/**
 * Waits until `ms` of audio (silent or not) has arrived on `recording` since `sinceMs`: the track's
 * own clock. A test that must show something did NOT play checks the audio counted up to here.
 */
export async function untilReceived(
  recording: TrackRecording,
  sinceMs: number,
  ms: number,
  what: string,
  timeoutMs = 60_000,
): Promise<void> {
  await waitUntil(`${ms} ms of ${what} to arrive`, () => receivedMs(recording, sinceMs) >= ms, timeoutMs);
}
