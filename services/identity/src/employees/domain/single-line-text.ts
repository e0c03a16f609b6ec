/** C0 and C1 control characters, DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Whether text may be shown on one line (a name, a title, an address): no line break, no control character. */
export function isSingleLineText(value: string): boolean {
  return !CONTROL.test(value);
}
