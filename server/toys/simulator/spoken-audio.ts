// What a simulated toy says, for both simulators (LiveKit and stock xiaozhi): a WAV file as it
// is, or text spoken with the classic flite voice, as mono PCM at the source's own rate.
import fs from 'node:fs';
import { loadClassicVoice } from '../../engines/tts-classic.ts';
import { readWavFile, type MonoPcm } from '../../agent/wav.ts';

export class SpokenAudioError extends Error {
  override name = 'SpokenAudioError';
}

/** `say` is a .wav path, or words for the classic voice; never empty audio. */
export async function spokenAudio(say: string): Promise<MonoPcm> {
  const pcm = /\.wav$/i.test(say) ? readWav(say) : await speak(say);
  if (pcm.samples.length === 0) throw new SpokenAudioError(`no audio for ${JSON.stringify(say)}`);
  return pcm;
}

function readWav(file: string): MonoPcm {
  if (!fs.existsSync(file)) throw new SpokenAudioError(`no such WAV file: ${file}`);
  return readWavFile(file);
}

async function speak(text: string): Promise<MonoPcm> {
  const voice = await loadClassicVoice(null);
  try {
    const chunks: Float32Array[] = [];
    for await (const chunk of voice.synthesize(text, {})) chunks.push(chunk);
    const samples = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
    let offset = 0;
    for (const c of chunks) {
      samples.set(c, offset);
      offset += c.length;
    }
    return { sampleRate: voice.sampleRate, samples };
  } finally {
    await voice.dispose();
  }
}
