import { describe, expect, it } from 'vitest';
import { audibleMs, readTap, waitForOutputMs } from '../helpers/audio-tap.ts';
import { useHearthInChromium } from '../helpers/e2e-session.ts';
import { FIXTURE_MODELS } from '../helpers/server.ts';
import { openTalkPage, readTalkTrace, waitFor } from './voice-helpers.ts';

// A fresh server with only the shipped packs plus the demo GGUF: wllama + stories260K for the
// language model, the classic (flite) voice, no speech recognition.
describe('typed turn in Chromium: real wllama (stories260K) → real classic voice → speaker', () => {
  const hearth = useHearthInChromium({ server: { args: ['--model-path', FIXTURE_MODELS] } });

  it('streams the reply into captions, speaks it (heard at the output tap), stops at once on "Stop talking" and shows the latency breakdown', async () => {
    const { context, page, recorder, problems } = await openTalkPage(hearth.browser);
    await page.goto(hearth.server.url);

    const input = page.getByTestId('talk-text-input');
    await waitFor(() => input.isEnabled(), 'the text box to open (LLM + voice loaded)');
    // No speech recognition on this server: Talk says so, typing still works.
    await waitFor(
      async () => /understands typing/i.test((await page.getByTestId('talk-readiness').textContent()) ?? ''),
      'the missing-STT note',
    );

    await input.fill('Once upon a time');
    await page.getByTestId('talk-send').click();

    await page.getByTestId('talk-line-you').filter({ hasText: 'Once upon a time' }).waitFor();
    const reply = page.getByTestId('talk-line-hearth').first();
    await reply.waitFor();

    // Heard: the reply really plays through Web Audio to the speakers.
    await waitFor(
      async () => audibleMs(await readTap(page)) > 1_500,
      '1.5 s of the reply to be heard at the output tap',
      90_000,
    );
    const replyText = ((await reply.locator('p').textContent()) ?? '').trim();
    expect(replyText.split(/\s+/).length).toBeGreaterThan(3);

    // The stop button cuts Hearth off at once (the same flush barge-in uses). Measured from when
    // the page received the click, not from before Playwright's click (its actionability checks
    // wait for animation frames, which a busy machine stretches).
    await page.evaluate(() => {
      const stamp = (event: Event) => {
        if ((event.target as Element | null)?.closest('[data-testid="talk-interrupt"]'))
          (window as unknown as { __stopClickedAt?: number }).__stopClickedAt ??= performance.now();
      };
      document.addEventListener('click', stamp, { capture: true });
    });
    await page.getByTestId('talk-interrupt').click();
    const stoppedAt = await page.evaluate(() => (window as unknown as { __stopClickedAt: number }).__stopClickedAt);
    expect(stoppedAt, 'the page received the stop click').toBeTypeOf('number');
    await waitFor(
      async () => (await page.getByTestId('talk-orb').getAttribute('data-state')) === 'idle',
      'the orb to go back to idle',
    );
    await page.getByTestId('talk-line-interrupted').waitFor();
    expect(await reply.getAttribute('data-live')).toBe('false');
    // Half a second of what the speakers were given after the stop, however slow the machine.
    const tap = await waitForOutputMs(page, stoppedAt, 500);
    expect(Math.max(...tap.blocks.map((b) => b.rms))).toBeGreaterThan(0.02);
    // Counted in audio, not in page time: the tap's blocks are stamped when the main thread gets
    // to them, so blocks the speakers played before the stop can be stamped after it.
    expect(audibleMs(tap, stoppedAt), 'audio kept playing after "Stop talking"').toBeLessThan(250);

    // Streamed: the caption showed part of the reply before the rest, each text a prefix of the
    // next. The default persona is child-safe, so it grows a checked sentence at a time, at most
    // once a frame; stories260K can write a whole reply in a few frames on a loaded machine, so
    // the count is not held to more than one intermediate text.
    const trace = await readTalkTrace(page);
    const snapshots = `reply snapshots: ${JSON.stringify(trace.replySnapshots)}`;
    expect(trace.replySnapshots.length, snapshots).toBeGreaterThanOrEqual(2);
    expect(trace.replySnapshots[0]!.length, snapshots).toBeLessThan(trace.replySnapshots.at(-1)!.length);
    for (let i = 1; i < trace.replySnapshots.length; i++) {
      expect(trace.replySnapshots[i]!.startsWith(trace.replySnapshots[i - 1]!)).toBe(true);
    }
    // The orb went thinking → speaking → back to idle (no microphone was opened).
    const states = trace.orb.map((o) => o.state);
    expect(states).toContain('thinking');
    expect(states).toContain('speaking');
    expect(states.at(-1)).toBe('idle');

    // Talk is a child's screen: no timings there until a grown-up asks for them in Settings → Advanced.
    expect(await page.getByTestId('talk-latency').count()).toBe(0);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-open-advanced').click();
    await page.getByTestId('settings-show-timings').check();
    await page.getByTestId('nav-talk').click();
    await page.getByTestId('talk-latency').waitFor();

    // Latency breakdown of a typed turn: no speech stages, but model, voice and total are measured.
    for (const id of ['voice-to-voice', 'llm-ttft', 'tts-ttfa', 'tok-s']) {
      expect(await page.getByTestId(`latency-${id}`).textContent(), id).not.toBe('—');
    }
    expect(await page.getByTestId('latency-stt').textContent()).toBe('—');

    // Settings → This device names what ran.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-open-device').click();
    expect(await page.getByTestId('engine-llm-info').textContent()).toMatch(/wllama.*stories260K.*WASM/s);
    expect(await page.getByTestId('engine-tts-info').textContent()).toMatch(/flite/i);
    expect(await page.getByTestId('engine-vad-info').textContent()).toMatch(/onnxruntime-web.*silero-vad-v5/s);
    expect(await page.getByTestId('engine-stt-state').textContent()).toMatch(/not installed/i);

    expect(recorder.offOrigin(hearth.server.url)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
