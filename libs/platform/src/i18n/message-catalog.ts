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
