// A parent adds a stock xiaozhi-esp32 toy in Chromium, against the real server: the test plays the
// firmware's side over plain HTTP, as main/ota.cc does (the OTA check with Device-Id / Client-Id /
// Activation-Version headers and the system-info body, then the /activate poll), and the parent's
// side in the page at a phone's width: the waiting toy is listed with its board, a wrong code is
// refused in plain words, the right code adds the toy, the toy's poll is answered 200 and its next
// check-in gets a transport; the card shows the board, the firmware version and how it connects;
// the parent switches it to MQTT and back, renames it, sees it online while it is connected over its
// WebSocket, and deletes it: its connection is closed and the toy is a stranger again.
import crypto from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { householdKeyFile } from '../../server/livekit/household-key.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { FIXTURE_MODELS } from '../helpers/server.ts';
import { generateIntoTempDir } from '../integration/contract-models/generate-fixture.ts';

const PIN = '2468';
/** Upper bounds for waiting on the page and on the list's refresh (every 5 s), generous for a busy 2-core box. */
const PAGE_WAIT_MS = 120_000;
const REFRESHED_MS = 60_000;
const MAC = 'a4:cf:12:0b:7e:31';
const DEVICE_ID = 'a4-cf-12-0b-7e-31';
const BOARD = 'bread-compact-wifi';

/** The body main/boards/common/board.cc's GetSystemInfoJson() sends (a typical Wi-Fi board). */
function systemInfo(uuid: string, version: string): Record<string, unknown> {
  return {
    version: 2,
    language: 'en-US',
    flash_size: 16_777_216,
    minimum_free_heap_size: '7265',
    mac_address: MAC,
    uuid,
    chip_model_name: 'esp32s3',
    chip_info: { model: 9, cores: 2, revision: 2, features: 18 },
    application: {
      name: 'xiaozhi',
      version,
      compile_time: 'Jun 10 2026T10:00:00Z',
      idf_version: 'v5.4.1',
      elf_sha256: 'ab'.repeat(32),
    },
    partition_table: [{ label: 'nvs', type: 1, subtype: 2, address: 36_864, size: 16_384 }],
    ota: { label: 'ota_0' },
    display: { monochrome: true, width: 128, height: 32 },
    board: {
      type: BOARD,
      name: BOARD,
      manufacturer: 'xiaozhi',
      ssid: 'Home',
      rssi: -52,
      channel: 6,
      ip: '192.168.1.77',
      mac: MAC,
    },
  };
}

/** The stock firmware, as far as the OTA bootstrap and activation go (main/ota.cc, Activation-Version 1). */
class FirmwareBootstrap {
  readonly uuid = crypto.randomUUID();
  constructor(private readonly otaUrl: string) {}

  private headers(version: string): Record<string, string> {
    return {
      'Activation-Version': '1',
      'Device-Id': MAC,
      'Client-Id': this.uuid,
      'User-Agent': `${BOARD}/${version}`,
      'Accept-Language': 'en-US',
      'Content-Type': 'application/json',
    };
  }

