// A real toy turn lands in the toy's conversation history, end to end through the real server, its
// embedded room server and the agent (stories260K answering): the registered toy types a line on its
// input topic, and GET /api/devices/:id/turns returns that turn with the words and the agent's reply.
import { describe, expect, it } from 'vitest';
import type { DeviceTurn } from '../../../server/devices/device-turn-store.ts';
import { useToyServer } from './toy-server.ts';

describe('toy conversation history', () => {
  const toys = useToyServer();

  const history = async (id: string): Promise<DeviceTurn[]> => {
    const { server, householdKey } = toys.toyServer;
    const res = await fetch(`${server.url}/api/devices/${encodeURIComponent(id)}/turns`, {
      headers: { authorization: `Bearer ${householdKey}` },
    });
    if (!res.ok) throw new Error(`GET turns: HTTP ${res.status} ${await res.text()}`);
    return ((await res.json()) as { turns: DeviceTurn[] }).turns;
  };

  it('stores what a registered toy said and what the agent answered', async () => {
    const toy = await toys.connect('History bear');
    try {
      expect(await history(toy.deviceId)).toEqual([]);
      const since = Date.now();
      await toy.type('Once upon a time there was a little owl.');
      const reply = await toy.waitForMessage(
        'the final reply',
        (m) => m.type === 'transcript' && m.role === 'agent' && m.final,
        90_000,
        since,
      );
      const replyText = reply.type === 'transcript' ? reply.text : '';
      expect(replyText.trim().length).toBeGreaterThan(0);

      // The turn ends once the reply has been spoken; its row is written just after.
      await expect.poll(() => history(toy.deviceId), { timeout: 60_000, interval: 200 }).toHaveLength(1);
      const turns = await history(toy.deviceId);
      const [turn] = turns;
      expect(turn).toMatchObject({
        deviceId: toy.deviceId,
        userText: 'Once upon a time there was a little owl.',
        personaName: 'Hearth',
      });
      // The live transcript's final text keeps the model's line breaks; the spoken reply joins sentences with spaces.
      const words = (text: string) => text.replace(/\s+/g, ' ').trim();
      expect(words(turn!.replyText)).toBe(words(replyText));
      expect(Date.parse(turn!.startedAt)).toBeGreaterThanOrEqual(since - 1000);
      expect(Date.parse(turn!.endedAt)).toBeGreaterThanOrEqual(Date.parse(turn!.startedAt));
      expect(toys.toyServer.server.output()).not.toMatch(/could not be kept in the conversation history/);
    } catch (error) {
      throw new Error(
        `${String(error)}\ntoys:\n${toys.lines.join('\n')}\nserver:\n${toys.toyServer.server.output().slice(-3000)}`,
        { cause: error },
      );
    } finally {
      await toy.disconnect();
    }
  }, 300_000);
});
