// Songs and stories on a toy, end to end through the real server and its embedded room server:
// the agent searches the starter library, streams the item into the room on its media track
// (separate from its voice), says what it is about to play, ducks the media while the child talks,
// and stops on "stop". The toy is the simulator's ToyClient (rtc-node) in this process.
// Speech goes through the contract Whisper pack, which hears a short word as "Stop." and longer
// speech as "Tell me a story.", so the story test is spoken end to end ("Stop it." included);
// requests that need other words ("play twinkle twinkle") come as the toy's typed input.
import { describe, expect, it } from 'vitest';
import { waitUntil, type ToyMessage } from '../../../server/toys/simulator/livekit-toy.ts';
import type { AgentMessage } from '../../../server/agent/protocol.ts';
import { untilAgentHears, untilReceived } from '../../helpers/toy-waits.ts';
import { useToyServer } from './toy-server.ts';

type MediaMessage = Extract<AgentMessage, { type: 'media' }> & ToyMessage;
const isMedia = (m: ToyMessage): m is MediaMessage => m.type === 'media';

describe('toy media: library items streamed into the room', () => {
  const toys = useToyServer();

  it('a spoken story request plays the story at the toy; a spoken "stop" silences it', async () => {
    const toy = await toys.connect('Story bear');
    try {
      await untilAgentHears(toy);
      const said = await toy.say('Tell me a story.');
      const playing = await toy.waitForMessage(
        'the story to start',
        (m): m is MediaMessage => isMedia(m) && m.status === 'playing' && m.kind === 'story',
        60_000,
        said.startedAt,
      );
      // The agent says what it is about to play, on its voice track.
      const intro = await toy.waitForMessage(
        'the intro',
        (m) => m.type === 'transcript' && m.role === 'agent' && m.final,
        30_000,
        said.startedAt,
      );
      expect(intro.type === 'transcript' && intro.text).toBe(`Here's a story: ${playing.title}.`);
      // Its audio may arrive after the message on a loaded machine: wait for it.
      await waitUntil('the intro to be heard', () => toy.voice.audibleFrames(said.endedAt) > 20, 30_000);
      // Narration arrives on the media track: several seconds of it.
      await toy.waitForQuiet(toy.voice, said.endedAt, 500, 30_000, 'the intro to end');
      const heardFrom = Date.now();
      await waitUntil('half a second of narration', () => toy.media.audibleFrames(heardFrom) > 50, 30_000);

      // Said over the narration: the media ducks, the recogniser hears "Stop." and the direct command stops it.
      await toy.say('Stop it.');
      const stopped = await toy.waitForMessage(
        'the player to stop',
        (m) => isMedia(m) && m.status === 'idle',
        30_000,
        heardFrom,
      );
      await untilReceived(toy.media, stopped.atMs, 1500, 'the media track after the stop');
      // Nothing after the stop but what was already in flight (the track queue is 100 ms, plus the
      // toy's jitter buffer): counted in audio, as frames arrive late and bunched on a loaded machine.
      // The uncut story would fill the whole 1.5 s that the track delivered.
      expect(toy.media.audibleMs(stopped.atMs)).toBeLessThan(600);
      expect(toy.transcripts('agent', stopped.atMs - 1000).some((m) => m.final && m.text === 'Okay, stopped.')).toBe(
        true,
      );
    } catch (error) {
      throw toys.withContext(error);
    } finally {
      await toy.disconnect();
    }
  }, 180_000);

  it('plays a song asked for by name, ducks it while the child talks, pauses and resumes it', async () => {
    const toy = await toys.connect('Song bear');
    try {
      await untilAgentHears(toy);
      await toy.type('play twinkle twinkle');
      const playing = await toy.waitForMessage(
        'the song to start',
        (m): m is MediaMessage => isMedia(m) && m.status === 'playing',
        60_000,
      );
      expect(playing.title).toMatch(/Twinkle/);
      expect(playing.kind).toBe('song');
      // Ducked under the agent's own intro, then back to full level.
      await toy.waitForMessage('ducking under the intro', (m) => isMedia(m) && m.ducked, 30_000);
      const unducked = await toy.waitForMessage(
        'the intro to end',
        (m) => isMedia(m) && m.status === 'playing' && !m.ducked,
        30_000,
        playing.atMs + 1,
      );
      await untilReceived(toy.media, unducked.atMs + 300, 1200, 'the song at full level');
      const fullLevel = toy.media.rmsBetween(unducked.atMs + 300, Date.now());

      // The child talks over the music: the media ducks while they speak.
      const said = await toy.say('Tell me a story.');
      const ducked = await toy.waitForMessage(
        'ducking while the child talks',
        (m): m is MediaMessage => isMedia(m) && m.ducked && m.title === playing.title,
        10_000,
        said.startedAt,
      );
      const duckedLevel = toy.media.rmsBetween(ducked.atMs + 200, said.endedAt);
      expect(fullLevel).toBeGreaterThan(0.02);
      expect(duckedLevel).toBeLessThan(fullLevel * 0.5);
      // That utterance was a story request: the story replaces the song.
      await toy.waitForMessage(
        'the story to replace the song',
        (m) => isMedia(m) && m.status === 'playing' && m.kind === 'story',
        60_000,
        said.endedAt,
      );

      await toy.type('pause');
      const paused = await toy.waitForMessage(
        'pause',
        (m) => isMedia(m) && m.status === 'paused',
        30_000,
        said.endedAt,
      );
      await untilReceived(toy.media, paused.atMs, 1500, 'the media track after the pause');
      expect(toy.media.audibleMs(paused.atMs)).toBeLessThan(600);
      await toy.type('resume');
      const resumed = await toy.waitForMessage(
        'resume',
        (m) => isMedia(m) && m.status === 'playing',
        30_000,
        paused.atMs + 1,
      );
      await waitUntil('the resumed story to be heard', () => toy.media.audibleFrames(resumed.atMs) > 20, 30_000);
    } catch (error) {
      throw toys.withContext(error);
    } finally {
      await toy.disconnect();
    }
  }, 180_000);
});
