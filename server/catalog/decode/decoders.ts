// One fresh streaming decoder per file, chosen by what the file's first bytes say it is. Each call
// gets its own instance (audio-decode shares one per format), so decodes can run side by side.
import { FLACDecoder } from '@wasm-audio-decoders/flac';
import { OggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import { MPEGDecoder } from 'mpg123-decoder';
import { OggOpusDecoder } from 'ogg-opus-decoder';
import type { AudioContainer } from '../sniff-audio.ts';
import { EMPTY_CHUNK, type PcmChunk, type StreamingDecoder } from './pcm-chunk.ts';
import { WavDecoder } from './wav-decoder.ts';

export class UnsupportedCodecError extends Error {
  override name = 'UnsupportedCodecError';
}

/** Which codec an Ogg file carries, from its first page. */
export function oggCodec(head: Uint8Array): 'opus' | 'vorbis' | 'flac' | null {
  const text = Buffer.from(head.subarray(0, 512)).toString('latin1');
  if (text.includes('OpusHead')) return 'opus';
  if (text.includes('\x01vorbis')) return 'vorbis';
  if (text.includes('\x7fFLAC')) return 'flac';
  return null;
}

export async function createDecoder(container: AudioContainer, head: Uint8Array): Promise<StreamingDecoder> {
  switch (container) {
    case 'wav':
      return new WavDecoder();
    case 'flac':
      return ready(new FLACDecoder());
    case 'mp3': {
      const mpeg = new MPEGDecoder();
      await mpeg.ready;
      return { decode: async (bytes) => mpeg.decode(bytes), flush: async () => EMPTY_CHUNK, free: () => mpeg.free() };
    }
    case 'ogg': {
      const codec = oggCodec(head);
      if (codec === 'flac') return ready(new FLACDecoder());
      if (codec === 'vorbis') return ready(new OggVorbisDecoder());
      if (codec === 'opus') {
        const opus = new OggOpusDecoder();
        await opus.ready;
        return { decode: async (bytes) => opus.decode(bytes), flush: () => opus.flush(), free: () => opus.free() };
      }
      throw new UnsupportedCodecError('its Ogg stream is not Opus, Vorbis or FLAC');
    }
    case 'm4a':
      throw new UnsupportedCodecError('AAC (.m4a) audio cannot be decoded on the server');
  }
}

async function ready<
  T extends {
    ready: Promise<void>;
    decode(b: Uint8Array): Promise<PcmChunk>;
    flush(): Promise<PcmChunk>;
    free(): void;
  },
>(decoder: T): Promise<StreamingDecoder> {
  await decoder.ready;
  return { decode: (bytes) => decoder.decode(bytes), flush: () => decoder.flush(), free: () => decoder.free() };
}
