import { IntlMessageFormat } from 'intl-messageformat';
import type { EmailLanguage } from './email-languages';

/** ICU message sources by key: one catalog per language, each with the keys of the English one. */
export type MessageCatalog<Key extends string = string> = Record<Key, string>;

/** Values a message may use: text, numbers and dates (formatted in the message's language). */
export type MessageValues = Record<string, string | number | Date>;

/**
 * Formats the messages of one set of catalogs (a service's emails), compiled once per language and
 * key. Dates and times show in `timeZone`, the reader's. The values are plain text: the email kit
 * escapes what goes into HTML.
 */
export class MessageCatalogs<Key extends string> {
  private readonly compiled = new Map<string, IntlMessageFormat>();

  constructor(private readonly catalogs: Record<EmailLanguage, MessageCatalog<Key>>) {}

  /** A formatter of this set's messages in `language`, with dates and times in `timeZone`. */
  in(language: EmailLanguage, timeZone: string): (key: Key, values?: MessageValues) => string {
    return (key, values) => {
      const formatted = this.message(language, timeZone, key).format(values);
      if (typeof formatted !== 'string') throw new Error(`message ${key} (${language}) is not plain text`);
      return formatted;
    };
  }

  private message(language: EmailLanguage, timeZone: string, key: Key): IntlMessageFormat {
    const id = `${language}\u0000${timeZone}\u0000${key}`;
    let message = this.compiled.get(id);
    if (!message) {
      // Field options rather than dateStyle/timeStyle: the library merges its own defaults in.
      message = new IntlMessageFormat(this.catalogs[language][key], language, {
        date: { long: { year: 'numeric', month: 'long', day: 'numeric', timeZone } },
        time: { zone: { hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone } },
      });
      this.compiled.set(id, message);
    }
    return message;
  }
}

/** ICU AST element types (intl-messageformat's TYPE) that name an argument or a tag, by their ICU names. */
const ARGUMENT_TYPES: Record<number, string> = {
  1: 'text',
  2: 'number',
  3: 'date',
  4: 'time',
  5: 'select',
  6: 'plural',
  8: 'tag',
};

interface AstElement {
  type: number;
  value?: unknown;
  options?: Record<string, { value: AstElement[] }>;
  children?: AstElement[];
}

/** The arguments and tags a message uses, as `name:type` (`count:plural`, `link:tag`), sorted. */
export function messageArguments(source: string, language: string): string[] {
  const names = new Set<string>();
  const visit = (elements: AstElement[]) => {
    for (const element of elements) {
      const type = ARGUMENT_TYPES[element.type];
      if (type) names.add(`${String(element.value)}:${type}`);
      for (const option of Object.values(element.options ?? {})) visit(option.value);
      if (element.children) visit(element.children);
    }
  };
  visit(new IntlMessageFormat(source, language).getAst() as AstElement[]);
  return [...names].sort();
}

/**
 * What is wrong with a set of catalogs, against the English one: keys missing or extra, messages
 * that do not parse, or that use other arguments than English's (a translation that drops `{name}`
 * or turns a plural into text). Empty when all is well.
 */
export function catalogProblems(catalogs: Record<EmailLanguage, MessageCatalog>): string[] {
  const problems: string[] = [];
  const reference = catalogs.en;
  for (const [language, catalog] of Object.entries(catalogs)) {
    for (const key of Object.keys(reference))
      if (!(key in catalog)) problems.push(`${language}: ${key} is missing`);
    for (const [key, source] of Object.entries(catalog)) {
      const english = reference[key];
      if (english === undefined) {
        problems.push(`${language}: ${key} is not in the English catalog`);
        continue;
      }
      try {
        const used = messageArguments(source, language).join(', ');
        const expected = messageArguments(english, 'en').join(', ');
        if (used !== expected) problems.push(`${language}: ${key} uses {${used}}, English {${expected}}`);
      } catch (error) {
        problems.push(
          `${language}: ${key} does not parse: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
  return problems;
}
