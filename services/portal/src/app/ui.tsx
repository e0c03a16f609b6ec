import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import {
  api,
  isRelationship,
  RELATIONSHIPS,
  type Employee,
  type ManagerSource,
  type Relationship,
} from './api';
import { useDates, useT } from './i18n/i18n';
import { Link } from './router';
import { session } from './session';

/** One side of a recommendation: who, and their name when the answer already carries it. */
export interface Side {
  id: string;
  name?: string | null;
}

/** A side's name: the one given (at once), else the directory's; undefined while it loads. */
function useNameOf(side: Side): string | undefined {
  const t = useT();
  const known = side.name ?? (side.id === session.employeeId() ? '' : undefined);
  const loaded = useLoad(
    () =>
      known === undefined ? colleague(side.id).then((employee) => employee.name) : Promise.resolve(known),
    `${side.id}:${known ?? ''}`,
  );
  if (known !== undefined) return known;
  return loaded.error ? t('colleague.fallbackName') : loaded.data;
}

/**
 * What the author was to the subject, naming both ("Ana was Ben's manager"), and "you" for the
 * reader's own side. Nothing until both names are known, so it never reads half-written.
 */
export function RelationshipLabel({
  relationship,
  author,
  subject,
}: {
  relationship: Relationship;
  author: Side;
  subject: Side;
}) {
  const t = useT();
  const authorName = useNameOf(author);
  const subjectName = useNameOf(subject);
  if (authorName === undefined || subjectName === undefined) return null;
  const reader = session.employeeId();
  const seen = reader === author.id ? 'authorIsYou' : reader === subject.id ? 'subjectIsYou' : 'others';
  return t(`relationship.label.${relationship}.${seen}`, { author: authorName, subject: subjectName });
}

/** The same relationship, as the author chooses it when writing. */
export function RelationshipChoice({ relationship }: { relationship: Relationship }) {
  return useT()(`relationship.choice.${relationship}`);
}

/** What the one asked was to the one asking, when asking for a recommendation. */
export function AskedAs({ relationship }: { relationship: Relationship }) {
  return useT()(`relationship.askedAs.${relationship}`);
}

/** A day, as the reader writes dates, in their zone. */
export function Day({ iso }: { iso: string }) {
  return useDates().date(iso);
}

export function RelationshipSelect({
  id,
  value,
  onChange,
  describedBy,
}: {
  id: string;
  value: Relationship;
  onChange: (relationship: Relationship) => void;
  describedBy?: string;
}) {
  const t = useT();
  return (
    <select
      id={id}
      value={value}
      aria-describedby={describedBy}
      onChange={(e) => isRelationship(e.target.value) && onChange(e.target.value)}
    >
      {RELATIONSHIPS.map((relationship) => (
        <option key={relationship} value={relationship}>
          {t(`relationship.askedAs.${relationship}`)}
        </option>
      ))}
    </select>
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  reload: () => void;
}

/** Loads once per change of `key`, and again on reload(); ignores answers that arrive too late. */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error }>({});
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let current = true;
    loadRef.current().then(
      (data) => current && setState({ data }),
      (error: unknown) => current && setState({ error: asError(error) }),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data: state.data, error: state.error, reload };
}

export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** The id of every page's h1: what names a part of the page that has no heading of its own. */
export const PAGE_TITLE_ID = 'page-title';

/** The page's heading takes the focus on arrival, so a screen reader announces where we are. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  const documentTitle = t('app.pageTitle', { title });
  useEffect(() => {
    document.title = documentTitle;
    heading.current?.focus();
  }, [documentTitle]);
  return (
    <>
      <h1 ref={heading} id={PAGE_TITLE_ID} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}

/**
 * A table or chart wider than a phone scrolls sideways in its own box, not the whole page. A keyboard can
 * focus the box to scroll it with the arrow keys, so it is a named group (not a landmark: the
 * section around it is one already).
 */
export function SidewaysScrollBox({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="sideways-scroll" role="group" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

export function ErrorMessage({ error }: { error: Error | undefined }) {
  if (!error) return null;
  return (
    <p className="message error" role="alert">
      {error.message}
    </p>
  );
}

export function Loading<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.error) return <ErrorMessage error={loaded.error} />;
  if (loaded.data === undefined) return <LoadingMessage />;
  return <>{children(loaded.data)}</>;
}

function LoadingMessage() {
  const t = useT();
  return (
    <p className="muted" role="status">
      {t('loading')}
    </p>
  );
}

/** A button that runs an action, stays disabled while it runs, and says what went wrong. */
export function ActionButton({
  action,
  children,
  variant = 'secondary',
  label,
}: {
  action: () => Promise<unknown>;
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
  label?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const run = () => {
    setBusy(true);
    setError(undefined);
    action().then(
      () => setBusy(false),
      (failure: unknown) => {
        setBusy(false);
        setError(asError(failure));
      },
    );
  };
  return (
    <span className="action">
      <button type="button" className={variant} onClick={run} disabled={busy} aria-label={label}>
        {children}
      </button>
      {error && (
        <span className="message error inline" role="alert">
          {error.message}
        </span>
      )}
    </span>
  );
}

const names = new Map<string, Promise<Employee>>();

/** A colleague, fetched once per page load however many lists name them. */
export function colleague(id: string): Promise<Employee> {
  let found = names.get(id);
  if (!found) {
    found = api.employee(id);
    // A failure is not cached: the next page may ask again.
    found.catch(() => names.delete(id));
    names.set(id, found);
  }
  return found;
}

export function ColleagueName({ id }: { id: string }) {
  const t = useT();
  const loaded = useLoad(() => colleague(id), id);
  return (
    <Link href={`/people/${encodeURIComponent(id)}`}>{loaded.data?.name ?? t('colleague.fallbackName')}</Link>
  );
}

/** Whether the org chart confirms the relationship, and who set the links that say so. */
export function VerifiedMark({ verifiedBy }: { verifiedBy: readonly ManagerSource[] }) {
  const t = useT();
  const intl = useIntl();
  if (verifiedBy.length === 0) return <span className="badge">{t('verified.no')}</span>;
  const sources = intl.formatList(verifiedBy.map((source) => t(`verified.source.${source}`)));
  return (
    <span className="badge verified">
      <span aria-hidden="true">✓ </span>
      {t('verified.yes', { sources })}
    </span>
  );
}

/**
 * A new password and its confirmation, named `password` and `confirmation` in the form, with the
 * same bounds as identity's.
 */
export function NewPasswordFields({ idPrefix, label }: { idPrefix: string; label: string }) {
  const t = useT();
  return (
    <>
      <label htmlFor={`${idPrefix}-password`}>{label}</label>
      <input
        id={`${idPrefix}-password`}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={256}
        aria-describedby={`${idPrefix}-password-hint`}
      />
      <p id={`${idPrefix}-password-hint`} className="hint">
        {t('password.hint')}
      </p>
      <label htmlFor={`${idPrefix}-confirmation`}>{t('password.again')}</label>
      <input
        id={`${idPrefix}-confirmation`}
        name="confirmation"
        type="password"
        autoComplete="new-password"
        required
        minLength={12}
        maxLength={256}
      />
    </>
  );
}
