// Hearing what a page plays, without a sound card and without app changes (TESTING.md): an
// init script wraps AudioNode.prototype.connect, and every node connected to an
// AudioDestinationNode is also fed to a ScriptProcessor that records the RMS of each block with
// its performance.now() time. The microphone side is tapped the same way (every
// createMediaStreamSource also feeds a recorder), so a test knows when the fake microphone's
// speech actually reached the page. HTMLMediaElement.play and getUserMedia are stamped too.

import type { BrowserContext, Page } from 'playwright-core';

export interface TapBlock {
  /** performance.now() in the page when the block was recorded. */
  at: number;
  rms: number;
  /** Duration of the block. */
  ms: number;
  /** Which AudioContext (several may exist). */
  context: number;
}

export interface TapRecord {
  /** Output: what reached the speakers. */
  blocks: TapBlock[];
  /** Input: what the microphone delivered to Web Audio. */
  input: TapBlock[];
  mediaPlays: { at: number; src: string }[];
  /** When each getUserMedia call resolved (the fake mic file starts playing then). */
  micOpenedAt: number[];
}

/** The init script; runs in the page before any app code. Kept self-contained (no closures). */
function installTap(): void {
  type Tapped = AudioNode & { __hearthTapped?: boolean };
  const record = { blocks: [], input: [], mediaPlays: [], micOpenedAt: [] } as TapRecord;
  (window as unknown as { __hearthTap: TapRecord }).__hearthTap = record;
  const contexts = new WeakMap<BaseAudioContext, { id: number; probe: ScriptProcessorNode }>();
  let nextId = 0;
  const originalConnect = AudioNode.prototype.connect as (this: AudioNode, ...args: unknown[]) => unknown;

  function recorder(context: BaseAudioContext, into: TapBlock[], id: number, frames: number): ScriptProcessorNode {
    const probe = context.createScriptProcessor(frames, 2, 2);
    probe.onaudioprocess = (event) => {
      const input = event.inputBuffer;
      let sum = 0;
      let count = 0;
      for (let c = 0; c < input.numberOfChannels; c++) {
        const data = input.getChannelData(c);
        for (let i = 0; i < data.length; i++) sum += (data[i] ?? 0) * (data[i] ?? 0);
        count += data.length;
      }
      into.push({
        at: performance.now(),
        rms: count ? Math.sqrt(sum / count) : 0,
        ms: (input.length / input.sampleRate) * 1000,
        context: id,
      });
      // The probe's own output stays silent.
    };
    // A ScriptProcessor only runs while connected onwards; its output is all zeros.
    originalConnect.call(probe, context.destination);
    return probe;
  }

  function probeFor(context: BaseAudioContext): ScriptProcessorNode {
    let entry = contexts.get(context);
    if (!entry) {
      const id = nextId++;
      const probe = recorder(context, record.blocks, id, 1024);
      entry = { id, probe };
      contexts.set(context, entry);
    }
    return entry.probe;
  }

  AudioNode.prototype.connect = function (this: Tapped, ...args: unknown[]) {
    const result = originalConnect.apply(this, args);
    const target = args[0];
    if (target instanceof AudioDestinationNode && !this.__hearthTapped) {
      this.__hearthTapped = true;
      originalConnect.call(this, probeFor(this.context));
    }
    return result;
  } as typeof AudioNode.prototype.connect;

  const originalCreateSource = AudioContext.prototype.createMediaStreamSource;
  AudioContext.prototype.createMediaStreamSource = function (this: AudioContext, stream: MediaStream) {
    const source = originalCreateSource.call(this, stream);
    // Small blocks: the time speech reaches the page is measured to ~16 ms at 16 kHz.
    originalConnect.call(source, recorder(this, record.input, nextId++, 256));
    return source;
  };

  const originalPlay = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    record.mediaPlays.push({ at: performance.now(), src: this.currentSrc || this.src });
    return originalPlay.call(this);
  };

  const media = navigator.mediaDevices;
  if (media?.getUserMedia) {
    const originalGum = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints?: MediaStreamConstraints) => {
      const stream = await originalGum(constraints);
      record.micOpenedAt.push(performance.now());
      return stream;
    };
  }
}

/** Installs the tap in every page of `context` (call before opening pages). */
export async function addAudioTap(context: BrowserContext): Promise<void> {
  await context.addInitScript(installTap);
}

export async function readTap(page: Page): Promise<TapRecord> {
  return page.evaluate(() => {
    const tap = (window as unknown as { __hearthTap?: TapRecord }).__hearthTap;
    if (!tap) throw new Error('audio tap is not installed: call addAudioTap(context) before opening the page');
    return {
      blocks: [...tap.blocks],
      input: [...tap.input],
      mediaPlays: [...tap.mediaPlays],
      micOpenedAt: [...tap.micOpenedAt],
    };
  });
}

/** Level above which a block counts as audible (flite speech is ~0.05–0.2 RMS; silence is 0). */
export const AUDIBLE_RMS = 0.005;

export function audibleBlocks(tap: TapRecord, from = -Infinity, to = Infinity): TapBlock[] {
  return tap.blocks.filter((b) => b.at >= from && b.at <= to && b.rms >= AUDIBLE_RMS);
}

/** Milliseconds of audible output in [from, to]. */
export function audibleMs(tap: TapRecord, from = -Infinity, to = Infinity): number {
  return audibleBlocks(tap, from, to).reduce((sum, b) => sum + b.ms, 0);
}

/** When the microphone first delivered sound at or after `from` (page time), or null. */
export function micSoundAt(tap: TapRecord, from = -Infinity, threshold = 0.01): number | null {
  return tap.input.find((b) => b.at >= from && b.rms >= threshold)?.at ?? null;
}

/**
 * Waits until the output tap has recorded `ms` of audio blocks (audible or not) after `from`: a
 * silence check then covers that much of what the speakers were given, however slowly a busy
 * machine's audio thread runs, instead of a wall-clock window.
 */
export async function waitForOutputMs(page: Page, from: number, ms: number, timeoutMs = 60_000): Promise<TapRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tap = await readTap(page);
    // Per AudioContext (each records its own blocks): the one that has run longest since the mark.
    const perContext = new Map<number, number>();
    for (const b of tap.blocks) if (b.at >= from) perContext.set(b.context, (perContext.get(b.context) ?? 0) + b.ms);
    const recorded = Math.max(0, ...perContext.values());
    if (recorded >= ms) return tap;
    if (Date.now() > deadline)
      throw new Error(`the output tap recorded only ${Math.round(recorded)} ms after the mark`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
