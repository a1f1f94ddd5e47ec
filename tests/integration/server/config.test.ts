import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.ts';

describe('server configuration', () => {
  it('defaults to serving the LAN on 8787 with folders under the working directory', () => {
    const c = loadConfig([], {}, '/srv/hearth');
    expect(c.port).toBe(8787);
    expect(c.host).toBe('0.0.0.0');
    expect(c.dataDir).toBe('/srv/hearth/data');
    expect(c.modelsDir).toBe('/srv/hearth/models');
    expect(c.mediaDir).toBe('/srv/hearth/media');
    expect(c.modelPath).toEqual([]);
    expect(c.livekit.url).toBeNull();
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      HEARTH_PORT: '9000',
      HEARTH_HOST: '127.0.0.1',
      HEARTH_MODEL_PATH: ['a', '/b'].join(path.delimiter),
      HEARTH_MEDIA_DIR: '/mnt/media',
    };
    const c = loadConfig(['--port', '9100'], env, '/srv');
    expect(c.port).toBe(9100);
    expect(c.host).toBe('127.0.0.1');
    expect(c.modelPath).toEqual(['/srv/a', '/b']);
    expect(c.mediaDir).toBe('/mnt/media');
  });

  it('accepts a real LiveKit server only with its key and secret', () => {
    expect(() => loadConfig([], { LIVEKIT_URL: 'ws://livekit.lan:7880' })).toThrow(/LIVEKIT_API_KEY/);
    const c = loadConfig(
      ['--livekit-url', 'ws://livekit.lan:7880', '--livekit-api-key', 'k', '--livekit-api-secret', 's'],
      {},
    );
    expect(c.livekit).toEqual({ url: 'ws://livekit.lan:7880', apiKey: 'k', apiSecret: 's' });
  });

  it('takes an OpenAI-compatible LLM endpoint from flags or environment, with its model', () => {
    expect(loadConfig([], {}).llm).toEqual({ url: null, model: null, apiKey: null });
    const fromEnv = loadConfig([], {
      HEARTH_LLM_URL: 'http://ollama.lan:11434',
      HEARTH_LLM_MODEL: 'qwen2.5:0.5b',
      HEARTH_LLM_API_KEY: 'sk-local',
    });
    expect(fromEnv.llm).toEqual({ url: 'http://ollama.lan:11434', model: 'qwen2.5:0.5b', apiKey: 'sk-local' });
    const flags = loadConfig(['--llm-url', 'http://10.0.0.5:8080', '--llm-model', 'local'], {
      HEARTH_LLM_URL: 'http://ollama.lan:11434',
      HEARTH_LLM_MODEL: 'x',
    });
    expect(flags.llm).toEqual({ url: 'http://10.0.0.5:8080', model: 'local', apiKey: null });
    expect(() => loadConfig(['--llm-url', 'http://ollama.lan:11434'], {})).toThrow(/HEARTH_LLM_MODEL/);
    expect(() => loadConfig(['--llm-url', 'ftp://ollama.lan', '--llm-model', 'm'], {})).toThrow(/llm\.url/);
  });

  it('builds the starter library unless told not to (flag or environment)', () => {
    expect(loadConfig([], {}).starterLibrary).toBe(true);
    expect(loadConfig(['--starter-library', 'off'], {}).starterLibrary).toBe(false);
    expect(loadConfig([], { HEARTH_STARTER_LIBRARY: 'OFF' }).starterLibrary).toBe(false);
    expect(loadConfig(['--starter-library', 'on'], { HEARTH_STARTER_LIBRARY: 'off' }).starterLibrary).toBe(true);
    expect(() => loadConfig(['--starter-library', 'maybe'], {})).toThrow(/starterLibrary/);
  });

  it('keeps HTTPS off unless --https or HEARTH_HTTPS turns it on, on port 8443 by default', () => {
    expect(loadConfig([], {}).https).toEqual({ enabled: false, port: 8443 });
    expect(loadConfig(['--https'], {}).https).toEqual({ enabled: true, port: 8443 });
    expect(loadConfig([], { HEARTH_HTTPS: '1', HEARTH_HTTPS_PORT: '9443' }).https).toEqual({
      enabled: true,
      port: 9443,
    });
    expect(loadConfig(['--https-port', '10443'], { HEARTH_HTTPS: 'true', HEARTH_HTTPS_PORT: '9443' }).https).toEqual({
      enabled: true,
      port: 10443,
    });
    expect(loadConfig([], { HEARTH_HTTPS: '0' }).https.enabled).toBe(false);
    expect(() => loadConfig([], { HEARTH_HTTPS: 'maybe' })).toThrow(/HEARTH_HTTPS=maybe/);
    expect(() => loadConfig(['--https-port', '99999'], {})).toThrow(/https\.port/);
  });

  it('keeps toy conversation history 30 days unless told otherwise (0 = none)', () => {
    // A week by default: short retention is the high-privacy default for children's words.
    expect(loadConfig([], {}).toyHistoryDays).toBe(7);
    expect(loadConfig([], { HEARTH_TOY_HISTORY_DAYS: '30' }).toyHistoryDays).toBe(30);
    expect(loadConfig(['--toy-history-days', '0'], { HEARTH_TOY_HISTORY_DAYS: '30' }).toyHistoryDays).toBe(0);
    expect(() => loadConfig(['--toy-history-days', '-1'], {})).toThrow(/toyHistoryDays/);
    expect(() => loadConfig([], { HEARTH_TOY_HISTORY_DAYS: 'forever' })).toThrow(/toyHistoryDays/);
  });

  it('lets toys answer in pauses only when told to (preemptive generation is off by default)', () => {
    expect(loadConfig([], {}).answerInPauses).toBe(false);
    expect(loadConfig([], { HEARTH_ANSWER_IN_PAUSES: 'on' }).answerInPauses).toBe(true);
    expect(loadConfig(['--answer-in-pauses', 'off'], { HEARTH_ANSWER_IN_PAUSES: 'on' }).answerInPauses).toBe(false);
    expect(() => loadConfig(['--answer-in-pauses', 'sometimes'], {})).toThrow(/answerInPauses/);
    expect(loadConfig([], {}).endOfTurn).toBe('adaptive');
    expect(loadConfig([], { HEARTH_END_OF_TURN: 'Fixed' }).endOfTurn).toBe('fixed');
    expect(() => loadConfig(['--end-of-turn', 'soon'], {})).toThrow(/endOfTurn/);
    expect(loadConfig([], {}).toyAgent).toBe('here');
    expect(loadConfig([], { HEARTH_TOY_AGENT: 'workers' }).toyAgent).toBe('workers');
    expect(loadConfig(['--toy-agent', 'here'], { HEARTH_TOY_AGENT: 'workers' }).toyAgent).toBe('here');
    expect(() => loadConfig(['--toy-agent', 'cloud'], {})).toThrow(/toyAgent/);
  });

  it('rejects bad values with a clear error', () => {
    expect(() => loadConfig(['--port', 'eighty'], {})).toThrow(ConfigError);
    expect(() => loadConfig([], { HEARTH_PORT: '70000' })).toThrow(/port/);
    expect(() => loadConfig(['--log-level', 'loud'], {})).toThrow(/logLevel/);
    expect(() => loadConfig(['--no-such-flag'], {})).toThrow(/unknown option/);
  });
});
