// End to end through the real server and its embedded room server: the toy simulator (in this
// process, @livekit/rtc-node) says a flite utterance; the server's agent hears it (contract Whisper
// pack → "Tell me a story."), answers in the server's voice (with the starter library present the
// direct story command answers; toy-bargein and toy-profile cover replies from the LLM), and the
// toy receives the transcript data messages and non-silent reply audio. A bad device credential is
// refused.
import fs from 'node:fs';
import path from 'node:path';
import { dispose } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { householdKeyFile } from '../../../server/livekit/household-key.ts';
import { runToySimulator, type ToySimulatorResult } from '../../../server/toys/simulator/livekit-cli.ts';
import { WHISPER_SPEECH_PHRASE } from '../../../scripts/contract-models/whisper.ts';
import { FIXTURE_MODELS, startHearthServer, type RunningServer } from '../../helpers/server.ts';
import { generateIntoTempDir } from '../contract-models/generate-fixture.ts';
import { TEST_CHILD_AGE, TEST_CONSENT } from '../../helpers/toy-consent.ts';

describe('toy agent through the embedded room server', () => {
  let server: RunningServer;
  let householdKey: string;
  let generated: ReturnType<typeof generateIntoTempDir>;
  const lines: string[] = [];

  beforeAll(async () => {
    generated = generateIntoTempDir();
    server = await startHearthServer({
      args: [
        '--manifest',
        generated.manifestPath,
        '--model-path',
        [generated.outDir, FIXTURE_MODELS].join(path.delimiter),
      ],
      env: { HEARTH_LOG_LEVEL: 'info' },
    });
    householdKey = fs.readFileSync(householdKeyFile(server.dataDir), 'utf8').trim();
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    generated?.cleanup();
    await dispose();
  });

  it('hears the toy, sends the transcript and answers with non-silent audio', async () => {
    let result: ToySimulatorResult;
    try {
      result = await runToySimulator({
        server: server.url,
        householdKey,
        childAge: TEST_CHILD_AGE,
        device: 'Test bear',
        say: 'Tell me a story.',
        timeoutMs: 90_000,
        print: (l) => lines.push(l),
      });
    } catch (error) {
      throw new Error(`${String(error)}\nsimulator:\n${lines.join('\n')}\nserver:\n${server.output().slice(-4000)}`, {
        cause: error,
      });
    }
    const userFinal = result.messages.filter((m) => m.type === 'transcript' && m.role === 'user' && m.final);
    expect(userFinal.map((m) => (m.type === 'transcript' ? m.text : ''))).toContain(WHISPER_SPEECH_PHRASE.trim());
    expect(userFinal[0]?.topic).toBe('hearth.transcript');
    expect(result.agentReply?.length ?? 0).toBeGreaterThan(0);
    expect(result.messages.some((m) => m.type === 'state' && m.state === 'speaking')).toBe(true);
    // Real speech at the toy, not packets of silence.
    expect(result.audibleReplyFrames).toBeGreaterThan(20);
    expect(result.replyRms).toBeGreaterThan(0.005);
    expect(result.timings.firstReplyAudioAfterSpeechMs).not.toBeNull();
  }, 150_000);

  it('refuses an unregistered device and a wrong device credential', async () => {
    await expect(
      runToySimulator({
        server: server.url,
        device: 'dev_0000000000000000',
        credential: 'not-a-credential',
        say: 'Hello.',
        print: () => {},
      }),
    ).rejects.toThrow(/HTTP 401/);
    const reg = (await (
      await fetch(`${server.url}/api/devices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${householdKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Other', consent: TEST_CONSENT }),
      })
    ).json()) as { id: string };
    await expect(
      runToySimulator({
        server: server.url,
        device: reg.id,
        credential: 'wrong-credential',
        say: 'Hello.',
        print: () => {},
      }),
    ).rejects.toThrow(/HTTP 401/);
  }, 30_000);
});
