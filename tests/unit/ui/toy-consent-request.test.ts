import { describe, expect, it } from 'vitest';
import { TOY_CONSENT_VERSION } from '../../../src/core/devices/toy-consent.ts';
import { consentLabel, toyConsentRequest } from '../../../src/ui/screens/settings/toys/toy-consent-request.ts';

describe('the consent an add-a-toy form sends', () => {
  it('is the age and the current words once the parent accepted', () => {
    expect(toyConsentRequest('6', true)).toEqual({ childAge: 6, accepted: true, textVersion: TOY_CONSENT_VERSION });
    expect(toyConsentRequest(0, true)?.childAge).toBe(0);
  });

  it('is nothing without acceptance or a whole age from 0 to 17', () => {
    expect(toyConsentRequest('6', false)).toBeNull();
    for (const age of ['', ' ', 'six', '6.5', '-1', '18', null]) expect(toyConsentRequest(age, true)).toBeNull();
  });
});

describe("the consent on a toy's card", () => {
  it('says the age, the day and how the parent was signed in, or that none was recorded', () => {
    const label = consentLabel(
      { childAge: 6, textVersion: TOY_CONSENT_VERSION, givenBy: 'parent-pin', givenAt: '2026-12-02T12:00:00.000Z' },
      'en-GB',
    );
    expect(label).toBe('Child aged 6 · given 2 December 2026 with the parent PIN');
    expect(consentLabel(null)).toMatch(/None recorded/);
  });
});
