import { startOfDayIn } from './day-in-zone';

describe('the start of a day in a time zone', () => {
  it("is midnight on the zone's clocks, in winter and in summer", () => {
    expect(startOfDayIn('2026-01-15', 'Europe/Berlin')).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'Europe/Berlin')).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'America/Sao_Paulo')).toBe('2026-07-15T03:00:00.000Z');
    expect(startOfDayIn('2026-07-15', 'UTC')).toBe('2026-07-15T00:00:00.000Z');
  });

  it("includes the day up to its end: the next day's start, over a month's end", () => {
    expect(startOfDayIn('2026-01-31', 'Asia/Tokyo', true)).toBe('2026-01-31T15:00:00.000Z');
  });

  it('counts a day on which the clocks change with the offset that holds at its midnight', () => {
    // Berlin's clocks go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October.
    expect(startOfDayIn('2026-03-29', 'Europe/Berlin', true)).toBe('2026-03-29T22:00:00.000Z');
    expect(startOfDayIn('2026-10-25', 'Europe/Berlin')).toBe('2026-10-24T22:00:00.000Z');
    expect(startOfDayIn('2026-10-25', 'Europe/Berlin', true)).toBe('2026-10-25T23:00:00.000Z');
    // Santiago's go forward at midnight on 6 September 2026: that day starts at 01:00.
    expect(startOfDayIn('2026-09-06', 'America/Santiago')).toBe('2026-09-06T04:00:00.000Z');
  });
});
