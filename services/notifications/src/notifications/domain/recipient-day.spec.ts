import { isKnownTimeZone, RecipientDay } from './recipient-day';

describe('RecipientDay', () => {
  const day = new RecipientDay(8, 'UTC');

  it('starts the day at local midnight, east and west of UTC', () => {
    const now = new Date('2026-11-25T03:30:00Z');
    expect(day.dayOf(now, 'UTC').start.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    // 12:30 in Tokyo (UTC+9): the local day began at 15:00 UTC the day before.
    expect(day.dayOf(now, 'Asia/Tokyo').start.toISOString()).toBe('2026-11-24T15:00:00.000Z');
    // 22:30 the day before in New York (UTC-5).
    expect(day.dayOf(now, 'America/New_York').start.toISOString()).toBe('2026-11-24T05:00:00.000Z');
  });

  it('moves on to the next day at local midnight, and back when asked about an earlier one', () => {
    expect(day.dayOf(new Date('2026-11-24T23:59:00Z'), 'UTC').start.toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
    expect(day.dayOf(new Date('2026-11-25T00:00:00Z'), 'UTC').start.toISOString()).toBe(
      '2026-11-25T00:00:00.000Z',
    );
    expect(day.dayOf(new Date('2026-11-24T12:00:00Z'), 'UTC').start.toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
    // New York's 2026-11-01 lasts 25 hours (clocks back): 23:30 local is 04:30 UTC the next day.
    expect(day.dayOf(new Date('2026-11-01T12:00:00Z'), 'America/New_York').start.toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    expect(day.dayOf(new Date('2026-11-02T04:30:00Z'), 'America/New_York').start.toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    );
    expect(day.dayOf(new Date('2026-11-01T12:00:00Z'), 'America/New_York').end.toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
    expect(day.dayOf(new Date('2026-11-02T05:00:00Z'), 'America/New_York').start.toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    );
  });

  it("takes today's digest hour once it has passed, yesterday's before", () => {
    expect(day.lastDigestTime(new Date('2026-11-25T09:00:00Z'), 'UTC').toISOString()).toBe(
      '2026-11-25T08:00:00.000Z',
    );
    expect(day.lastDigestTime(new Date('2026-11-25T08:00:00Z'), 'UTC').toISOString()).toBe(
      '2026-11-25T08:00:00.000Z',
    );
    expect(day.lastDigestTime(new Date('2026-11-25T07:59:00Z'), 'UTC').toISOString()).toBe(
      '2026-11-24T08:00:00.000Z',
    );
  });

  it('reads the digest hour on the recipient’s clock, not the server’s', () => {
    // 09:00 UTC is 04:00 in New York: its 08:00 digest was yesterday's, at 13:00 UTC.
    expect(day.lastDigestTime(new Date('2026-11-25T09:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-11-24T13:00:00.000Z',
    );
    // Lisbon is on summer time (UTC+1) in July: 08:00 there is 07:00 UTC.
    expect(day.lastDigestTime(new Date('2026-07-01T07:30:00Z'), 'Europe/Lisbon').toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
  });

  it('keeps the local hour across a daylight-saving change', () => {
    // New York moves its clocks back on 2026-11-01: 08:00 is 12:00 UTC before, 13:00 UTC after.
    expect(day.lastDigestTime(new Date('2026-10-31T20:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-10-31T12:00:00.000Z',
    );
    expect(day.lastDigestTime(new Date('2026-11-01T20:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-11-01T13:00:00.000Z',
    );
  });

  it('reads the default zone for recipients who named none or an unknown one', () => {
    const lisbonByDefault = new RecipientDay(8, 'Europe/Lisbon');
    const now = new Date('2026-07-01T12:00:00Z');
    expect(lisbonByDefault.dayOf(now, null).start.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(lisbonByDefault.dayOf(now, 'Mars/Olympus_Mons').start.toISOString()).toBe(
      '2026-06-30T23:00:00.000Z',
    );
    expect(lisbonByDefault.dayOf(now, 'Asia/Tokyo').start.toISOString()).toBe('2026-06-30T15:00:00.000Z');
  });

  it('knows IANA zone names and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/Lisbon')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
