import { describe, expect, it } from 'vitest';
import { groupByDay } from '../../../src/ui/screens/settings/toys/toy-history-days.ts';

/** A local time on 2026-06-{day} as an ISO string, the way the server sends it. */
const at = (day: number, hour: number) => ({
  startedAt: new Date(2026, 5, day, hour, 30).toISOString(),
  id: `${day}-${hour}`,
});

describe('groupByDay', () => {
  it('groups newest-first turns by local day, labelling today and yesterday', () => {
    const now = new Date(2026, 5, 10, 9, 0);
    const groups = groupByDay([at(10, 8), at(10, 0), at(9, 23), at(9, 1), at(3, 12)], now, 'en-GB');
    expect(groups.map((g) => [g.day, g.label, g.turns.map((t) => t.id)])).toEqual([
      ['2026-06-10', 'Today', ['10-8', '10-0']],
      ['2026-06-09', 'Yesterday', ['9-23', '9-1']],
      ['2026-06-03', expect.stringMatching(/^Wednesday,? 3 June 2026$/), ['3-12']],
    ]);
  });

  it('gives nothing for no turns', () => {
    expect(groupByDay([], new Date())).toEqual([]);
  });
});
