import type { RTCIceCandidate, RTCPeerConnection } from 'werift';
import { candidateAdvertised, type IceBinding } from './peer-connection-factory.ts';

/** Trickle payload both SDKs accept: the Rust core unwraps sdpMid and sdpMLineIndex, so both are always set. */
export function candidateInitJson(candidate: RTCIceCandidate): string {
  return JSON.stringify({
    candidate: candidate.candidate,
    sdpMid: candidate.sdpMid ?? '0',
    sdpMLineIndex: candidate.sdpMLineIndex ?? 0,
    usernameFragment: candidate.usernameFragment ?? null,
  });
}

/** Calls `send` with each local candidate we may advertise, as trickle JSON. */
export function forwardLocalCandidates(
  pc: RTCPeerConnection,
  binding: IceBinding,
  send: (candidateInit: string) => void,
): void {
  pc.onIceCandidate.subscribe((candidate) => {
    if (!candidate?.candidate || !candidateAdvertised(binding, candidate.candidate)) return;
    send(candidateInitJson(candidate));
  });
}

/**
 * libwebrtc labels every candidate "generation 0", even after an ICE restart. werift counts its own
 * generations and refuses to nominate a pair whose remote candidate is from another generation, so
 * after a restart (every client resume) it would never pick a pair and could not send. Candidates
 * without the label are accepted for the current generation.
 */
export function withoutGeneration(candidateOrSdp: string): string {
  return candidateOrSdp.replace(/ generation \d+/g, '');
}

/** Adds a client's trickled candidate; unusable ones (mDNS names werift cannot resolve) are skipped. */
export async function addRemoteCandidate(pc: RTCPeerConnection, candidateInit: string): Promise<void> {
  let init: { candidate?: string; sdpMid?: string | null; sdpMLineIndex?: number | null };
  try {
    init = JSON.parse(candidateInit) as typeof init;
  } catch {
    return;
  }
  if (!init.candidate) return;
  try {
    await pc.addIceCandidate({
      candidate: withoutGeneration(init.candidate),
      sdpMid: init.sdpMid ?? undefined,
      sdpMLineIndex: init.sdpMLineIndex ?? undefined,
    });
  } catch {
    // peer-reflexive discovery still finds the path when a host candidate cannot be used
  }
}
