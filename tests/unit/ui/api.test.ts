import { afterEach, describe, expect, it, vi } from 'vitest';
import { getHealth, getModels, parseHealth, parseModels } from '../../../src/ui/api.ts';

const pack = {
  id: 'whisper-tiny',
  role: 'stt',
  title: 'Whisper tiny',
  tier: 'small',
  engine: 'transformers.js',
  bytes: 41_000_000,
  state: 'ready',
  files: [{ path: 'model.onnx', state: 'ready', bytes: 41_000_000, location: 'models/stt/model.onnx' }],
  fix: null,
};
const models = {
  roles: [{ role: 'stt', label: 'Speech to text', status: 'ready', pack, better: [], fix: null, packs: [pack] }],
};

function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' }, ...init });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ui api parsers', () => {
  it('accepts the server health body', () => {
    expect(parseHealth({ ok: true, name: 'hearth', version: '0.1.0', uptimeS: 3, time: 'x' })).toEqual({
      ok: true,
      name: 'hearth',
      version: '0.1.0',
      uptimeS: 3,
      time: 'x',
    });
    expect(parseHealth('<html>')).toBeNull();
  });

  it('accepts the exact models shape and rejects others', () => {
    expect(parseModels(models)).toEqual(models);
    expect(parseModels({ roles: [{ role: 'stt' }] })).toBeNull();
    expect(parseModels({})).toBeNull();
  });
});

describe('ui api fetch helpers', () => {
  it('asks for JSON from same-origin /api paths', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => jsonResponse(models));
    vi.stubGlobal('fetch', fetchMock);
    const result = await getModels();
    expect(result).toEqual({ ok: true, data: models });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/models');
    expect(new Headers(init?.headers).get('accept')).toBe('application/json');
  });

  it('reports offline, http and non-JSON answers as errors', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await getHealth()).toMatchObject({ ok: false, error: { kind: 'offline' } });

    vi.stubGlobal(
      'fetch',
      vi.fn(async () => jsonResponse({}, { status: 502 })),
    );
    expect(await getHealth()).toMatchObject({ ok: false, error: { kind: 'http', status: 502 } });

    // An SPA fallback answering index.html with 200 must not count as a Hearth server.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } })),
    );
    expect(await getHealth()).toMatchObject({ ok: false, error: { kind: 'bad-response' } });
  });
});
