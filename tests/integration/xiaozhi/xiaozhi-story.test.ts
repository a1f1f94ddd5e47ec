// Songs and stories on a stock xiaozhi toy, through the real server and the starter library: the toy
// asks for "the story about the tortoise and the hare" (as text on `listen detect`, the way companion
// apps send words: the contract Whisper can only ever hear "Tell me a story." or "Stop."), the story
// streams down the WebSocket as Opus after the companion's intro, and a spoken "Stop it." stops it.
// The toy keeps its mic open while it plays (realtime mode) and cancels its own echo on the board
// (no `features.aec`), as firmware built with CONFIG_USE_DEVICE_AEC does.
import { describe, expect, it } from 'vitest';
import { WHISPER_SHORT_PHRASE } from '../../../scripts/contract-models/whisper.ts';
import { useToyServer } from '../agent/toy-server.ts';
import { connectToy, pairToy } from './xiaozhi-harness.ts';

const TITLE = 'The Tortoise and the Hare';

describe('xiaozhi toy: a story from the library, then "stop"', () => {
  const toys = useToyServer();

  it('plays the tortoise and the hare as Opus and stops it when the child says stop', async () => {
    const paired = await pairToy(toys.toyServer.server.url, toys.toyServer.householdKey, { name: 'Story bear' });
    const toy = await connectToy(paired, { mode: 'realtime', lines: toys.lines, name: 'story' });
    try {
      const askedAt = Date.now();
      toy.wakeWord('play the story about the tortoise and the hare');
      const title = await toy.waitForMessage(
        'the story to start',
        (m) => m.type === 'tts' && m.state === 'sentence_start' && m.text === TITLE,
        120_000,
        askedAt,
      );
      await toy.waitForMessage(
        'the intro',
        (m) => m.type === 'tts' && m.state === 'sentence_start' && m.text === `Here's a story: ${TITLE}.`,
        60_000,
        askedAt,
      );
      // Seconds of the story arrive as Opus that decodes to sound (80 frames of 60 ms: longer than the intro).
      await toy.waitUntil('five seconds of the story', () => toy.heard.audibleFrames(title.atMs) >= 80, 90_000);

      const said = await toy.say('Stop it.');
      const heard = await toy.waitForMessage('"stop" to be heard', (m) => m.type === 'stt', 60_000, said.startedAt);
      expect(heard.message.text).toBe(WHISPER_SHORT_PHRASE.trim());
      // tts stop comes only once the player is idle and everything sent has played out.
      const stop = await toy.waitForMessage(
        'tts stop',
        (m) => m.type === 'tts' && m.state === 'stop',
        60_000,
        heard.atMs,
      );
      // Between the stop command and tts stop only "Okay, stopped." and what was in flight: a few
      // seconds at most, counted in frames (the rest of the story would be minutes).
      const afterStop = toy.heard.frames.filter((f) => f.atMs >= heard.atMs && f.atMs <= stop.atMs).length;
      expect(afterStop).toBeLessThan(60);
      expect(
        toy
          .received('tts', heard.atMs)
          .some((m) => m.message.state === 'sentence_start' && m.message.text === 'Okay, stopped.'),
      ).toBe(true);
      // The toy went back to listening (it drops any audio that arrives now).
      expect(toy.state).toBe('listening');
    } catch (error) {
      throw new Error(
        `${String(error)}\n${toys.lines.join('\n')}\nserver:\n${toys.toyServer.server.output().slice(-3000)}`,
        { cause: error },
      );
    } finally {
      toy.close();
    }
  }, 300_000);
});
