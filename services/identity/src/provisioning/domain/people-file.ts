import { parse, type CsvError, type Info } from 'csv-parse/sync';
import { isEmailAddress, normaliseEmail } from '../../employees/domain/email-address';
import { canonicalLanguageTag, isTimeZone, ProfileLimits } from '../../employees/domain/profile';
import { isSingleLineText } from '../../employees/domain/single-line-text';

/** The people file's columns, as the import knows them. */
export const PEOPLE_COLUMNS = [
  'email',
  'name',
  'title',
  'department',
  'employeeNumber',
  'managerEmail',
  'language',
  'timeZone',
] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];

/** The header each column is documented with (README, docs/api.md, docs/examples/people.csv). */
export const COLUMN_HEADERS: Record<PeopleColumn, string> = {
  email: 'email',
  name: 'name',
  title: 'title',
  department: 'department',
  employeeNumber: 'employee number',
  managerEmail: 'manager email',
  language: 'language',
  timeZone: 'time zone',
};

/**
 * Headers as HR systems and spreadsheets write them, compared without case, spaces, dashes or
 * underscores: `Manager Email`, `manager_email` and `managerEmail` are one column.
 */
const HEADER_ALIASES: Record<string, PeopleColumn> = {
  email: 'email',
  workemail: 'email',
  emailaddress: 'email',
  name: 'name',
  fullname: 'name',
  displayname: 'name',
  title: 'title',
  jobtitle: 'title',
  department: 'department',
  employeenumber: 'employeeNumber',
  employeeid: 'employeeNumber',
  employeeno: 'employeeNumber',
  manageremail: 'managerEmail',
  managersemail: 'managerEmail',
  language: 'language',
  preferredlanguage: 'language',
  timezone: 'timeZone',
};

const REQUIRED_COLUMNS: readonly PeopleColumn[] = ['email', 'name'];

/** Department and employee number: HR's text, kept as given. */
export const EMPLOYMENT_DETAIL_LIMIT = 200;

/**
 * One person as a line of the file gives them. An optional field is undefined when the file has no
 * such column (the employee's value stays), null when its cell is empty (the value is cleared).
 */
export interface PersonLine {
  /** The line of the file the person starts on, the header being line 1. */
  line: number;
  /** Normalised: trimmed and lower-cased. */
  email: string;
  name: string;
  title?: string | null;
  department?: string | null;
  employeeNumber?: string | null;
  /** Normalised like `email`; null: no manager. */
  managerEmail?: string | null;
  /** A canonical BCP 47 tag. */
  language?: string | null;
  /** An IANA time zone. */
  timeZone?: string | null;
}

/** What is wrong with a line; `field` is the column's header as the file writes it, when one is to blame. */
export interface LineError {
  line: number;
  field: string | null;
  message: string;
}

export interface PeopleFile {
  /** The columns the file has: those it lacks leave what they would set as it is. */
  columns: ReadonlySet<PeopleColumn>;
  people: PersonLine[];
  errors: LineError[];
  /** The emails of people on bad lines: they are in the file, only not readable yet. */
  rejected: ReadonlySet<string>;
}

export interface PeopleFileRules {
  /** Lower-cased; empty allows any. */
  allowedEmailDomains: readonly string[];
}

function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s_\-'’.]/g, '');
}

/**
 * Commas, or the semicolons spreadsheets write where the comma is the decimal mark, or tabs: the
 * one the header line uses most.
 */
function delimiterOf(text: string): string {
  const end = text.search(/\r?\n/);
  const header = end < 0 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, header.split(delimiter).length] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 1 ? best[0] : ',';
}

/** Counts the lines of a file up to byte offsets that only grow, in one pass. */
class LineCounter {
  private offset = 0;
  private newlines = 0;

  constructor(private readonly bytes: Buffer) {}

  /** The line (from 1) of the byte at `offset`, no earlier than the last one asked for. */
  lineAt(offset: number): number {
    const end = Math.min(offset, this.bytes.length);
    for (; this.offset < end; this.offset++) if (this.bytes[this.offset] === 0x0a) this.newlines++;
    return this.newlines + 1;
  }
}

function newlinesIn(fields: readonly string[]): number {
  return fields.reduce((count, field) => count + (field.match(/\n/g)?.length ?? 0), 0);
}

interface ParsedRecord {
  record: string[];
  info: Info;
}

/** A column's header as the file writes it, for messages. */
type HeaderOf = (column: PeopleColumn) => string;

class LineReader {
  readonly errors: LineError[] = [];