  /** Ota::CheckVersion: POST the system info, read the JSON answer. */
  async checkIn(version: string): Promise<Record<string, unknown>> {
    const response = await fetch(this.otaUrl, {
      method: 'POST',
      headers: this.headers(version),
      body: JSON.stringify(systemInfo(this.uuid, version)),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  /** Ota::Activate: `{}` without a serial number; 202 means "not yet", 200 "activated". */
  async activate(version: string): Promise<number> {
    const url = this.otaUrl.endsWith('/') ? `${this.otaUrl}activate` : `${this.otaUrl}/activate`;
    return (await fetch(url, { method: 'POST', headers: this.headers(version), body: '{}' })).status;
  }
}

async function unlock(page: Page): Promise<void> {
  const section = page.getByTestId('toys-section');
  await section.getByTestId('pin-gate').waitFor();
  await section.getByTestId('pin-input').fill(PIN);
  if (await section.getByTestId('pin-confirm').count()) await section.getByTestId('pin-confirm').fill(PIN);
  await section.getByTestId('pin-submit').click();
  await page.getByTestId('toy-pair').waitFor();
}

describe('Settings → Toys: adding a stock xiaozhi toy by its spoken code', () => {
  // A toy is only kept connected when Hearth can run its companion: contract Whisper, stories260K
  // and the classic voice are enough (nothing is said in this test).
  let models: ReturnType<typeof generateIntoTempDir> | undefined;
  const hearth = useHearthInChromium({
    server: () => {
      models = generateIntoTempDir();
      return {
        media: 'empty',
        args: ['--manifest', models.manifestPath, '--model-path', [models.outDir, FIXTURE_MODELS].join(path.delimiter)],
      };
    },
    cleanup: () => models?.cleanup(),
  });

  it('pairs the toy by code, shows how it connects, switches its transport, renames it, shows it online and deletes it', async () => {
    const { server } = hearth;
    const householdKey = fs.readFileSync(householdKeyFile(server.dataDir), 'utf8').trim();
    const stored = async (): Promise<{ status: number; body: Record<string, unknown> }> => {
      const response = await fetch(`${server.url}/api/devices/${DEVICE_ID}`, {
        headers: { authorization: `Bearer ${householdKey}` },
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const toy = new FirmwareBootstrap(`${server.url}/xiaozhi/ota/`);
    const { page, problems } = await hearth.openPage({
      context: { viewport: { width: 390, height: 844 } },
      reportHttpErrors: true,
    });
    page.setDefaultTimeout(PAGE_WAIT_MS);
    await page.goto(`${server.url}/#/settings/toys`, { timeout: PAGE_WAIT_MS });
    await unlock(page);

    // The toy boots with Hearth's OTA URL: an unknown MAC gets a code to speak and no transport.
    const first = await toy.checkIn('1.9.2');
    const activation = first.activation as { code: string; challenge: string; timeout_ms: number };
    expect(activation.code).toMatch(/^\d{6}$/);
    expect(activation.timeout_ms).toBeGreaterThan(0);
    expect(first.websocket).toBeUndefined();
    expect(first.mqtt).toBeUndefined();
    expect(await toy.activate('1.9.2')).toBe(202);

    // The parent sees that the box heard a toy: its board and how long its code works, not the code.
    const waiting = page.getByTestId('toys-pending-item');
    await expect.poll(() => waiting.count(), { timeout: REFRESHED_MS }).toBe(1);
    expect(await waiting.getByTestId('toys-pending-board').textContent()).toBe(BOARD);
    expect(await waiting.textContent()).toContain('version 1.9.2');
    expect(await waiting.getByTestId('toys-pending-left').textContent()).toMatch(
      /its code has (\d+ minutes?|less than a minute) left/,
    );
    expect(await page.getByTestId('toy-pair').textContent()).not.toContain(activation.code);

    // A misheard code is refused in plain words, and the toy is still waiting.
    const wrong = String((Number(activation.code) + 1) % 1_000_000).padStart(6, '0');
    await page.getByTestId('toy-pair-code').fill(`${wrong.slice(0, 3)} ${wrong.slice(3)}`);
    await page.getByTestId('toy-pair-name').fill('Bedroom bear');
    // Consent first: the button stays off until the parent gives the child's age and accepts.
    expect(await page.getByTestId('toy-pair-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('toy-pair-consent').textContent()).toContain('No recording of the child’s voice');
    await page.getByTestId('toy-pair-consent-age').fill('6');
    await page.getByTestId('toy-pair-consent-accept').check();
    await page.getByTestId('toy-pair-submit').click();
    expect(await page.getByTestId('toy-pair-problem').textContent()).toContain('No toy is waiting with that code');
    expect((await stored()).status).toBe(404);
    expect(await toy.activate('1.9.2')).toBe(202);

    // The code the toy said, a persona and the child's name: the toy is added.
    await page.getByTestId('toy-pair-code').fill(activation.code);
    await page.getByTestId('toy-pair-persona').selectOption('builtin-captain-pip');
    await page.getByTestId('toy-pair-owner-name').fill('Maya');
    await page.getByTestId('toy-pair-submit').click();
    expect(await page.getByTestId('toy-pair-added').textContent()).toContain('Bedroom bear is added');
    expect(await page.getByTestId('toy-pair-problem').count()).toBe(0);
    await expect.poll(() => page.getByTestId('toys-pending-item').count(), { timeout: REFRESHED_MS }).toBe(0);
    expect((await stored()).body).toMatchObject({
      name: 'Bedroom bear',
      ownerName: 'Maya',
      persona: { id: 'builtin-captain-pip' },
      transport: 'xiaozhi-ws',
      consent: { childAge: 6, givenBy: 'parent-pin' },
    });

    // The toy's poll is answered, and its next check-in (a newer firmware) gets its WebSocket.
    expect(await toy.activate('1.9.2')).toBe(200);
    const paired = await toy.checkIn('1.9.3');
    expect(paired.activation).toBeUndefined();
    expect(paired.websocket).toMatchObject({
      url: expect.stringMatching(/^ws:\/\/127\.0\.0\.1:\d+\//),
      token: expect.any(String),
    });

    // Its card: how it connects, its board, the firmware it reported last, when it was seen.
    const card = page.locator(`[data-testid="toy-row"][data-toy-id="${DEVICE_ID}"]`);
    await card.waitFor();
    expect(await card.getByTestId('toy-transport').textContent()).toBe('Xiaozhi toy over Wi-Fi WebSocket');
    expect(await card.getByTestId('toy-board').textContent()).toBe(BOARD);
    await expect.poll(() => card.getByTestId('toy-firmware').textContent(), { timeout: REFRESHED_MS }).toBe('1.9.3');
    expect(await card.getByTestId('toy-online').textContent()).toBe('Offline');
    expect(await card.getByTestId('toy-last-seen').textContent()).toMatch(/^(just now|\d+ minutes? ago)$/);
    expect(await card.getByTestId('toy-rotate').count()).toBe(0);

    // Switching to MQTT: saved on the server, picked up by the toy at its next restart.
    await card.getByTestId('toy-open-connection').click();
    expect(await card.getByTestId('toy-connection-save').isDisabled()).toBe(true);
    await card.getByTestId('toy-transport-xiaozhi-mqtt').check();
    await card.getByTestId('toy-connection-save').click();
    expect(await card.getByTestId('toy-connection-saved').textContent()).toContain(
      'switches the next time it restarts',
    );
    await expect
      .poll(() => card.getByTestId('toy-transport').textContent(), { timeout: REFRESHED_MS })
      .toBe('Xiaozhi toy over MQTT');
    expect((await stored()).body.transport).toBe('xiaozhi-mqtt');
    // At its next start the toy is told to use MQTT (Hearth's embedded broker), and nothing else.
    const onMqtt = await toy.checkIn('1.9.3');
    expect(onMqtt.websocket).toBeUndefined();
    expect(onMqtt.mqtt).toMatchObject({
      endpoint: expect.stringMatching(/^127\.0\.0\.1:\d+$/),
      client_id: expect.any(String),
      username: expect.any(String),
      password: expect.any(String),
      publish_topic: expect.any(String),
    });
    // And back.
    await card.getByTestId('toy-transport-xiaozhi-ws').check();
    await card.getByTestId('toy-connection-save').click();
    await expect
      .poll(() => card.getByTestId('toy-transport').textContent(), { timeout: REFRESHED_MS })
      .toBe('Xiaozhi toy over Wi-Fi WebSocket');
    expect((await stored()).body.transport).toBe('xiaozhi-ws');

    // Renaming, in its profile.
    await card.getByTestId('toy-open-profile').click();
    await card.getByTestId('toy-name').fill('Captain Bear');
    await card.getByTestId('toy-save').click();
    await card.getByTestId('toy-saved').waitFor();
    await expect
      .poll(() => card.getByTestId('toy-row-name').textContent(), { timeout: REFRESHED_MS })
      .toBe('Captain Bear');
    expect((await stored()).body.name).toBe('Captain Bear');

    // Its conversations: a live transcript (the server streams it: a stock toy has no room) and its history.
    expect(await card.getByTestId('toy-open-transcript').textContent()).toBe('Live transcript');

    // The toy restarts (switching transport revoked what it had), connects where its OTA answer
    // says (main/protocols/websocket_protocol.cc) and says hello: its card says it is online.
    const restarted = await toy.checkIn('1.9.3');
    expect(restarted.mqtt).toBeUndefined();
    const { url, token } = restarted.websocket as { url: string; token: string };
    const socket = new WebSocket(url, {
      headers: { Authorization: `Bearer ${token}`, 'Protocol-Version': '1', 'Device-Id': MAC, 'Client-Id': toy.uuid },
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code: number) => resolve(code)));
    const fromHearth: Record<string, unknown>[] = [];
    const serverHello = new Promise<Record<string, unknown>>((resolve) => {
      socket.on('message', (data, isBinary) => {
        if (isBinary) return;
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        fromHearth.push(message);
        if (message.type === 'hello') resolve(message);
      });
    });
    await once(socket, 'open');
    socket.send(
      JSON.stringify({
        type: 'hello',
        version: 1,
        features: { mcp: true },
        transport: 'websocket',
        audio_params: { format: 'opus', sample_rate: 16000, channels: 1, frame_duration: 60 },
      }),
    );
    expect((await serverHello).session_id).toEqual(expect.any(String));
    await expect.poll(() => card.getByTestId('toy-online').textContent(), { timeout: REFRESHED_MS }).toBe('Online');
    expect(await card.getByTestId('toy-last-seen').count()).toBe(0);

    // The parent reads along live. The toy is told (the firmware's alert), and a question it
    // passes on as text (listen detect with text, as companion apps send one) shows up in the
    // page with the companion's answer; the history is below.
    await card.getByTestId('toy-open-transcript').click();
    await expect
      .poll(() => card.getByTestId('toy-transcript-status').getAttribute('data-status'), { timeout: PAGE_WAIT_MS })
      .toBe('live');
    await expect
      .poll(() => fromHearth.find((m) => m.type === 'alert')?.status, { timeout: PAGE_WAIT_MS })
      .toBe('A grown-up is listening');
    socket.send(JSON.stringify({ type: 'listen', state: 'detect', text: 'Tell me a story about a bear please.' }));
    await card.getByTestId('toy-transcript-user').first().waitFor({ timeout: PAGE_WAIT_MS });
    expect(await card.getByTestId('toy-transcript-user').first().textContent()).toContain(
      'Tell me a story about a bear please.',
    );
    await card.getByTestId('toy-transcript-agent').first().waitFor({ timeout: PAGE_WAIT_MS });
    await card.getByTestId('toy-history').waitFor();

    // Deleting, after the parent confirms: gone from the page and the server, its connection closed,
    // and the toy is a stranger again (a new code, no transport, its poll no longer answered yes).
    let question = '';
    page.once('dialog', (dialog) => {
      question = dialog.message();
      void dialog.accept();
    });
    await card.getByTestId('toy-delete').click();
    await card.waitFor({ state: 'detached' });
    expect(question).toContain('Delete Captain Bear?');
    expect(question).toContain('add it again with a new code');
    expect((await stored()).status).toBe(404);
    await closed;
    const again = await toy.checkIn('1.9.3');
    expect((again.activation as { code: string } | undefined)?.code).toMatch(/^\d{6}$/);
    expect(again.websocket).toBeUndefined();
    expect(again.mqtt).toBeUndefined();
    expect(await toy.activate('1.9.3')).toBe(202);

    // The only failed request the page made was the refused code (Chromium logs it once more).
    expect(problems.filter((p) => p.startsWith('HTTP '))).toEqual([`HTTP 404 POST ${server.url}/api/toys/pair`]);
    expect(problems.filter((p) => !p.startsWith('HTTP ') && !/status of 404 \(Not Found\)$/.test(p))).toEqual([]);
  }, 300_000);
});
