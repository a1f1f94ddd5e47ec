import { RTCPeerConnection, RTCRtpCodecParameters, useSdesMid } from 'werift';

/**
 * Which local addresses the room server's WebRTC may use. Media stays on the home network:
 * no STUN or TURN host is ever contacted (`iceServers: []`), and only the addresses Hearth
 * listens on are offered as candidates.
 */
export interface IceBinding {
  /** Bind every ICE socket to this address (Hearth's --host), or null for all interfaces. */
  bindAddress: string | null;
  /** Extra host candidates werift would not find itself (it skips loopback). */
  extraHostAddresses: string[];
  /** Candidate addresses we may advertise, or null for any. */
  advertised: ReadonlySet<string> | null;
}

export function iceBindingForHost(host: string): IceBinding {
  if (host === '0.0.0.0' || host === '::' || host === '') {
    // Every LAN interface, plus loopback so a browser on the home box itself can connect.
    return { bindAddress: null, extraHostAddresses: ['127.0.0.1'], advertised: null };
  }
  const address = host === 'localhost' ? '127.0.0.1' : host;
  return { bindAddress: address, extraHostAddresses: [address], advertised: new Set([address]) };
}

// Opus only is forwarded; VP8 is listed so a client's recvonly video m-line still negotiates
// (werift fails the whole description with "negotiate codecs failed" otherwise).
const OPUS_PT = 111;

export function createPeerConnection(binding: IceBinding): RTCPeerConnection {
  return new RTCPeerConnection({
    iceServers: [],
    iceUseIpv4: true,
    iceUseIpv6: false,
    iceInterfaceAddresses: binding.bindAddress ? { udp4: binding.bindAddress } : undefined,
    iceAdditionalHostAddresses: binding.extraHostAddresses,
    codecs: {
      audio: [
        new RTCRtpCodecParameters({
          mimeType: 'audio/opus',
          clockRate: 48000,
          channels: 2,
          payloadType: OPUS_PT,
          parameters: 'minptime=10;useinbandfec=1',
        }),
      ],
      video: [new RTCRtpCodecParameters({ mimeType: 'video/VP8', clockRate: 90000, payloadType: 96 })],
    },
    headerExtensions: { audio: [useSdesMid()], video: [useSdesMid()] },
  });
}

/** Whether an `a=candidate`/candidate string names an address we may advertise. */
export function candidateAdvertised(binding: IceBinding, candidate: string): boolean {
  if (!binding.advertised) return true;
  // candidate:<foundation> <component> <transport> <priority> <address> <port> typ ...
  const address = candidate.replace(/^a=/, '').split(' ')[4];
  return address !== undefined && binding.advertised.has(address);
}

export function filterSdpCandidates(binding: IceBinding, sdp: string): string {
  if (!binding.advertised) return sdp;
  return sdp
    .split('\r\n')
    .filter((line) => !line.startsWith('a=candidate:') || candidateAdvertised(binding, line))
    .join('\r\n');
}
