// The catalog's streaming WAV decoder: the core's one WAV reader (src/core/audio/wav.ts) behind the
// StreamingDecoder interface every ingest decoder shares, so a large WAV is never held whole.
import { WavFormatError, WavStreamReader } from '../../../src/core/audio/wav.ts';
import { EMPTY_CHUNK, type PcmChunk, type StreamingDecoder } from './pcm-chunk.ts';

export { WavFormatError };

export class WavDecoder implements StreamingDecoder {
  private readonly reader = new WavStreamReader();

  async decode(bytes: Uint8Array): Promise<PcmChunk> {
    const { channelData, frames, sampleRate } = this.reader.push(bytes);
    return frames === 0 && channelData.length === 0 ? EMPTY_CHUNK : { channelData, samplesDecoded: frames, sampleRate };
  }

  async flush(): Promise<PcmChunk> {
    this.reader.end();
    return EMPTY_CHUNK;
  }

  free(): void {}
}
