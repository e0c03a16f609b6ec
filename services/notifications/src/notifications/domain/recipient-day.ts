/**
 * A recipient's day, in their own time zone: when it began (for the daily cap) and when their last
 * digest was due. Plain Intl, no date library: the offset of a zone at an instant is all it takes.
 */
export class RecipientDay {
  /**
   * Each zone's current day as [start, next day's start), in ms: every email planned asks for the
   * start of its recipient's day, and working it out takes three calls into Intl.
   */
  private readonly days = new Map<string, { start: number; end: number }>();

  constructor(
    /** The hour, 0..23 local time, at which the daily digest goes out. */
    private readonly digestHour: number,
    /** For recipients whose profile names no time zone, or one this runtime does not know. */
    private readonly defaultTimeZone: string,
  ) {}

  /** The local day `now` falls on: from its midnight to the next. */
  dayOf(now: Date, recipientTimeZone: string | null): { start: Date; end: Date } {
    const timeZone = this.zoneOf(recipientTimeZone);
    const instant = now.getTime();
    let known = this.days.get(timeZone);
    if (!known || instant < known.start || known.end <= instant) {
      const today = localDate(now, timeZone);
      known = {
        start: atLocalHour(today, 0, timeZone).getTime(),
        end: atLocalHour(shiftDays(today, 1), 0, timeZone).getTime(),
      };
      this.days.set(timeZone, known);
    }
    return { start: new Date(known.start), end: new Date(known.end) };
  }

  /**
   * The latest digest time at or before `now`: today's DIGEST_HOUR if it has passed, else
   * yesterday's. A digest sent for it gathers what was held before it; later mail waits for the next.
   */
  lastDigestTime(now: Date, recipientTimeZone: string | null): Date {
    const timeZone = this.zoneOf(recipientTimeZone);
    const today = localDate(now, timeZone);
    const todays = atLocalHour(today, this.digestHour, timeZone);
    if (todays.getTime() <= now.getTime()) return todays;
    return atLocalHour(shiftDays(today, -1), this.digestHour, timeZone);
  }

  private zoneOf(timeZone: string | null): string {
    return timeZone && isKnownTimeZone(timeZone) ? timeZone : this.defaultTimeZone;
  }
}

/** Whether Intl knows a time zone name (IANA, e.g. `Europe/Lisbon`). */
export function isKnownTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

/** Formatters by zone, null for a name Intl refuses: making one costs more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();
/** Zone names come from profiles, which may name anything: a bound on how many are remembered. */
const MAX_REMEMBERED_ZONES = 1_000;

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter !== undefined) return formatter;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    formatter = null;
  }
  if (formatters.size < MAX_REMEMBERED_ZONES) formatters.set(timeZone, formatter);
  return formatter;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** The local date and time at an instant in a zone Intl knows. */
export function wallClock(instant: Date, timeZone: string): LocalDate & { hour: number; minute: number } {
  const formatter = formatterFor(timeZone);
  if (!formatter) throw new RangeError(`unknown time zone ${timeZone}`);
  const parts = Object.fromEntries(
    formatter.formatToParts(instant).map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

function localDate(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

/** How far ahead of UTC the zone's clocks are at an instant, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  const local = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return asUtc - Math.floor(instant / 60_000) * 60_000;
}

/**
 * The instant a local date shows `hour`:`minute`. Around a DST change the offset differs on either
 * side, so it is read again at the first guess.
 */
export function atLocalHour(date: LocalDate, hour: number, timeZone: string, minute = 0): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone));
}

export function shiftDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}
