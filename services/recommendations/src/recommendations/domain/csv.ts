/** A cell a spreadsheet would run as a formula: it starts with one of these (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell of a CSV file (RFC 4180): a text that a spreadsheet would take for a formula gets a
 * leading apostrophe, so opening the file runs nothing; a cell with a comma, a quote or a line
 * break is quoted, its quotes doubled.
 */
export function csvCell(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file: a header row and the rows, each line ended by CRLF as RFC 4180 says. */
export function csvOf(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