  constructor(
    private readonly line: number,
    private readonly headerOf: HeaderOf,
  ) {}

  fail(column: PeopleColumn | null, message: string): void {
    this.errors.push({ line: this.line, field: column === null ? null : this.headerOf(column), message });
  }

  /** A cell's text, trimmed; null when empty; undefined when too long (and reported). */
  text(column: PeopleColumn, value: string, limit: number): string | null | undefined {
    const trimmed = value.trim();
    if (trimmed.includes('\u0000')) {
      this.fail(column, `${this.headerOf(column)} must not contain the NUL character`);
      return undefined;
    }
    if (trimmed.length > limit) {
      this.fail(column, `${this.headerOf(column)} is longer than ${limit} characters`);
      return undefined;
    }
    if (!isSingleLineText(trimmed)) {
      this.fail(column, `${this.headerOf(column)} must be one line without control characters`);
      return undefined;
    }
    return trimmed === '' ? null : trimmed;
  }

  email(column: PeopleColumn, value: string, rules: PeopleFileRules): string | null | undefined {
    const text = this.text(column, value, 320);
    if (!text) return text;
    const email = normaliseEmail(text);
    if (!isEmailAddress(email)) {
      this.fail(column, `${text} is not an email address`);
      return undefined;
    }
    const domain = email.split('@').pop() ?? '';
    if (rules.allowedEmailDomains.length > 0 && !rules.allowedEmailDomains.includes(domain)) {
      this.fail(column, `the email domain ${domain} is not allowed (ALLOWED_EMAIL_DOMAINS)`);
      return undefined;
    }
    return email;
  }
}

/** The columns the header names, or what is wrong with it. */
function readHeader(header: readonly string[]): {
  columns: Array<PeopleColumn | undefined>;
  errors: LineError[];
} {
  const errors: LineError[] = [];
  const seen = new Map<PeopleColumn, string>();
  const columns = header.map((raw, index) => {
    const text = index === 0 ? raw.replace(/^\uFEFF/, '').trim() : raw.trim();
    const column = HEADER_ALIASES[headerKey(text)];
    if (text === '') {
      errors.push({ line: 1, field: null, message: `column ${index + 1} has no header` });
      return undefined;
    }
    if (!column) {
      errors.push({
        line: 1,
        field: text,
        message: `unknown column "${text}": the columns are ${PEOPLE_COLUMNS.map((c) => COLUMN_HEADERS[c]).join(', ')}`,
      });
      return undefined;
    }
    const earlier = seen.get(column);
    if (earlier !== undefined) {
      errors.push({ line: 1, field: text, message: `"${text}" is the same column as "${earlier}"` });
      return undefined;
    }
    seen.set(column, text);
    return column;
  });
  for (const required of REQUIRED_COLUMNS)
    if (!seen.has(required))
      errors.push({ line: 1, field: null, message: `the column "${COLUMN_HEADERS[required]}" is required` });
  return { columns, errors };
}

/**
 * Reads a people file: UTF-8 (a byte order mark is fine), a header line naming the columns, one
 * person a line, quoted fields as RFC 4180 has them (commas, quotes and line breaks inside).
 * Every line is checked on its own and each problem reported with its line; lines with problems
 * are left out of `people`. Checks that need the others (a person listed twice, their manager)
 * are the plan's.
 */
