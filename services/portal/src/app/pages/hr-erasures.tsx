import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type Employee, type Erasure } from '../api';
import { anyUnderWay, confirmsName, ERASURE_REFRESH_MS, partsOf } from '../erasure-progress';
import { useDates, useT } from '../i18n/i18n';
import { Link } from '../router';
import { Loading, Page, PAGE_TITLE_ID, SidewaysScrollBox, asError, colleague, useLoad } from '../ui';

/** The longest reason identity takes. */
const REASON_MAX_LENGTH = 500;

/**
 * Calls `refresh` every `intervalMs` while `active` and the tab is visible, and once more when the
 * tab shows again: an erasure takes seconds, and a hidden tab need not ask.
 */
function useRefreshWhile(active: boolean, refresh: () => void, intervalMs: number): void {
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const schedule = () => {
      clearInterval(timer);
      if (document.visibilityState === 'visible') timer = setInterval(() => refreshRef.current(), intervalMs);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') refreshRef.current();
      schedule();
    };
    schedule();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [active, intervalMs]);
}

/** How long Kafka keeps events and dead letters (docs/privacy.md), as an erasure leaves them. */
const EVENT_RETENTION_DAYS = 7;
const DEAD_LETTER_RETENTION_DAYS = 14;

/** What an admin is told when identity refuses an erasure: the 403s and the 409 in words. */
function useErasureRefusal(): (error: unknown) => Error {
  const t = useT();
  return (error) => {
    if (error instanceof ApiError && error.status === 409) return new Error(t('hr.erasure.alreadyErased'));
    if (error instanceof ApiError && error.status === 403)
      return new Error(t('hr.erasure.refused', { reason: error.message }));
    if (error instanceof ApiError && error.status === 404) return new Error(t('hr.erasure.gone'));
    return asError(error);
  };
}

/** Each service's part, done or waiting, and the whole once the last is done. */
function ErasureParts({ erasure }: { erasure: Erasure }) {
  const t = useT();
  return (
    <ul className="erasure-parts" aria-label={t('hr.erasure.parts')}>
      {partsOf(erasure).map((part) => (
        <li key={part.service} data-service={part.service}>
          <span className={part.completedAt ? 'status accepted' : 'status'}>
            {t(part.completedAt ? 'hr.erasure.done' : 'hr.erasure.waiting')}
          </span>{' '}
          {t(`hr.erasure.part.${part.service}`)}
        </li>
      ))}
    </ul>
  );
}

/** One erasure followed until every service has done its part. */
function ErasureProgress({ started }: { started: Erasure }) {
  const t = useT();
  const dates = useDates();
  const erasureRefusal = useErasureRefusal();
  const [erasure, setErasure] = useState(started);
  const [error, setError] = useState<Error>();
  useRefreshWhile(
    erasure.completedAt === null,
    () =>
      void api.erasure(erasure.id).then(
        (latest) => {
          setError(undefined);
          setErasure(latest);
        },
        (failure: unknown) => setError(erasureRefusal(failure)),
      ),
    ERASURE_REFRESH_MS,
  );
  return (
    <div role="status" aria-live="polite">
      <p>
        {erasure.completedAt
          ? t('hr.erasure.complete', { completedAt: dates.dateTime(erasure.completedAt) })
          : t('hr.erasure.underWay')}
      </p>
      <ErasureParts erasure={erasure} />
      {error && <p className="message error">{error.message}</p>}
      <p>
        <Link href="/hr/erasures">{t('hr.erasure.all')}</Link>
      </p>
    </div>
  );
}

/** What an erasure leaves, in docs/privacy.md's words ("Erasure"): the admin reads it before confirming. */
function WhatStays() {
  const t = useT();
  return (
    <>
      <p>{t('hr.erasure.final')}</p>
      <p>{t('hr.erasure.remains')}</p>
      <ul>
        <li>{t('hr.erasure.remains.id')}</li>
        <li>{t('hr.erasure.remains.recommendations')}</li>
        <li>
          {t('hr.erasure.remains.kafka', {
            eventDays: EVENT_RETENTION_DAYS,
            deadLetterDays: DEAD_LETTER_RETENTION_DAYS,
          })}
        </li>
        <li>{t('hr.erasure.remains.backups')}</li>
      </ul>
    </>
  );
}

/**
 * An admin's erasure of a person at their request: the request's reference, the person's name typed
 * to confirm, then the progress of each service's part.
 */
