import { describe, expect, it } from 'vitest';
import { datesOf, indexOf } from '../../web/src/ui/timeline.js';

describe('the "as of" slider', () => {
  it('snaps to the distinct start and end dates, in the API’s order, ignoring publication dates', () => {
    const events = [
      { date: '2019-04', kind: 'since' },
      { date: '2020', kind: 'published' },
      { date: '2021-06', kind: 'until' },
      { date: '2021-06', kind: 'since' },
      { date: '2023-02', kind: 'since' },
    ];
    expect(datesOf(events)).toEqual(['2019-04', '2021-06', '2023-02']);
  });

  it('puts an asOf on its date, else on the last date before it; no asOf is the last position', () => {
    const dates = ['2019-04', '2021-06', '2023-02'];
    expect(indexOf(dates, null)).toBe(3);
    expect(indexOf(dates, '2021-06')).toBe(1);
    expect(indexOf(dates, '2022')).toBe(1);
    expect(indexOf(dates, '2030')).toBe(2);
    expect(indexOf(dates, '1990')).toBe(0);
  });
});
