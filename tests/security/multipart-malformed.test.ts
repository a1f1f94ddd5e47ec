import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHearthServer, type RunningServer } from '../helpers/server.ts';
import { adminToken, toneWav, upload } from './catalog-client.ts';
import { rawRequest } from './raw-http.ts';

// Issue 12, finding 5: a malformed multipart body got a 500. Each one here must get a 4xx that says
// what is wrong, leave nothing behind in the staging folder, and leave the server working.

let server: RunningServer;
let token: string;
beforeAll(async () => {
  server = await startHearthServer({ media: 'empty', args: ['--starter-library', 'off'] });
  token = await adminToken(server);
}, 240_000);
afterAll(async () => server?.stop(), 120_000);

const B = 'hearth-malformed';
const filePartHead = `--${B}\r\nContent-Disposition: form-data; name="file"; filename="song.wav"\r\nContent-Type: audio/wav\r\n\r\n`;
const wavText = toneWav(440, 0.2).toString('latin1');

const CASES: { name: string; contentType: string; body: string }[] = [
  {
    name: 'no boundary in the content type',
    contentType: 'multipart/form-data',
    body: `${filePartHead}${wavText}\r\n--${B}--\r\n`,
  },
  {
    name: 'the body ends in the middle of the file',
    contentType: `multipart/form-data; boundary=${B}`,
    body: `${filePartHead}${wavText.slice(0, 2000)}`,
  },
  {
    name: 'a part header without a colon',
    contentType: `multipart/form-data; boundary=${B}`,
    body: `--${B}\r\nthis is not a header\r\n\r\nhello\r\n--${B}--\r\n`,
  },
  {
    name: 'a boundary that never appears',
    contentType: 'multipart/form-data; boundary=nowhere',
    body: `${filePartHead}${wavText}\r\n--${B}--\r\n`,
  },
  {
    name: 'the closing boundary is missing after a field',
    contentType: `multipart/form-data; boundary=${B}`,
    body: `--${B}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n{"title":"x"}`,
  },
  { name: 'an empty body', contentType: `multipart/form-data; boundary=${B}`, body: '' },
  {
    name: 'a __proto__ field name',
    contentType: `multipart/form-data; boundary=${B}`,
    body: `--${B}\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\n{}\r\n--${B}--\r\n`,
  },
  {
    name: 'a file part with no file name',
    contentType: `multipart/form-data; boundary=${B}`,
    body: `--${B}\r\nContent-Disposition: form-data; name="file"\r\nContent-Type: audio/wav\r\n\r\n${wavText}\r\n--${B}--\r\n`,
  },
];

describe('malformed multipart uploads (finding 5)', { timeout: 120_000 }, () => {
  it.each(CASES)('$name: a 4xx with a message, not a 500', async ({ contentType, body }) => {
    const res = await rawRequest(server.url, '/api/catalog/items', {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
      body,
    });
    expect(res.status, res.text).toBeGreaterThanOrEqual(400);
    expect(res.status, res.text).toBeLessThan(500);
    const json = res.json();
    expect(typeof json.message).toBe('string');
    expect(String(json.message).length).toBeGreaterThan(10);
  });

  it('leaves nothing in staging and keeps accepting good uploads', async () => {
    const good = await upload(server, token, 'after.wav', toneWav(523, 0.3));
    expect(good.status).toBe(201);
    const staging = path.join(server.mediaDir, '.incoming');
    expect(fs.existsSync(staging) ? fs.readdirSync(staging) : []).toEqual([]);
  });
});
