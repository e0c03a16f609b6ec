/** Whether Intl knows a time zone name (IANA, e.g. `Europe/Lisbon`). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** The zone to show someone's dates in: theirs when Intl knows it (profiles may name anything), else `fallback`. */
export function readableTimeZone(timeZone: string | null | undefined, fallback: string): string {
  return timeZone && isKnownTimeZone(timeZone) ? timeZone : fallback;
}
