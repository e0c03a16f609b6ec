import { useCallback, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { FormattedMessage, IntlProvider, useIntl } from 'react-intl';
import { api } from '../api';
import { PORTAL_SETTINGS_PATH } from '../../gateway/routes';
import { session } from '../session';
import { isEmailLanguage, pickLanguageOf, type EmailLanguage } from '@vouch/platform/languages';
import { messagesIn, type MessageId } from './messages';

const BROWSER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The signed-in person's own language and zone, as identity holds them (from SCIM or their profile). */
interface Reader {
  language: string | null;
  timeZone: string | null;
}

let readerGeneration = 0;
const readerListeners = new Set<() => void>();

/** Reads the person's language and zone again: after they changed them on their profile. */
export function reloadReader(): void {
  readerGeneration += 1;
  readerListeners.forEach((listener) => listener());
}

function subscribeReader(listener: () => void): () => void {
  readerListeners.add(listener);
  return () => readerListeners.delete(listener);
}

function useCompanyLanguage(): EmailLanguage | null {
  const [language, setLanguage] = useState<EmailLanguage | null>(null);
  useEffect(() => {
    let current = true;
    fetch(PORTAL_SETTINGS_PATH, { headers: { accept: 'application/json' } })
      .then((response) => (response.ok ? (response.json() as Promise<{ defaultLanguage?: unknown }>) : null))
      .then((settings) => {
        if (
          current &&
          typeof settings?.defaultLanguage === 'string' &&
          isEmailLanguage(settings.defaultLanguage)
        )
          setLanguage(settings.defaultLanguage);
      })
      // Without the company's default, the browser's languages decide.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return language;
}

function useReader(): Reader | null {
  const token = useSyncExternalStore(session.subscribe, session.token);
  const generation = useSyncExternalStore(subscribeReader, () => readerGeneration);
  const [reader, setReader] = useState<Reader | null>(null);
  useEffect(() => {
    if (!token) {
      setReader(null);
      return;
    }
    let current = true;
    api.me().then(
      (me) => current && setReader({ language: me.language, timeZone: me.timeZone }),
      // Unknown for now: the page itself reports what failed.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [token, generation]);
  return reader;
}

/**
 * The portal in the reader's language: signed in, their own (SCIM's, else their profile's), else the
 * company's default; signed out, the browser's, else the company's. Dates and times in their zone.
 */
export function I18nProvider({ children }: { children: ReactNode }) {
  const companyLanguage = useCompanyLanguage() ?? 'en';
  const reader = useReader();
  const language = reader
    ? pickLanguageOf([reader.language], companyLanguage)
    : pickLanguageOf(typeof navigator === 'undefined' ? [] : navigator.languages, companyLanguage);
  const timeZone = reader?.timeZone ?? BROWSER_TIME_ZONE;
  useEffect(() => {
    // Screen readers pick their voice from it.
    document.documentElement.lang = language;
  }, [language]);
  return (
    <IntlProvider locale={language} defaultLocale="en" messages={messagesIn(language)} timeZone={timeZone}>
      {children}
    </IntlProvider>
  );
}

type Values = Record<string, string | number | Date | null | undefined>;

/** A message in the reader's language, as text (titles, labels, attributes). */
export function useT(): (id: MessageId, values?: Values) => string {
  const intl = useIntl();
  return useCallback((id: MessageId, values?: Values) => intl.formatMessage({ id }, values), [intl]);
}

/** A message that holds markup (`<link>…</link>`, `<strong>…</strong>`): each tag a function of its text. */
export function Message({
  id,
  values,
}: {
  id: MessageId;
  values?: Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)>;
}) {
  return <FormattedMessage id={id} values={values} />;
}

/** Dates as the reader writes them, in their zone. */
export function useDates(): { date: (iso: string) => string; dateTime: (iso: string) => string } {
  const intl = useIntl();
  return {
    date: (iso) => intl.formatDate(iso, { year: 'numeric', month: 'short', day: 'numeric' }),
    dateTime: (iso) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }),
  };
}
