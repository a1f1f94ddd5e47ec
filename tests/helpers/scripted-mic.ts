// A microphone the test speaks into when it chooses, instead of Chromium's fake-capture file that
// plays on its own clock. An init script replaces getUserMedia with a Web Audio stream
// (MediaStreamAudioDestinationNode: silence until something is played into it); the test calls
// `say()` with a WAV's samples at the moment its scenario needs them (e.g. once Hearth is heard
// speaking), so no utterance depends on how fast the machine got there.

import type { BrowserContext, Page } from 'playwright-core';
import { readWav } from './utterance.ts';

interface ScriptedMic {
  say(samples: number[], sampleRate: number): Promise<void>;
}

/** The init script; runs in the page before any app code. Kept self-contained (no closures). */
function installScriptedMic(): void {
  let mic: { context: AudioContext; destination: MediaStreamAudioDestinationNode } | null = null;
  const open = () => {
    if (!mic) {
      const context = new AudioContext();
      mic = { context, destination: context.createMediaStreamDestination() };
    }
    return mic;
  };
  const media = navigator.mediaDevices;
  if (!media) return;
  media.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    if (!constraints?.audio) throw new DOMException('the scripted microphone has audio only', 'NotFoundError');
    const { context, destination } = open();
    await context.resume();
    // A clone per call: the app stops its tracks when it lets the microphone go.
    return new MediaStream(destination.stream.getAudioTracks().map((track) => track.clone()));
  };
  const scripted: ScriptedMic = {
    say(samples, sampleRate) {
      const { context, destination } = open();
      const buffer = context.createBuffer(1, samples.length, sampleRate);
      buffer.copyToChannel(Float32Array.from(samples), 0);
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(destination);
      return new Promise<void>((resolve) => {
        source.onended = () => resolve();
        source.start();
      });
    },
  };
  (window as unknown as { __hearthMic: ScriptedMic }).__hearthMic = scripted;
}

/** Replaces the microphone in every page of `context` (call before opening pages). */
export async function addScriptedMic(context: BrowserContext): Promise<void> {
  await context.addInitScript(installScriptedMic);
}

/**
 * Plays a mono WAV into the page's microphone; resolves once its last sample has been delivered.
 * (The samples are read as mono: readWav mixes channels down.)
 */
export async function sayIntoMic(page: Page, wavFile: string): Promise<void> {
  const { samples, sampleRate } = readWav(wavFile);
  await page.evaluate(
    ([data, rate]) => {
      const mic = (window as unknown as { __hearthMic?: ScriptedMic }).__hearthMic;
      if (!mic) throw new Error('the scripted microphone is not installed: call addScriptedMic(context) first');
      return mic.say(data, rate);
    },
    [Array.from(samples), sampleRate] as const,
  );
}
