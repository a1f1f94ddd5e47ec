// Bad input on the xiaozhi WebSocket path, through the real server: wrong token, unknown MAC, bad
// protocol version, malformed and late hello, garbage, oversized and undecodable frames, a toy that
// vanishes mid-reply, a flood of connections from one address. Each gets a clear refusal or close
// reason (or one log line), and another toy's conversation goes on.
import { describe, expect, it } from 'vitest';
import { newToyIdentity } from '../../../server/toys/simulator/xiaozhi-toy.ts';
import { WebSocketLink, WebSocketLinkError } from '../../../server/toys/simulator/websocket-link.ts';
import { useToyServer } from '../agent/toy-server.ts';
import { connectToy, pairToy, type PairedToy } from './xiaozhi-harness.ts';

/** An Opus packet libopus refuses: code-3 TOC with a frame count of 0. */
const UNDECODABLE = Uint8Array.from([0x03, 0x00, 0x11, 0x22]);

async function refusal(
  paired: PairedToy,
  change: { token?: string; mac?: string; version?: number },
): Promise<WebSocketLinkError> {
  const error = await WebSocketLink.connect({
    url: paired.websocket.url,
    token: change.token ?? paired.websocket.token,
    mac: change.mac ?? paired.identity.mac,
    clientId: paired.identity.clientId,
    ...(change.version !== undefined ? { version: change.version as 1 } : {}),
  }).then(
    (link) => {
      link.close();
      throw new Error('the connection was accepted');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebSocketLinkError);
  return error as WebSocketLinkError;
}

/** Opens the toy's WebSocket without the simulator's hello. */
async function rawLink(
  paired: PairedToy,
  version: 1 | 2 | 3 = 1,
): Promise<{ link: WebSocketLink; closed: Promise<string> }> {
  const link = await WebSocketLink.connect({
    url: paired.websocket.url,
    token: paired.websocket.token,
    mac: paired.identity.mac,
    clientId: paired.identity.clientId,
    version,
  });
  const closed = new Promise<string>((resolve) => link.onClose(resolve));
  return { link, closed };
}

const hello = {
  type: 'hello',
  version: 1,
  transport: 'websocket',
  features: {},
  audio_params: { format: 'opus', sample_rate: 16000, channels: 1, frame_duration: 60 },
};

describe('xiaozhi WebSocket: bad input', () => {
  const toys = useToyServer();
  const server = () => toys.toyServer.server;

  it('refuses a wrong token, an unknown MAC and a bad protocol version before the upgrade, saying why', async () => {
    const paired = await pairToy(server().url, toys.toyServer.householdKey);
    const wrong = await refusal(paired, { token: 'not-the-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatch(/wrong or revoked token/);
    const unknown = await refusal(paired, { mac: newToyIdentity().mac });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toMatch(/not paired/);
    const notMac = await refusal(paired, { mac: 'toy-without-mac' });
    expect(notMac.status).toBe(401);
    expect(notMac.body).toMatch(/MAC/);
    const version = await refusal(paired, { version: 7 });
    expect(version.status).toBe(400);
    expect(version.body).toMatch(/Protocol-Version/);
    await expect
      .poll(() => server().output(), { timeout: 30_000 })
      .toMatch(/xiaozhi connection refused: wrong or revoked token/);
  }, 60_000);

  it('closes a malformed hello, a message before hello and a late hello with the reason', async () => {
    const paired = await pairToy(server().url, toys.toyServer.householdKey);
    const a = await rawLink(paired);
    a.link.sendJson({ ...hello, audio_params: { format: 'pcm', sample_rate: 16000 } });
    expect(await a.closed).toMatch(/malformed hello: audio format "pcm"/);
    const b = await rawLink(paired);
    b.link.sendJson({ type: 'listen', state: 'start', mode: 'auto' });
    expect(await b.closed).toMatch(/the first message must be a hello/);
    const c = await rawLink(paired);
    // Says nothing: the server closes it after the firmware's own 10 s.
    expect(await c.closed).toMatch(/no hello within 10 s/);
  }, 60_000);

  it('closes a toy that sends garbage frames, an oversized frame or Opus that does not decode', async () => {
    const paired = await pairToy(server().url, toys.toyServer.householdKey);
    const garbage = await rawLink(paired, 2);
    garbage.link.sendJson(hello);
    // v2 frames whose header lies about the payload size, then text that is not JSON.
    for (let i = 0; i < 30; i++)
      garbage.link.sendRaw(Uint8Array.from([0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 99, 1, 2]), true);
    for (let i = 0; i < 30; i++) garbage.link.sendRaw('{not json', false);
    expect(await garbage.closed).toMatch(/50 bad frames/);

    const big = await rawLink(paired);
    big.link.sendJson(hello);
    big.link.sendRaw(new Uint8Array(64 * 1024), true);
    expect(await big.closed).toMatch(/too large for audio/);

    const opus = await rawLink(paired);
    const answered = new Promise<void>((resolve) => opus.link.onJson((m) => m.type === 'hello' && resolve()));
    opus.link.sendJson(hello);
    await answered;
    for (let i = 0; i < 60; i++) opus.link.sendOpus(UNDECODABLE, 0);
    expect(await opus.closed).toMatch(/Opus packets in a row did not decode/);
    // One log line for the run of bad packets, not sixty.
    const undecodableLines = () =>
      server()
        .output()
        .match(/sent audio that does not decode/g)?.length ?? 0;
    await expect.poll(undecodableLines, { timeout: 30_000 }).toBeGreaterThan(0);
    expect(undecodableLines()).toBe(1);
  }, 420_000);

  it('a toy vanishing mid-reply and a connection flood leave another toy talking', async () => {
    const steady = await pairToy(server().url, toys.toyServer.householdKey, { name: 'Steady bear' });
    const vanishing = await pairToy(server().url, toys.toyServer.householdKey, { name: 'Vanishing bear' });
    const steadyToy = await connectToy(steady, { name: 'steady', lines: toys.lines });
    const gone = await connectToy(vanishing, { name: 'vanishing', lines: toys.lines });
    try {
      const said = await gone.say('Tell me a story please.');
      await gone.waitUntil('the reply to be playing', () => gone.heard.audibleFrames(said.startedAt) > 10, 90_000);
      // Pulled off the network: no close frame, just gone.
      (gone.link as WebSocketLink).socket.terminate();

      // A flood of connections from this address: refused with 429 after the first few, logged once.
      const attempts = await Promise.all(
        Array.from({ length: 40 }, () =>
          WebSocketLink.connect({
            url: steady.websocket.url,
            token: 'flood',
            mac: steady.identity.mac,
            clientId: 'x',
          }).then(
            (link) => {
              link.close();
              return 0;
            },
            (e: unknown) => (e instanceof WebSocketLinkError ? (e.status ?? -1) : -1),
          ),
        ),
      );
      expect(attempts.filter((s) => s === 429).length).toBeGreaterThan(0);
      expect(attempts.every((s) => s === 401 || s === 429)).toBe(true);
      // The server writes its log line before it answers, but the line reaches this process through
      // another pipe than the answers: wait for it, then check the flood was logged once.
      const refusalLines = () =>
        server()
          .output()
          .match(/xiaozhi connections refused:/g)?.length ?? 0;
      await expect.poll(refusalLines, { timeout: 30_000 }).toBeGreaterThan(0);
      expect(refusalLines()).toBe(1);

      // The steady toy's session was never touched: it still talks.
      const turn = await steadyToy.say('Tell me a story please.');
      await steadyToy.waitForMessage('its answer', (m) => m.type === 'stt', 60_000, turn.startedAt);
      await steadyToy.waitUntil('its reply audio', () => steadyToy.heard.audibleFrames(turn.startedAt) > 10, 60_000);
      expect(server().output()).toMatch(
        /"toy":"[0-9a-f-]+","transport":"websocket","session":"[0-9a-f-]+","reason":"connection closed \(1006\)"/,
      );
    } catch (error) {
      const serverLines = server()
        .output()
        .split('\n')
        .filter((l) => !/incoming request|request completed|connection refused/.test(l));
      throw new Error(`${String(error)}\n${toys.lines.join('\n')}\nserver:\n${serverLines.slice(-60).join('\n')}`, {
        cause: error,
      });
    } finally {
      steadyToy.close();
      gone.close();
    }
  }, 420_000);
});
