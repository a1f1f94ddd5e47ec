/** What the room server needs from each m-section of a client's SDP. */
export interface MediaSection {
  kind: string;
  mid: string;
  direction: 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';
  /** msid track id; livekit clients use their track cid there. */
  trackId: string | null;
  rejected: boolean;
}

export function mediaSections(sdp: string): MediaSection[] {
  const parts = sdp.split(/\r?\nm=/).slice(1);
  return parts.map((part) => {
    const lines = part.split(/\r?\n/);
    const [kind = '', port = '0'] = (lines[0] ?? '').split(' ');
    let mid = '';
    let direction: MediaSection['direction'] = 'sendrecv';
    let trackId: string | null = null;
    for (const line of lines) {
      if (line.startsWith('a=mid:')) mid = line.slice(6).trim();
      else if (/^a=(sendrecv|sendonly|recvonly|inactive)$/.test(line))
        direction = line.slice(2) as MediaSection['direction'];
      else if (line.startsWith('a=msid:')) trackId = line.slice(7).trim().split(' ')[1] ?? null;
    }
    return { kind, mid, direction, trackId, rejected: port === '0' };
  });
}

/** Track ids the client is currently sending media for. */
export function sendingTrackIds(sdp: string): Set<string> {
  const ids = new Set<string>();
  for (const s of mediaSections(sdp)) {
    if (!s.rejected && s.trackId && (s.direction === 'sendonly' || s.direction === 'sendrecv')) ids.add(s.trackId);
  }
  return ids;
}

/**
 * werift writes every inactive m-line with port 0 (rejected) yet keeps it in the BUNDLE group.
 * libwebrtc refuses such an offer when the rejected section is the group's first ("BUNDLE tag"),
 * and then every later one. Our inactive sections are paused, not rejected: give them the
 * discard port 9 like any bundled section.
 */
export function unrejectInactiveSections(sdp: string): string {
  const [head = '', ...sections] = sdp.split('\r\nm=');
  return [
    head,
    ...sections.map((section) =>
      /\r\na=inactive(\r\n|$)/.test(section) ? section.replace(/^(\w+) 0 /, '$1 9 ') : section,
    ),
  ].join('\r\nm=');
}
