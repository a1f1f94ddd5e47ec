// A memory's "forget after" day: forgotten when that local day is over, shown back as the same day.
import { describe, expect, it } from 'vitest';
import { dateField, dateFieldOf, forgetMomentOf } from '../../../src/ui/screens/memory/forget-date.ts';

describe('forget-after date field', () => {
  it('forgets at the local midnight after the chosen day and shows that day again', () => {
    const moment = forgetMomentOf('2026-04-20');
    expect(moment).toBe(new Date(2026, 3, 21).getTime());
    expect(dateFieldOf(moment!)).toBe('2026-04-20');
    expect(dateField(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  it('refuses what is not a real day', () => {
    for (const bad of ['', '2026-02-30', '20-04-2026', '2026-13-01', 'soon']) expect(forgetMomentOf(bad)).toBeNull();
  });
});
