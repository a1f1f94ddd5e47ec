// What every streaming decoder here returns for each piece of input: planar Float32 samples.
export interface PcmChunk {
  channelData: Float32Array[];
  samplesDecoded: number;
  sampleRate: number;
}

/** One file's decoder, fed the file piece by piece; `flush` returns what is held back at the end. */
export interface StreamingDecoder {
  decode(bytes: Uint8Array): Promise<PcmChunk>;
  flush(): Promise<PcmChunk>;
  free(): void;
}

export const EMPTY_CHUNK: PcmChunk = Object.freeze({ channelData: [], samplesDecoded: 0, sampleRate: 0 }) as PcmChunk;
