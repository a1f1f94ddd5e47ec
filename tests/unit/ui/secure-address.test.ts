import { describe, expect, it } from 'vitest';
import { parseHealth } from '../../../src/ui/api.ts';
import { secureAddressFor } from '../../../src/ui/secure-context/secure-address.ts';

const lan = { protocol: 'http:', hostname: '192.168.1.20', origin: 'http://192.168.1.20:8787' };

describe('the secure address offered to a plain-http page', () => {
  it('is the same host on the server’s HTTPS port, with the CA from the page’s own origin', () => {
    expect(secureAddressFor(lan, 8443)).toEqual({
      secureUrl: 'https://192.168.1.20:8443/',
      caUrl: 'http://192.168.1.20:8787/hearth-ca.crt',
    });
  });

  it('keeps an IPv6 host in brackets', () => {
    const v6 = { protocol: 'http:', hostname: '[fd00::5]', origin: 'http://[fd00::5]:8787' };
    expect(secureAddressFor(v6, 9443)?.secureUrl).toBe('https://[fd00::5]:9443/');
  });

  it('is none when the server has no HTTPS, or the page is already on it', () => {
    expect(secureAddressFor(lan, null)).toBeNull();
    expect(secureAddressFor({ ...lan, protocol: 'https:', origin: 'https://192.168.1.20:8443' }, 8443)).toBeNull();
  });

  it('reads the HTTPS port from the health body only when it is a real port', () => {
    expect(parseHealth({ ok: true, httpsPort: 8443 })?.httpsPort).toBe(8443);
    expect(parseHealth({ ok: true, httpsPort: null })?.httpsPort).toBeUndefined();
    expect(parseHealth({ ok: true, httpsPort: '8443' })?.httpsPort).toBeUndefined();
    expect(parseHealth({ ok: true, httpsPort: 0 })?.httpsPort).toBeUndefined();
  });
});
