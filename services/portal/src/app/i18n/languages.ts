import { match } from '@formatjs/intl-localematcher';

/** The languages the portal (and Vouch's emails) speak. */
export const LANGUAGES = ['en', 'de', 'pt'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language in its own words, as a reader looks for it in a list. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  de: 'Deutsch',
  pt: 'Português',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The supported language closest to the ones asked for, in order (`pt-BR` → `pt`, `de-AT` → `de`),
 * or `fallback` when none is close.
 */
export function pickLanguage(
  requested: readonly (string | null | undefined)[],
  fallback: Language,
): Language {
  const tags = requested.filter((tag): tag is string => typeof tag === 'string' && tag.length > 0);
  try {
    const found = match(tags, LANGUAGES, fallback, { algorithm: 'best fit' });
    return isLanguage(found) ? found : fallback;
  } catch {
    // A malformed tag (RangeError): nothing to match.
    return fallback;
  }
}
