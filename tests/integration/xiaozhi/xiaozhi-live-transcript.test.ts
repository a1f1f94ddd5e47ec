// A parent reads a stock xiaozhi toy's conversation live (Settings → Toys → live transcript), through
// the real server: the Server-Sent Events stream at /api/toys/:id/live says the toy is online, the
// toy is told (the firmware's `alert`, and a spoken notice on its speaker), the turn's transcripts
// arrive on the stream, and when the parent closes it the toy is told that too.
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { useToyServer } from '../agent/toy-server.ts';
import { connectToy, pairToy } from './xiaozhi-harness.ts';

interface LiveStream {
  events: { event: string; data: Record<string, unknown> }[];
  waitFor(what: string, match: (e: { event: string; data: Record<string, unknown> }) => boolean): Promise<void>;
  close(): void;
}

async function openLive(url: string, key: string): Promise<LiveStream> {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${key}` }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: LiveStream['events'] = [];
  const waiters = new Set<() => void>();
  const parser = createParser({
    onEvent: (message: EventSourceMessage) => {
      events.push({ event: message.event ?? 'message', data: JSON.parse(message.data) as Record<string, unknown> });
      for (const w of [...waiters]) w();
    },
  });
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
        parser.feed(decoder.decode(chunk, { stream: true }));
    } catch {
      // aborted by close()
    }
  })();
  return {
    events,
    waitFor: (what, match) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!events.some(match)) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`live stream: timed out waiting for ${what}; got ${JSON.stringify(events)}`));
        }, 120_000);
        waiters.add(check);
        check();
      }),
    close: () => controller.abort(),
  };
}

const transcript = (role: string) => (e: { event: string; data: Record<string, unknown> }) => {
  const message = e.data.message as Record<string, unknown> | undefined;
  return e.event === 'agent' && message?.type === 'transcript' && message.role === role && message.final === true;
};

describe('xiaozhi toy: the parent’s live transcript', () => {
  const toys = useToyServer();

  it('streams the turn to the parent, and the toy is told while the parent reads along', async () => {
    const { url } = toys.toyServer.server;
    const key = toys.toyServer.householdKey;
    const paired = await pairToy(url, key, { name: 'Watched bear' });
    const toy = await connectToy(paired, { lines: toys.lines, name: 'watched' });
    const liveUrl = `${url}/api/toys/${encodeURIComponent(paired.device.id)}/live`;
    let live: LiveStream | null = null;
    try {
      // Refused clearly: no credentials, and a toy that is not a paired xiaozhi toy.
      expect((await fetch(liveUrl)).status).toBe(401);
      const unknown = await fetch(`${url}/api/toys/no-such-toy/live`, { headers: { authorization: `Bearer ${key}` } });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { message: string }).message).toMatch(/no stock xiaozhi toy/);

      const openedAt = Date.now();
      live = await openLive(liveUrl, key);
      await live.waitFor('the toy to be online', (e) => e.event === 'presence' && e.data.online === true);
      // The firmware's alert (status, message, emotion), and the notice spoken on the toy's speaker.
      const alert = await toy.waitForMessage('the alert', (m) => m.type === 'alert', 60_000, openedAt);
      expect(alert.message.status).toBe('A grown-up is listening');
      expect(String(alert.message.message)).toMatch(/grown-up is listening/i);
      expect(typeof alert.message.emotion).toBe('string');
      await toy.waitUntil('the spoken notice', () => toy.heard.audibleFrames(openedAt) > 10, 60_000);
      await toy.waitForMessage('the notice to end', (m) => m.type === 'tts' && m.state === 'stop', 60_000, openedAt);

      const said = await toy.say('Tell me a story please.');
      await toy.waitForMessage('the reply', (m) => m.type === 'tts' && m.state === 'stop', 120_000, said.startedAt);
      await live.waitFor("the child's words", transcript('user'));
      await live.waitFor("the companion's reply", transcript('agent'));
      const user = live.events.find(transcript('user'))?.data.message as { text: string };
      expect(user.text).toBe('Tell me a story.');
      expect(toy.received('stt', said.startedAt).map((m) => m.message.text)).toEqual([user.text]);

      // The parent closes the transcript: the toy is told it is just the two of them again.
      const closedAt = Date.now();
      live.close();
      const after = await toy.waitForMessage('the all-clear', (m) => m.type === 'alert', 60_000, closedAt);
      expect(after.message.status).toBe('Just us again');
    } catch (error) {
      throw new Error(
        `${String(error)}\n${toys.lines.join('\n')}\nserver:\n${toys.toyServer.server.output().slice(-3000)}`,
        { cause: error },
      );
    } finally {
      live?.close();
      toy.close();
    }
  }, 400_000);
});
