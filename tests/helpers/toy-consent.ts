// The parent's consent that tests send when they register or pair a toy (consent first, issue 14):
// a six-year-old, and the current version of the words.
import { TOY_CONSENT_VERSION, type ToyConsentRequest } from '../../src/core/devices/toy-consent.ts';

export const TEST_CHILD_AGE = 6;

export const TEST_CONSENT: ToyConsentRequest = {
  childAge: TEST_CHILD_AGE,
  accepted: true,
  textVersion: TOY_CONSENT_VERSION,
};
