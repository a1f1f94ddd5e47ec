// The monitoring notice plays its chime and its words as one stretch of audio: the chime waits for
// all the words' audio, so a toy's playback never ends between the two (a xiaozhi toy would go
// back to listening there, and hear only the end of what the child says next). The speech engine
// here is a stand-in whose synthesis the test finishes by hand: what is under test is the order.
import { describe, expect, it } from 'vitest';
import { MonitoringNotice, monitoringCue } from '../../../server/agent/monitoring-notice.ts';
import type { AudioOutput, TextToSpeech } from '../../../src/core/engines.ts';
import type { AgentMessage } from '../../../server/agent/protocol.ts';

function heldSpeech(): { tts: TextToSpeech; finish: (pcm: Float32Array) => void } {
  let finish: (pcm: Float32Array) => void = () => undefined;
  const ready = new Promise<Float32Array>((resolve) => (finish = resolve));
  return {
    tts: {
      sampleRate: 22050,
      async *synthesize() {
        yield await ready;
      },
    },
    finish: (pcm) => finish(pcm),
  };
}

function recordingOutput(): AudioOutput & { played: { length: number; rate: number }[] } {
  const played: { length: number; rate: number }[] = [];
  return {
    played,
    enqueue: (pcm, rate) => played.push({ length: pcm.length, rate }),
    flush: () => undefined,
    whenIdle: () => Promise.resolve(),
  };
}

describe('monitoring notice', () => {
  it('plays the chime only once the words are ready, then the words right after it, in one go', async () => {
    const speech = heldSpeech();
    const output = recordingOutput();
    const sent: AgentMessage[] = [];
    const notice = new MonitoringNotice({
      tts: speech.tts,
      output,
      speech: () => ({ voice: 'test', rate: 1 }),
      childAge: () => 6,
      state: () => 'listening',
      onState: () => () => undefined,
      send: (m) => sent.push(m),
      log: () => undefined,
    });
    notice.watch();
    // The message goes out at once; no audio while the words are still being synthesized.
    expect(sent.map((m) => m.type)).toEqual(['monitoring']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(output.played).toEqual([]);

    speech.finish(new Float32Array(4410));
    await notice.idle();
    const cue = monitoringCue('start');
    expect(output.played).toEqual([
      { length: cue.pcm.length, rate: cue.sampleRate },
      { length: 4410, rate: 22050 },
    ]);
  });

  it('closed mid-synthesis, plays nothing and ends the synthesis instead of leaving it suspended', async () => {
    let releaseSecond: (pcm: Float32Array) => void = () => undefined;
    const second = new Promise<Float32Array>((resolve) => (releaseSecond = resolve));
    let waitingForSecond = false;
    let synthesisEnded = false;
    const tts: TextToSpeech = {
      sampleRate: 22050,
      async *synthesize() {
        try {
          yield new Float32Array(100);
          waitingForSecond = true;
          yield await second;
          yield new Float32Array(300);
        } finally {
          synthesisEnded = true;
        }
      },
    };
    const output = recordingOutput();
    const notice = new MonitoringNotice({
      tts,
      output,
      speech: () => ({ voice: 'test', rate: 1 }),
      childAge: () => 6,
      state: () => 'listening',
      onState: () => () => undefined,
      send: () => undefined,
      log: () => undefined,
    });
    notice.watch();
    while (!waitingForSecond) await new Promise((resolve) => setImmediate(resolve));
    notice.close();
    releaseSecond(new Float32Array(200));
    await notice.idle();
    expect(output.played).toEqual([]);
    expect(synthesisEnded).toBe(true);
  });
});
