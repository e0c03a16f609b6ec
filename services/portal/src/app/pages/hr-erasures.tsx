import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type Employee, type Erasure } from '../api';
import { anyUnderWay, confirmsName, ERASURE_REFRESH_MS, partsOf } from '../erasure-progress';
import { Link } from '../router';
import { Loading, Page, asError, colleague, useLoad } from '../ui';

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

/** What an admin is told when identity refuses an erasure: the 403s and the 409 in words. */
function erasureRefusal(error: unknown): Error {
  if (error instanceof ApiError && error.status === 409)
    return new Error("This person's personal data has already been erased: see Erasures.");
  if (error instanceof ApiError && error.status === 403)
    return new Error(
      `Vouch refused: only admins may erase personal data, and never their own (${error.message}).`,
    );
  if (error instanceof ApiError && error.status === 404) return new Error('This person no longer exists.');
  return asError(error);
}

function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Each service's part, done or waiting, and the whole once the last is done. */
function ErasureParts({ erasure }: { erasure: Erasure }) {
  return (
    <ul className="erasure-parts" aria-label="Each service's part">
      {partsOf(erasure).map((part) => (
        <li key={part.service} data-service={part.service}>
          <span className={part.completedAt ? 'status accepted' : 'status'}>
            {part.completedAt ? 'Done' : 'Waiting'}
          </span>{' '}
          {part.label}
        </li>
      ))}
    </ul>
  );
}

/** One erasure followed until every service has done its part. */
function ErasureProgress({ started }: { started: Erasure }) {
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
          ? `Erasure complete: every service has removed what it held (${formatDateTime(erasure.completedAt)}).`
          : 'Erasure under way: each service removes what it holds, in a few seconds.'}
      </p>
      <ErasureParts erasure={erasure} />
      {error && <p className="message error">{error.message}</p>}
      <p>
        <Link href="/hr/erasures">All erasures</Link>
      </p>
    </div>
  );
}

/** What an erasure leaves, in docs/privacy.md's words ("Erasure"): the admin reads it before confirming. */
function WhatStays() {
  return (
    <>
      <p>
        This is final: it cannot be undone, and the person cannot be reactivated. Their profile, sign-in,
        roles, connections, requests, what they wrote and their emails are deleted in every service; the audit
        log keeps who did what and when, with their personal values redacted.
      </p>
      <p>What remains (Vouch's privacy notes, docs/privacy.md, “Erasure”):</p>
      <ul>
        <li>their id, so that references stay coherent, shown as “Erased employee”;</li>
        <li>
          recommendations others wrote about them: the text is its author's, kept for the author only and
          shown to no one else;
        </li>
        <li>
          events already on Kafka, until their retention (7 days), and dead letters until theirs (14 days);
        </li>
        <li>backups and logs kept outside Vouch, under their own retention.</li>
      </ul>
    </>
  );
}

/**
 * An admin's erasure of a person at their request: the request's reference, the person's name typed
 * to confirm, then the progress of each service's part.
 */
export function Erasing({ person, onErased }: { person: Employee; onErased: () => void }) {
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
      <h2 id="erasure-heading">Erasure of personal data</h2>
      {erasure ? (
        <ErasureProgress started={erasure} />
      ) : open ? (
        <form onSubmit={erase} aria-describedby="erasure-warning">
          <div id="erasure-warning" className="message error" role="note">
            <p>
              <strong>Erase {name}'s personal data?</strong>
            </p>
            <WhatStays />
          </div>
          <label htmlFor="erasure-reason">Request reference</label>
          <input
            id="erasure-reason"
            value={reason}
            required
            maxLength={REASON_MAX_LENGTH}
            aria-describedby="erasure-reason-hint"
            onChange={(e) => setReason(e.target.value)}
          />
          <p id="erasure-reason-hint" className="hint">
            The ticket or reference of the person's request, kept in the audit log: no personal data.
          </p>
          <label htmlFor="erasure-confirmation">Type “{name}” to confirm</label>
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
              Erase {name}'s personal data
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <p>When {name} asks for their personal data to be erased, an admin does it here. It is final.</p>
          <button type="button" className="danger" onClick={() => setOpen(true)}>
            Erase personal data…
          </button>
        </>
      )}
    </section>
  );
}

/** A person named by id, linked to their HR page. */
function PersonLink({ id }: { id: string }) {
  const loaded = useLoad(() => colleague(id), id);
  return <Link href={`/hr/people/${encodeURIComponent(id)}`}>{loaded.data?.name ?? 'someone'}</Link>;
}

/** Every erasure, newest first, each service's part as it is done: refreshed while one is under way. */
export function HrErasuresPage() {
  const erasures = useLoad(() => api.erasures(), 'erasures');
  useRefreshWhile(anyUnderWay(erasures.data?.items ?? []), erasures.reload, ERASURE_REFRESH_MS);
  return (
    <Page title="Erasures">
      <p className="muted">
        Erasures of personal data at people's requests, newest first. An admin erases a person from their page
        in HR's People.
      </p>
      <Loading loaded={erasures}>
        {(page) =>
          page.items.length === 0 ? (
            <p role="status">Nobody has been erased.</p>
          ) : (
            <>
              {page.nextCursor && (
                <p role="status" className="muted">
                  The {page.items.length} newest.
                </p>
              )}
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Requested</th>
                    <th scope="col">Person</th>
                    <th scope="col">By</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Progress</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((erasure) => (
                    <tr key={erasure.id} data-erasure={erasure.id}>
                      <td>{formatDateTime(erasure.requestedAt)}</td>
                      <td>
                        <PersonLink id={erasure.employeeId} />
                      </td>
                      <td>
                        <PersonLink id={erasure.requestedBy} />
                      </td>
                      <td>{erasure.reason}</td>
                      <td>
                        <p className="erasure-state">{erasure.completedAt ? 'Complete' : 'Under way'}</p>
                        <ErasureParts erasure={erasure} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )
        }
      </Loading>
    </Page>
  );
}
