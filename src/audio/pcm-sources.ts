// Mono PCM played as one-shot AudioBufferSourceNodes: how both Hearth's voice (PlaybackQueue) and
// text stories read aloud (WebMediaPlayer) schedule sound, and stop it all at once.

export type PcmSource = AudioBufferSourceNode & { buffer: AudioBuffer };

/** A source for `pcm` (any sample rate: the buffer keeps its own), connected to `destination`; the caller starts it. */
export function pcmSource(
  context: BaseAudioContext,
  pcm: Float32Array,
  sampleRate: number,
  destination: AudioNode,
): PcmSource {
  const buffer = context.createBuffer(1, pcm.length, sampleRate);
  buffer.copyToChannel(new Float32Array(pcm), 0);
  const source = context.createBufferSource();
  source.buffer = buffer;
  source.connect(destination);
  return source as PcmSource; // its buffer is set just above
}

/** Silences every source now (barge-in, stop) without running their onended, and forgets them. */
export function stopSources(sources: Set<AudioBufferSourceNode>): void {
  for (const source of sources) {
    source.onended = null;
    try {
      source.stop();
    } catch {
      // Never started or already stopped.
    }
    source.disconnect();
  }
  sources.clear();
}
