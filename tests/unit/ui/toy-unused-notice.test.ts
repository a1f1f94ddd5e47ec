import { describe, expect, it } from 'vitest';
import { unusedToyDeletion } from '../../../src/core/devices/unused-toy-deletion.ts';
import { unusedDaysLabel, unusedToyNotice } from '../../../src/ui/screens/settings/toys/toy-unused-notice.ts';

const DAY_MS = 24 * 3600 * 1000;
const lastUsed = new Date(2026, 3, 3, 12).getTime(); // Friday 3 April 2026, local noon

describe('when an unused toy is deleted', () => {
  it('is due for notice only in the last week before its date, and never when set to 0', () => {
    expect(unusedToyDeletion(lastUsed, 90, lastUsed + 82 * DAY_MS).noticeDue).toBe(false);
    expect(unusedToyDeletion(lastUsed, 90, lastUsed + 83 * DAY_MS)).toEqual({
      lastUsedAt: new Date(lastUsed).toISOString(),
      deletesAt: new Date(lastUsed + 90 * DAY_MS).toISOString(),
      noticeDue: true,
    });
    expect(unusedToyDeletion(lastUsed, 0, lastUsed + 5000 * DAY_MS)).toMatchObject({
      deletesAt: null,
      noticeDue: false,
    });
  });
});

describe('the notice on a toy’s card', () => {
  it('says since when it was not used and on which day it goes, in plain words', () => {
    const deletion = unusedToyDeletion(lastUsed, 90, lastUsed + 85 * DAY_MS);
    const notice = unusedToyNotice(deletion, lastUsed + 85 * DAY_MS, 'en-GB');
    expect(notice).toMatch(/^Not used since Friday,? 3 April 2026\. On Thursday,? 2 July 2026 this toy and everything/);
    expect(notice).toMatch(/unless it is used before then/);
  });

  it('says today once the day has come and the daily deletion has not run yet', () => {
    const now = lastUsed + 90 * DAY_MS + 3_600_000;
    expect(unusedToyNotice(unusedToyDeletion(lastUsed, 90, now), now, 'en-GB')).toMatch(
      /\. Today this toy and everything it kept/,
    );
  });

  it('says nothing outside the notice week, when set to never, or without the field', () => {
    const early = lastUsed + 10 * DAY_MS;
    expect(unusedToyNotice(unusedToyDeletion(lastUsed, 90, early), early)).toBeNull();
    expect(unusedToyNotice(unusedToyDeletion(lastUsed, 0, early), early)).toBeNull();
    expect(unusedToyNotice(undefined)).toBeNull();
  });

  it('labels the choices', () => {
    expect([0, 30, 90, 365, 45].map(unusedDaysLabel)).toEqual([
      'Never',
      '30 days',
      '90 days (default)',
      '1 year',
      '45 days',
    ]);
  });
});