export function Erasing({ person, onErased }: { person: Employee; onErased: () => void }) {
  const t = useT();
  const erasureRefusal = useErasureRefusal();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [typedName, setTypedName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const [erasure, setErasure] = useState<Erasure>();
  // The name to type is the one the admin saw: after the erasure the page calls them "Erased employee".
  const [name] = useState(person.name);
  const ready = reason.trim() !== '' && confirmsName(typedName, name);

  const erase = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(undefined);
    api.eraseEmployee(person.id, reason.trim()).then(
      (started) => {
        setBusy(false);
        setErasure(started);
        onErased();
      },
      (failure: unknown) => {
        setBusy(false);
        setError(erasureRefusal(failure));
      },
    );
  };

  return (
    <section className="card danger-zone" aria-labelledby="erasure-heading">
      <h2 id="erasure-heading">{t('hr.erasure.heading')}</h2>
      {erasure ? (
        <ErasureProgress started={erasure} />
      ) : open ? (
        <form onSubmit={erase} aria-describedby="erasure-warning">
          <div id="erasure-warning" className="message error" role="note">
            <p>
              <strong>{t('hr.erasure.confirmQuestion', { name })}</strong>
            </p>
            <WhatStays />
          </div>
          <label htmlFor="erasure-reason">{t('hr.erasure.reason')}</label>
          <input
            id="erasure-reason"
            value={reason}
            required
            maxLength={REASON_MAX_LENGTH}
            aria-describedby="erasure-reason-hint"
            onChange={(e) => setReason(e.target.value)}
          />
          <p id="erasure-reason-hint" className="hint">
            {t('hr.erasure.reasonHint')}
          </p>
          <label htmlFor="erasure-confirmation">{t('hr.erasure.typeToConfirm', { name })}</label>
          <input
            id="erasure-confirmation"
            value={typedName}
            autoComplete="off"
            onChange={(e) => setTypedName(e.target.value)}
          />
          {error && (
            <p className="message error" role="alert">
              {error.message}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="danger" disabled={!ready || busy}>
              {t('hr.erasure.erase', { name })}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('hr.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>{t('hr.erasure.intro', { name })}</p>
          <button type="button" className="danger" onClick={() => setOpen(true)}>
            {t('hr.erasure.open')}
          </button>
        </>
      )}
    </section>
  );
}

/** A person named by id, linked to their HR page. */
function PersonLink({ id }: { id: string }) {
  const t = useT();
  const loaded = useLoad(() => colleague(id), id);
  return (
    <Link href={`/hr/people/${encodeURIComponent(id)}`}>{loaded.data?.name ?? t('hr.erasures.someone')}</Link>
  );
}

/** Every erasure, newest first, each service's part as it is done: refreshed while one is under way. */
export function HrErasuresPage() {
  const t = useT();
  const dates = useDates();
  const erasures = useLoad(() => api.erasures(), 'erasures');
  useRefreshWhile(anyUnderWay(erasures.data?.items ?? []), erasures.reload, ERASURE_REFRESH_MS);
  return (
    <Page title={t('hr.erasures.title')}>
      <p className="muted">{t('hr.erasures.intro')}</p>
      <Loading loaded={erasures}>
        {(page) =>
          page.items.length === 0 ? (
            <p role="status">{t('hr.erasures.none')}</p>
          ) : (
            <>
              {page.nextCursor && (
                <p role="status" className="muted">
                  {t('hr.erasures.newest', { count: page.items.length })}
                </p>
              )}
              <SidewaysScrollBox labelledBy={PAGE_TITLE_ID}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('hr.erasures.column.requested')}</th>
                      <th scope="col">{t('hr.erasures.column.person')}</th>
                      <th scope="col">{t('hr.erasures.column.by')}</th>
                      <th scope="col">{t('hr.erasures.column.reason')}</th>
                      <th scope="col">{t('hr.erasures.column.progress')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((erasure) => (
                      <tr key={erasure.id} data-erasure={erasure.id}>
                        <td>{dates.dateTime(erasure.requestedAt)}</td>
                        <td>
                          <PersonLink id={erasure.employeeId} />
                        </td>
                        <td>
                          <PersonLink id={erasure.requestedBy} />
                        </td>
                        <td>{erasure.reason}</td>
                        <td>
                          <p className="erasure-state">
                            {t(erasure.completedAt ? 'hr.erasures.complete' : 'hr.erasures.underWay')}
                          </p>
                          <ErasureParts erasure={erasure} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </SidewaysScrollBox>
            </>
          )
        }
      </Loading>
    </Page>
  );
}
