/** How far `timeZone`'s clocks are ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((found) => found.type === type)?.value ?? 0);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallClock - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a day (YYYY-MM-DD, as a date input gives it) starts in `timeZone`; `after` moves to
 * the next day's start, so that the day itself is included up to its end.
 */
export function startOfDayIn(day: string, timeZone: string, after = false): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  const midnight = Date.UTC(year, month - 1, date + (after ? 1 : 0));
  const first = midnight - offsetAt(midnight, timeZone);
  const offset = offsetAt(first, timeZone);
  const second = midnight - offset;
  // Where the clocks jump over midnight no instant reads it: the day starts as they jump.
  return new Date(offsetAt(second, timeZone) === offset ? second : first).toISOString();
}
