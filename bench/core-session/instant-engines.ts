// Zero-latency engines for measuring what src/core itself costs. They are not Hearth's engines:
// the point is that any time the benchmark sees beyond these calls is the session's own overhead.
import type {
  AudioOutput,
  ChatChunk,
  ChatModel,
  ChatRequest,
  SpeechToText,
  SynthesizeOptions,
  TextToSpeech,
  Transcript,
  Vad,
} from '../../src/core/index.ts';

/** Speech probability is read from the frame's first sample, so the bench scripts the VAD. */
export class InstantScriptedVad implements Vad {
  readonly frameSamples = 512;
  async process(frame: Float32Array): Promise<number> {
    return frame[0] ?? 0;
  }
  reset(): void {}
}

export class InstantSpeechToText implements SpeechToText {
  constructor(private readonly text: string) {}
  async transcribe(): Promise<Transcript> {
    return { text: this.text };
  }
}

/** Streams a fixed reply word by word, like an LLM's token stream. */
export class InstantChatModel implements ChatModel {
  constructor(private readonly reply: string) {}
  async *stream(req: ChatRequest): AsyncIterable<ChatChunk> {
    const words = this.reply.split(/(?<= )/);
    for (const w of words) {
      if (req.signal?.aborted) return;
      yield { type: 'text', text: w };
    }
    yield { type: 'done', usage: { completionTokens: words.length } };
  }
}

/** One chunk of 100 ms of silence per sentence. */
export class InstantTextToSpeech implements TextToSpeech {
  readonly sampleRate = 16000;
  private readonly chunk = new Float32Array(1600);
  async *synthesize(_text: string, _opts: SynthesizeOptions): AsyncIterable<Float32Array> {
    yield this.chunk;
  }
}

export class TimestampingOutput implements AudioOutput {
  firstEnqueueAt: number | null = null;
  enqueue(): void {
    this.firstEnqueueAt ??= performance.now();
  }
  flush(): void {}
  async whenIdle(): Promise<void> {}
}
