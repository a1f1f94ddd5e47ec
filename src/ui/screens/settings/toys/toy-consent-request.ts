// The consent the add-a-toy forms send, or null while the age is not a whole number in range or the
// parent has not accepted (the form's button stays off).
import {
  CHILD_AGE_RANGE,
  TOY_CONSENT_VERSION,
  type ToyConsent,
  type ToyConsentRequest,
} from '../../../../core/devices/toy-consent.ts';

export function toyConsentRequest(childAge: string | number | null, accepted: boolean): ToyConsentRequest | null {
  const age = typeof childAge === 'number' ? childAge : Number(String(childAge ?? '').trim() || NaN);
  if (!accepted || !Number.isInteger(age) || age < CHILD_AGE_RANGE.min || age > CHILD_AGE_RANGE.max) return null;
  return { childAge: age, accepted: true, textVersion: TOY_CONSENT_VERSION };
}

/** The consent on a toy's card: the child's age, when, and how the parent was signed in. */
export function consentLabel(consent: ToyConsent | null, locale?: string): string {
  if (!consent) return 'None recorded (added before Hearth asked)';
  const when = new Date(consent.givenAt).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  const how = consent.givenBy === 'parent-pin' ? 'with the parent PIN' : 'with the household key';
  return `Child aged ${consent.childAge} · given ${when} ${how}`;
}