export function readPeopleFile(content: Buffer | string, rules: PeopleFileRules): PeopleFile {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const text = bytes.toString('utf8');
  // A text handed over already decoded shows bytes that were no UTF-8 as U+FFFD, which no HR
  // system writes on purpose.
  const notUtf8 = typeof content === 'string' ? text.includes('\uFFFD') : !isValidUtf8(bytes);
  if (notUtf8) return fileError(1, 'the file is not UTF-8: save it as "CSV UTF-8" and import it again');
  // csv-parse counts a CRLF as two lines: lines are counted here, from byte offsets. Skipped
  // records are reported while parsing, the others after, so each has its own counter.
  const skippedLines = new LineCounter(bytes);
  const errors: LineError[] = [];
  let records: ParsedRecord[];
  try {
    // With `info`, csv-parse hands each record with its info, which its types do not say.
    records = parse(bytes, {
      bom: true,
      info: true,
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        if (!error) return;
        const line = skippedLines.lineAt(errorOffset(error));
        // A broken quote leaves the parser lost until the end of the line: its first error says why.
        if (errors.at(-1)?.line !== line) errors.push({ line, field: null, message: csvMessage(error) });
      },
    }) as unknown as ParsedRecord[];
  } catch (error) {
    const csvError = error as CsvError;
    return fileError(new LineCounter(bytes).lineAt(errorOffset(csvError)), csvMessage(csvError));
  }
  const [header, ...rows] = records;
  if (!header) return fileError(1, 'the file is empty: its first line names the columns (email, name, …)');
  const { columns, errors: headerErrors } = readHeader(header.record);
  if (headerErrors.length > 0)
    return { columns: new Set(), people: [], errors: headerErrors, rejected: new Set() };
  const present = new Set(columns.filter((column) => column !== undefined));
  const headerTexts = new Map(
    columns.flatMap((column, index) => (column ? [[column, header.record[index]?.trim() ?? column]] : [])),
  );
  const headerOf: HeaderOf = (column) => headerTexts.get(column) ?? COLUMN_HEADERS[column];

  const lines = new LineCounter(bytes);
  const people: PersonLine[] = [];
  const rejected = new Set<string>();
  for (const { record, info } of rows) {
    // The record ends at info.bytes, its line break included; it starts as many lines up as its
    // quoted fields hold line breaks.
    const line = lines.lineAt(Math.max(info.bytes - 1, 0)) - newlinesIn(record);
    const reader = new LineReader(line, headerOf);
    if (record.length !== columns.length) {
      reader.fail(
        null,
        `the line has ${record.length} fields and the header ${columns.length}: quote a field holding the delimiter`,
      );
      errors.push(...reader.errors);
      continue;
    }
    const cell = (column: PeopleColumn): string => record[columns.indexOf(column)] ?? '';
    const person = readPerson(reader, line, present, cell, rules);
    if (reader.errors.length > 0) {
      errors.push(...reader.errors);
      const email = normaliseEmail(cell('email'));
      if (isEmailAddress(email)) rejected.add(email);
    } else if (person) people.push(person);
  }
  errors.sort((a, b) => a.line - b.line);
  return { columns: present, people, errors, rejected };
}

function readPerson(
  reader: LineReader,
  line: number,
  present: ReadonlySet<PeopleColumn>,
  cell: (column: PeopleColumn) => string,
  rules: PeopleFileRules,
): PersonLine | undefined {
  const email = reader.email('email', cell('email'), rules);
  if (email === null) reader.fail('email', 'the email is required');
  const name = reader.text('name', cell('name'), ProfileLimits.name);
  if (name === null) reader.fail('name', 'the name is required');
  const person: Omit<PersonLine, 'email' | 'name'> = { line };
  if (present.has('title')) person.title = reader.text('title', cell('title'), ProfileLimits.title);
  if (present.has('department'))
    person.department = reader.text('department', cell('department'), EMPLOYMENT_DETAIL_LIMIT);
  if (present.has('employeeNumber'))
    person.employeeNumber = reader.text('employeeNumber', cell('employeeNumber'), EMPLOYMENT_DETAIL_LIMIT);
  if (present.has('managerEmail')) {
    person.managerEmail = reader.email('managerEmail', cell('managerEmail'), rules);
    if (email && person.managerEmail === email)
      reader.fail('managerEmail', 'nobody can be their own manager');
  }
  if (present.has('language')) {
    const language = reader.text('language', cell('language'), ProfileLimits.language * 2);
    if (language) {
      try {
        person.language = canonicalLanguageTag(language);
      } catch {
        reader.fail('language', `"${language}" is not a language tag such as en or pt-BR`);
      }
    } else person.language = language;
  }
  if (present.has('timeZone')) {
    const timeZone = reader.text('timeZone', cell('timeZone'), ProfileLimits.timeZone);
    if (timeZone && !isTimeZone(timeZone))
      reader.fail('timeZone', `"${timeZone}" is not an IANA time zone such as Europe/Lisbon`);
    else person.timeZone = timeZone;
  }
  if (!email || !name) return undefined;
  return { ...person, email, name };
}

function fileError(line: number, message: string): PeopleFile {
  return { columns: new Set(), people: [], errors: [{ line, field: null, message }], rejected: new Set() };
}

function errorOffset(error: CsvError): number {
  const bytes = (error as CsvError & { bytes?: unknown }).bytes;
  return typeof bytes === 'number' ? bytes : 0;
}

/** csv-parse's message without its own line count, which counts a CRLF as two lines. */
function csvMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field starts here and is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted field is followed by more text: inside quotes, write a quote as two ("")';
    default:
      return `the line is not valid CSV (${error.code})`;
  }
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
