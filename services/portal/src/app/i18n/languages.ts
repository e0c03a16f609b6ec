import type { EmailLanguage } from '@vouch/platform/languages';

/** Each language Vouch speaks in its own words, as a reader looks for it in a list. */
export const LANGUAGE_NAMES: Record<EmailLanguage, string> = {
  en: 'English',
  de: 'Deutsch',
  pt: 'Português',
};
