// A toy that switches off mid-reply, end to end through the real server and its embedded room
// server: the agent leaves that room cleanly (no crash, logged as "device left", or as its job
// "terminated by the server" when the dispatcher sees the room empty first), goes on serving
// another toy, and the first toy gets an agent again when it comes back with its credential.
import { describe, expect, it } from 'vitest';
import { ToyClient, waitUntil } from '../../../server/toys/simulator/livekit-toy.ts';
import { WHISPER_SPEECH_PHRASE } from '../../../scripts/contract-models/whisper.ts';
import { useToyServer } from './toy-server.ts';

describe('toy disconnecting mid-reply', () => {
  const toys = useToyServer();

  /** The server's structured log lines about the agent in `room`. */
  const agentLog = (room: string) =>
    toys.toyServer.server
      .output()
      .split('\n')
      .filter((l) => l.includes('"agent":true') && l.includes(`"room":"${room}"`));

  /** Says "Tell me a story." and waits until the answer is heard. */
  async function askAndHear(toy: ToyClient): Promise<void> {
    const said = await toy.say('Tell me a story.');
    const heard = await toy.waitForMessage(
      'the transcript',
      (m) => m.type === 'transcript' && m.role === 'user' && m.final,
      60_000,
      said.startedAt,
    );
    expect(heard.type === 'transcript' && heard.text).toBe(WHISPER_SPEECH_PHRASE.trim());
    await waitUntil('the spoken answer', () => toy.voice.audibleFrames(said.endedAt) > 20, 60_000);
  }

  it('leaves the room of a toy that disconnects mid-reply, serves another toy, and serves the first again when it rejoins', async () => {
    const first = await toys.connect('Sleepy bear');
    let second: ToyClient | null = null;
    let again: ToyClient | null = null;
    try {
      // A long reply from the model; the toy switches off a second into it.
      const askedAt = Date.now();
      await first.type('Once upon a time, there was a little fox who lived in the woods.');
      await first.waitForMessage(
        'the agent to speak',
        (m) => m.type === 'state' && m.state === 'speaking',
        90_000,
        askedAt,
      );
      const speakingFrom = Date.now();
      await waitUntil('a second of the reply', () => first.voice.audibleFrames(speakingFrom) >= 50, 30_000);
      await first.disconnect();

      // Whichever notices first: the agent (the device left its room) or the dispatcher (the last
      // person left, so it ends the room's job and the agent leaves).
      await waitUntil(
        'the agent to leave the first room',
        () =>
          agentLog(first.roomName).some(
            (l) => l.includes('agent leaving room') && /device left|terminated by the server/.test(l),
          ),
        20_000,
      );
      expect(toys.toyServer.server.output()).not.toMatch(/agent session crashed|voice session stop failed/);

      // Another toy is served as usual.
      second = await toys.connect('Busy bear');
      await askAndHear(second);
      await second.disconnect();

      // The first toy comes back with its credential: an agent joins its room again and answers.
      again = await toys.connect('Sleepy bear again', { id: first.deviceId, credential: first.credential });
      expect(again.roomName).toBe(first.roomName);
      await askAndHear(again);
      expect(
        agentLog(first.roomName).filter((l) => l.includes('agent joined device room')).length,
      ).toBeGreaterThanOrEqual(2);
      expect(toys.toyServer.server.output()).not.toMatch(/agent session crashed/);
    } catch (error) {
      throw new Error(
        `${String(error)}\ntoys:\n${toys.lines.join('\n')}\nserver:\n${toys.toyServer.server.output().slice(-3000)}`,
        { cause: error },
      );
    } finally {
      await first.disconnect();
      await second?.disconnect();
      await again?.disconnect();
    }
  }, 300_000);
});
