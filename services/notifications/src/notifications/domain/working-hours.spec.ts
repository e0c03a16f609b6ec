import { parseWorkingDays, parseWorkingHours, WEEKDAYS, WorkingHours, type Weekday } from './working-hours';

const EVERY_DAY = new Set<Weekday>(WEEKDAYS);
const EIGHT_TO_EIGHT = { start: 8 * 60, end: 20 * 60 };

function nextWorkingTime(
  at: string,
  timeZone: string | null,
  hours = new WorkingHours(EIGHT_TO_EIGHT, EVERY_DAY, 'UTC'),
) {
  return hours.nextWorkingTime(new Date(at), timeZone).toISOString();
}

describe('WorkingHours', () => {
  it('lets an email go at once within working hours, from the start up to the end excluded', () => {
    expect(nextWorkingTime('2026-12-07T10:00:00.000Z', 'UTC')).toBe('2026-12-07T10:00:00.000Z');
    expect(nextWorkingTime('2026-12-07T08:00:00.000Z', 'UTC')).toBe('2026-12-07T08:00:00.000Z');
    expect(nextWorkingTime('2026-12-07T19:59:59.000Z', 'UTC')).toBe('2026-12-07T19:59:59.000Z');
  });

  it('holds an email outside them until the next start: the same morning, or the next', () => {
    expect(nextWorkingTime('2026-12-07T07:59:00.000Z', 'UTC')).toBe('2026-12-07T08:00:00.000Z');
    expect(nextWorkingTime('2026-12-07T00:00:00.000Z', 'UTC')).toBe('2026-12-07T08:00:00.000Z');
    expect(nextWorkingTime('2026-12-07T20:00:00.000Z', 'UTC')).toBe('2026-12-08T08:00:00.000Z');
    expect(nextWorkingTime('2026-12-07T23:00:00.000Z', 'UTC')).toBe('2026-12-08T08:00:00.000Z');
  });

  it('reads the hour on the person’s clock: the same instant is night in Tokyo, morning in New York', () => {
    // 14:00 UTC: 23:00 in Tokyo (UTC+9), 09:00 in New York (UTC-5).
    expect(nextWorkingTime('2026-12-07T14:00:00.000Z', 'Asia/Tokyo')).toBe('2026-12-07T23:00:00.000Z');
    expect(nextWorkingTime('2026-12-07T14:00:00.000Z', 'America/New_York')).toBe('2026-12-07T14:00:00.000Z');
  });

  it('keeps 08:00 local across the spring and autumn changes in Lisbon and New York', () => {
    // Lisbon springs forward on 2026-03-29 (WET to WEST): 23:00 the night before is 23:00 UTC,
    // the next 08:00 is 07:00 UTC.
    expect(nextWorkingTime('2026-03-28T23:00:00.000Z', 'Europe/Lisbon')).toBe('2026-03-29T07:00:00.000Z');
    // It falls back on 2026-10-25: 23:00 WEST the night before is 22:00 UTC, the next 08:00 is 08:00 UTC.
    expect(nextWorkingTime('2026-10-24T22:00:00.000Z', 'Europe/Lisbon')).toBe('2026-10-25T08:00:00.000Z');
    // New York springs forward on 2026-03-08: 23:00 EST is 04:00 UTC, 08:00 EDT is 12:00 UTC.
    expect(nextWorkingTime('2026-03-08T04:00:00.000Z', 'America/New_York')).toBe('2026-03-08T12:00:00.000Z');
    // …and an email in the night's missing hour (02:30 would be 06:30 UTC) waits just as well.
    expect(nextWorkingTime('2026-03-08T07:30:00.000Z', 'America/New_York')).toBe('2026-03-08T12:00:00.000Z');
    // It falls back on 2026-11-01: 23:00 EDT is 03:00 UTC, 08:00 EST is 13:00 UTC.
    expect(nextWorkingTime('2026-11-01T03:00:00.000Z', 'America/New_York')).toBe('2026-11-01T13:00:00.000Z');
  });

  it('works with half-hour offsets (Kolkata, UTC+5:30)', () => {
    // 22:30 in Kolkata; 08:00 there is 02:30 UTC.
    expect(nextWorkingTime('2026-12-07T17:00:00.000Z', 'Asia/Kolkata')).toBe('2026-12-08T02:30:00.000Z');
    expect(nextWorkingTime('2026-12-08T02:29:00.000Z', 'Asia/Kolkata')).toBe('2026-12-08T02:30:00.000Z');
    expect(nextWorkingTime('2026-12-08T02:30:00.000Z', 'Asia/Kolkata')).toBe('2026-12-08T02:30:00.000Z');
  });

  it('works far east and far west, where the local date is not the UTC date', () => {
    // 23:00 on 7 December in Auckland (UTC+13 in summer) is still 10:00 UTC on the 7th; its next
    // 08:00 is 19:00 UTC the same UTC day.
    expect(nextWorkingTime('2026-12-07T10:00:00.000Z', 'Pacific/Auckland')).toBe('2026-12-07T19:00:00.000Z');
    // 23:00 on 6 December in Honolulu (UTC-10) is 09:00 UTC on the 7th; 08:00 there is 18:00 UTC.
    expect(nextWorkingTime('2026-12-07T09:00:00.000Z', 'Pacific/Honolulu')).toBe('2026-12-07T18:00:00.000Z');
    // 19:00 on 7 December in Honolulu is 05:00 UTC on the 8th: still working hours there.
    expect(nextWorkingTime('2026-12-08T05:00:00.000Z', 'Pacific/Honolulu')).toBe('2026-12-08T05:00:00.000Z');
    // 23:30 UTC is already 08:30 the next day in Tokyo.
    expect(nextWorkingTime('2026-12-07T23:30:00.000Z', 'Asia/Tokyo')).toBe('2026-12-07T23:30:00.000Z');
  });

  it('skips the days off, read on the local calendar', () => {
    const weekdays = new WorkingHours(
      EIGHT_TO_EIGHT,
      new Set<Weekday>(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']),
      'UTC',
    );
    // Friday 11 December 2026, 21:00 in Lisbon: Monday's 08:00.
    expect(nextWorkingTime('2026-12-11T21:00:00.000Z', 'Europe/Lisbon', weekdays)).toBe(
      '2026-12-14T08:00:00.000Z',
    );
    // Saturday 10:00 in Lisbon, within the hours but not a working day.
    expect(nextWorkingTime('2026-12-12T10:00:00.000Z', 'Europe/Lisbon', weekdays)).toBe(
      '2026-12-14T08:00:00.000Z',
    );
    // Friday 20:00 UTC is Saturday 09:00 in Auckland: Monday 08:00 there, Sunday 19:00 UTC.
    expect(nextWorkingTime('2026-12-11T20:00:00.000Z', 'Pacific/Auckland', weekdays)).toBe(
      '2026-12-13T19:00:00.000Z',
    );
    // Sunday 07:00 in Lisbon: still Monday.
    expect(nextWorkingTime('2026-12-13T07:00:00.000Z', 'Europe/Lisbon', weekdays)).toBe(
      '2026-12-14T08:00:00.000Z',
    );
    expect(weekdays.isWorkingDayAt(new Date('2026-12-11T20:00:00.000Z'), 'Europe/Lisbon')).toBe(true);
    expect(weekdays.isWorkingDayAt(new Date('2026-12-11T20:00:00.000Z'), 'Pacific/Auckland')).toBe(false);
  });

  it('reads the default zone for people who named none or an unknown one', () => {
    const lisbonByDefault = new WorkingHours(EIGHT_TO_EIGHT, EVERY_DAY, 'Europe/Lisbon');
    // 07:30 UTC in July is 08:30 in Lisbon (WEST).
    expect(nextWorkingTime('2026-07-01T07:30:00.000Z', null, lisbonByDefault)).toBe(
      '2026-07-01T07:30:00.000Z',
    );
    expect(nextWorkingTime('2026-07-01T06:30:00.000Z', 'Mars/Olympus_Mons', lisbonByDefault)).toBe(
      '2026-07-01T07:00:00.000Z',
    );
  });

  it('never holds anything when the hours are the whole day, every day', () => {
    const always = new WorkingHours({ start: 0, end: 24 * 60 }, EVERY_DAY, 'UTC');
    expect(nextWorkingTime('2026-12-07T23:59:00.000Z', 'Asia/Tokyo', always)).toBe(
      '2026-12-07T23:59:00.000Z',
    );
    expect(nextWorkingTime('2026-12-07T00:00:00.000Z', 'UTC', always)).toBe('2026-12-07T00:00:00.000Z');
  });

  it('tells whether the digest hour falls within the hours', () => {
    const hours = new WorkingHours(EIGHT_TO_EIGHT, EVERY_DAY, 'UTC');
    expect(hours.includesHour(8)).toBe(true);
    expect(hours.includesHour(19)).toBe(true);
    expect(hours.includesHour(7)).toBe(false);
    expect(hours.includesHour(20)).toBe(false);
  });
});

describe('parseWorkingHours', () => {
  it('reads HH:MM-HH:MM as minutes since midnight, up to 24:00', () => {
    expect(parseWorkingHours('08:00-20:00')).toEqual({ start: 480, end: 1200 });
    expect(parseWorkingHours('07:30-18:45')).toEqual({ start: 450, end: 1125 });
    expect(parseWorkingHours('00:00-24:00')).toEqual({ start: 0, end: 1440 });
  });

  it('refuses other shapes, impossible times, and a start not before the end', () => {
    expect(parseWorkingHours('8-20')).toMatch(/HH:MM-HH:MM/);
    expect(parseWorkingHours('08:00-25:00')).toMatch(/00:00 to 24:00/);
    expect(parseWorkingHours('08:60-20:00')).toMatch(/00:00 to 24:00/);
    expect(parseWorkingHours('20:00-08:00')).toMatch(/start before the end/);
    expect(parseWorkingHours('08:00-08:00')).toMatch(/start before the end/);
  });
});

describe('parseWorkingDays', () => {
  it('reads day names and ranges, a range wrapping past Sunday', () => {
    expect([...(parseWorkingDays('Mon-Fri') as Set<Weekday>)]).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
    expect([...(parseWorkingDays('Mon-Sun') as Set<Weekday>)]).toHaveLength(7);
    expect([...(parseWorkingDays('fri-mon') as Set<Weekday>)]).toEqual(['Fri', 'Sat', 'Sun', 'Mon']);
    expect([...(parseWorkingDays('Mon, Wed,Fri') as Set<Weekday>)]).toEqual(['Mon', 'Wed', 'Fri']);
  });

  it('refuses anything else', () => {
    expect(parseWorkingDays('Monday-Friday')).toMatch(/day names/);
    expect(parseWorkingDays('Mon-Wed-Fri')).toMatch(/day names/);
    expect(parseWorkingDays('')).toMatch(/day names/);
  });
});
