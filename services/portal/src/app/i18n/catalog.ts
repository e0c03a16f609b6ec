import type { EmailLanguage } from '@vouch/platform/languages';

type Messages<K extends string> = Readonly<Record<K, string>>;

/**
 * One area's messages (ICU MessageFormat) in every language. English names the keys; the compiler
 * holds the other languages to exactly those keys, and `catalog.spec.ts` to the same arguments.
 */
export type AreaMessages<K extends string> = { en: Messages<K> } & Record<
  Exclude<EmailLanguage, 'en'>,
  Messages<NoInfer<K>>
>;

export function defineMessages<K extends string>(messages: AreaMessages<K>): AreaMessages<K> {
  return messages;
}
