import { atLocalHour, isKnownTimeZone, shiftDays, wallClock, type LocalDate } from './recipient-day';

/** Days of the week as WORKING_DAYS names them, in the order of `Date.getUTCDay()`. */
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

const MINUTES_PER_DAY = 24 * 60;

/**
 * `HH:MM-HH:MM`, local time, the start before the end; `24:00` ends at midnight, so `00:00-24:00`
 * is any hour. A window across midnight is refused: working hours are a daytime span, and the
 * quiet hours are the rest. Returns the window in minutes since midnight, or why it is refused.
 */
export function parseWorkingHours(value: string): { start: number; end: number } | string {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match) return 'working hours as HH:MM-HH:MM, e.g. 08:00-20:00';
  const [startHour, startMinute, endHour, endMinute] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  const start = startHour * 60 + startMinute;
  const end = endHour * 60 + endMinute;
  if (startHour > 23 || endHour > 24 || startMinute > 59 || endMinute > 59 || end > MINUTES_PER_DAY)
    return 'times from 00:00 to 24:00';
  if (start >= end) return 'the start before the end, within one day (e.g. 08:00-20:00)';
  return { start, end };
}

/**
 * Day names (`Mon`…`Sun`) and ranges, comma-separated: `Mon-Fri`, `Mon-Sun`, `Mon,Wed,Fri`,
 * `Sun-Thu`. A range may wrap past Sunday (`Fri-Mon`). Returns the days, or why they are refused.
 */
export function parseWorkingDays(value: string): Set<Weekday> | string {
  const days = new Set<Weekday>();
  const indexOf = (name: string) => WEEKDAYS.findIndex((day) => day.toLowerCase() === name.toLowerCase());
  for (const part of value.split(',').map((item) => item.trim())) {
    const [first, last = first, ...rest] = part.split('-').map((item) => item.trim());
    const from = indexOf(first ?? '');
    const to = indexOf(last);
    if (from < 0 || to < 0 || rest.length > 0)
      return 'day names Mon, Tue, Wed, Thu, Fri, Sat, Sun and ranges, comma-separated (e.g. Mon-Fri)';
    for (let day = from; ; day = (day + 1) % 7) {
      days.add(WEEKDAYS[day] as Weekday);
      if (day === to) break;
    }
  }
  return days;
}

/**
 * When a non-urgent email may reach someone: within their working hours, on their working days, in
 * their own time zone. Outside them it waits for the next start of working hours there: an email at
 * 23:00 goes at 08:00 the next working day, whatever the offset, DST change or date line.
 */
export class WorkingHours {
  constructor(
    /** Minutes since local midnight the working hours start and end (the end excluded). */
    private readonly window: { start: number; end: number },
    private readonly days: ReadonlySet<Weekday>,
    /** For people whose profile names no time zone, or one this runtime does not know. */
    private readonly defaultTimeZone: string,
  ) {
    if (days.size === 0) throw new RangeError('working hours need at least one working day');
  }

  /** `now` when it falls within the person's working hours, else the next start of them. */
  nextWorkingTime(now: Date, personTimeZone: string | null): Date {
    const timeZone = this.zoneOf(personTimeZone);
    const local = wallClock(now, timeZone);
    const minute = local.hour * 60 + local.minute;
    if (this.isWorkingDay(local) && this.window.start <= minute && minute < this.window.end) return now;
    let day: LocalDate = local;
    if (!this.isWorkingDay(day) || minute >= this.window.start) day = shiftDays(day, 1);
    while (!this.isWorkingDay(day)) day = shiftDays(day, 1);
    return atLocalHour(day, 0, timeZone, this.window.start);
  }

  /** Whether the local date an instant falls on, in the person's zone, is a working day. */
  isWorkingDayAt(instant: Date, personTimeZone: string | null): boolean {
    return this.isWorkingDay(wallClock(instant, this.zoneOf(personTimeZone)));
  }

  /** Whether `hour`:00 (0..23, local) falls within the working hours. */
  includesHour(hour: number): boolean {
    return this.window.start <= hour * 60 && hour * 60 < this.window.end;
  }

  private isWorkingDay(date: LocalDate): boolean {
    const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
    return this.days.has(WEEKDAYS[weekday] as Weekday);
  }

  private zoneOf(timeZone: string | null): string {
    return timeZone && isKnownTimeZone(timeZone) ? timeZone : this.defaultTimeZone;
  }
}
