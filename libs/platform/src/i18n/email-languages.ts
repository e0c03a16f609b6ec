import { match } from '@formatjs/intl-localematcher';

/**
 * The languages Vouch writes emails in: every email template has a catalog in each. Adding one
 * means a catalog per service that sends email (the catalog tests name what is missing).
 */
export const SUPPORTED_EMAIL_LANGUAGES = ['en', 'de', 'pt'] as const;
export type EmailLanguage = (typeof SUPPORTED_EMAIL_LANGUAGES)[number];

export function isEmailLanguage(value: string): value is EmailLanguage {
  return (SUPPORTED_EMAIL_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The supported language closest to the first of `preferred` Vouch speaks (`pt-BR` → `pt`, `de-AT` →
 * `de`), or the company's default when none is close; empty and malformed tags count for nothing.
 */
export function pickLanguageOf(
  preferred: readonly (string | null | undefined)[],
  companyDefault: EmailLanguage,
): EmailLanguage {
  const tags = preferred.filter((tag): tag is string => !!tag && isLanguageTag(tag));
  if (tags.length === 0) return companyDefault;
  const picked = match(tags, [...SUPPORTED_EMAIL_LANGUAGES], companyDefault);
  return isEmailLanguage(picked) ? picked : companyDefault;
}

/**
 * The language to write to someone in: the supported one closest to theirs, or the company's default
 * when theirs is unknown, unsupported or not a language (a replica written before identity
 * canonicalised them).
 */
export function pickLanguage(
  preferred: string | null | undefined,
  companyDefault: EmailLanguage,
): EmailLanguage {
  return pickLanguageOf([preferred], companyDefault);
}

/** Whether a text is a BCP 47 language tag Intl accepts. */
function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * The language to show a page in, from the browser's Accept-Language (`fr, de-AT;q=0.9, en;q=0.5`
 * is German): the supported one closest to what it prefers most, else the company's default.
 */
export function pickLanguageFromHeader(
  acceptLanguage: string | undefined,
  companyDefault: EmailLanguage,
): EmailLanguage {
  const preferred = (acceptLanguage ?? '')
    .split(',')
    .map((entry) => {
      const [tag = '', ...parameters] = entry.split(';').map((part) => part.trim());
      const quality = parameters.find((parameter) => parameter.startsWith('q='))?.slice(2);
      return { tag, quality: quality === undefined ? 1 : Number(quality) };
    })
    .filter(({ quality }) => quality > 0)
    .sort((a, b) => b.quality - a.quality)
    .map(({ tag }) => tag);
  return pickLanguageOf(preferred, companyDefault);
}
