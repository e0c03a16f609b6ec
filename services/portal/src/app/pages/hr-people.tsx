import { useState, type FormEvent } from 'react';
import { api, type Employee, type ManagerSource } from '../api';
import { useT } from '../i18n/i18n';
import { Link, navigate } from '../router';
import { session } from '../session';
import {
  ActionButton,
  ErrorMessage,
  Loading,
  Page,
  PAGE_TITLE_ID,
  SidewaysScrollBox,
  asError,
  useLoad,
} from '../ui';
import { Erasing } from './hr-erasures';

/** HR data owns these links: the next sync would overwrite a change made here, so none is offered. */
const OWNED_BY_HR_DATA: readonly ManagerSource[] = ['scim', 'csv'];

/** The People page's address for a search: `all` keeps the deactivated in the results. */
function peoplePath(query: string, includeDeactivated: boolean): string {
  const parameters = new URLSearchParams({ q: query, ...(includeDeactivated ? { status: 'all' } : {}) });
  return `/hr/people?${parameters.toString()}`;
}

function SearchForm({ query, includeDeactivated }: { query: string; includeDeactivated: boolean }) {
  const t = useT();
  const [text, setText] = useState(query);
  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate(peoplePath(text.trim(), includeDeactivated));
  };
  return (
    <form className="search" role="search" onSubmit={search}>
      <label htmlFor="hr-people-query">{t('hr.people.searchLabel')}</label>
      <div className="inline-form">
        <input id="hr-people-query" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="primary">
          {t('hr.people.search')}
        </button>
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={includeDeactivated}
          onChange={(event) => navigate(peoplePath(text.trim(), event.target.checked))}
        />
        {t('hr.people.showDeactivated')}
      </label>
    </form>
  );
}

function PeopleTable({ people, labelledBy }: { people: Employee[]; labelledBy: string }) {
  const t = useT();
  return (
    <SidewaysScrollBox labelledBy={labelledBy}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('hr.people.column.name')}</th>
            <th scope="col">{t('hr.people.column.email')}</th>
            <th scope="col">{t('hr.people.column.title')}</th>
            <th scope="col">{t('hr.people.column.status')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((employee) => (
            <tr key={employee.id}>
              <td>
                <Link href={`/hr/people/${encodeURIComponent(employee.id)}`}>{employee.name}</Link>
              </td>
              <td>{employee.email}</td>
              <td>{employee.title ?? ''}</td>
              <td>
                {employee.active ? (
                  t('hr.people.active')
                ) : (
                  <span className="status hidden">{t('hr.people.deactivated')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </SidewaysScrollBox>
  );
}

/** HR's people search: active employees by name, email or job title, and deactivated ones on demand. */
export function HrPeoplePage({ query, includeDeactivated }: { query: string; includeDeactivated: boolean }) {
  const results = useLoad(
    () => api.searchEmployees(query, { deactivated: includeDeactivated }),
    `${query}:${String(includeDeactivated)}`,
  );
  const t = useT();
  const nobody = query
    ? t(includeDeactivated ? 'hr.people.noMatch' : 'hr.people.noActiveMatch', { query })
    : t(includeDeactivated ? 'hr.people.nobodyYet' : 'hr.people.nobodyActiveYet');
  return (
    <Page title={t('hr.people.title')}>
      <SearchForm key={query} query={query} includeDeactivated={includeDeactivated} />
      <Loading loaded={results}>
        {(page) =>
          page.items.length === 0 ? (
            <p role="status">{nobody}</p>
          ) : (
            <>
              <p role="status" className="muted">
                {t(page.nextCursor ? 'hr.people.countFirst' : 'hr.people.count', {
                  count: page.items.length,
                })}
              </p>
              <PeopleTable people={page.items} labelledBy={PAGE_TITLE_ID} />
            </>
          )
        }
      </Loading>
    </Page>
  );
}

/** Picks a new manager by search, or none; answers 4xx as the page's message. */
function ManagerChange({ person, onChanged }: { person: Employee; onChanged: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [candidates, setCandidates] = useState<Employee[]>();
  const [error, setError] = useState<Error>();
  const find = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    api.searchEmployees(text.trim()).then(
      (page) => setCandidates(page.items.filter((candidate) => candidate.id !== person.id)),
      (failure: unknown) => setError(asError(failure)),
    );
  };
  const choose = async (managerId: string | null) => {
    await api.setManager(person.id, managerId);
    setCandidates(undefined);
    onChanged();
  };
  return (
    <>
      <form onSubmit={find}>
        <label htmlFor="new-manager-query">{t('hr.person.findManager')}</label>
        <div className="inline-form">
          <input
            id="new-manager-query"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="secondary">
            {t('hr.person.find')}
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {candidates && candidates.length === 0 && <p role="status">{t('hr.person.nobodyActiveMatches')}</p>}
      {candidates && candidates.length > 0 && (
        <ul className="recommendation-list">
          {candidates.map((candidate) => (
            <li key={candidate.id} className="row">
              <span>
                {candidate.name} <span className="muted">{candidate.email}</span>
              </span>
              <ActionButton
                action={() => choose(candidate.id)}
                label={t('hr.person.makeManagerLabel', { name: candidate.name })}
              >
                {t('hr.person.makeManager')}
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
      {person.managerId && (
        <p>
          <ActionButton action={() => choose(null)}>{t('hr.person.removeManager')}</ActionButton>
        </p>
      )}
    </>
  );
}

function ManagerSection({ person, onChanged }: { person: Employee; onChanged: () => void }) {
  const t = useT();
  const manager = useLoad(
    () => (person.managerId ? api.employee(person.managerId) : Promise.resolve(null)),
    person.managerId ?? '',
  );
  const source = person.managerSource;
  return (
    <section className="card" aria-labelledby="manager-heading">
      <h2 id="manager-heading">{t('hr.person.manager')}</h2>
      <Loading loaded={manager}>
        {(found) =>
          found ? (
            <p>
              <Link href={`/hr/people/${encodeURIComponent(found.id)}`}>{found.name}</Link>
              <span className="muted"> {t('hr.person.managerSetBy', { source: source ?? 'signup' })}</span>
            </p>
          ) : (
            <p>{t('hr.person.noManager')}</p>
          )
        }
      </Loading>
      {source && OWNED_BY_HR_DATA.includes(source) ? (
        <p className="message" role="note">
          {t('hr.person.ownedByHrData', { source })}
        </p>
      ) : (
        person.active && <ManagerChange person={person} onChanged={onChanged} />
      )}
    </section>
  );
}

function ReportsSection({ person }: { person: Employee }) {
  const t = useT();
  const reports = useLoad(() => api.reportsOf(person.id), `${person.id}:${person.managerId ?? ''}`);
  return (
    <section className="card" aria-labelledby="reports-heading">
      <h2 id="reports-heading">{t('hr.person.reports')}</h2>
      <Loading loaded={reports}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('hr.person.noReports', { name: person.name })}</p>
          ) : (
            <PeopleTable people={page.items} labelledBy="reports-heading" />
          )
        }
      </Loading>
    </section>
  );
}

/** Deactivating signs the person out everywhere: asked twice, the second time saying so. */
function Activation({ person, onChanged }: { person: Employee; onChanged: () => void }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  if (!person.active)
    return (
      <section className="card" aria-labelledby="activation-heading">
        <h2 id="activation-heading">{t('hr.person.deactivatedHeading')}</h2>
        <p>{t('hr.person.deactivatedBody', { name: person.name })}</p>
        <ActionButton variant="primary" action={() => api.reactivate(person.id).then(onChanged)}>
          {t('hr.person.reactivate', { name: person.name })}
        </ActionButton>
      </section>
    );
  return (
    <section className="card" aria-labelledby="activation-heading">
      <h2 id="activation-heading">{t('hr.person.leaving')}</h2>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-deactivation">
          <p id="confirm-deactivation">{t('hr.person.confirmDeactivation', { name: person.name })}</p>
          <div className="actions">
            <ActionButton
              variant="danger"
              action={() =>
                api.deactivate(person.id).then(() => {
                  setConfirming(false);
                  onChanged();
                })
              }
            >
              {t('hr.person.yesDeactivate')}
            </ActionButton>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('hr.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('hr.person.deactivate', { name: person.name })}
        </button>
      )}
    </section>
  );
}

/**
 * One person as HR sees them: profile, manager, reports, and whether they are active; admins may
 * also erase their personal data, except their own.
 */
export function HrPersonPage({ employeeId }: { employeeId: string }) {
  const t = useT();
  const [version, setVersion] = useState(0);
  const person = useLoad(() => api.employee(employeeId), `${employeeId}:${version}`);
  const changed = () => setVersion((value) => value + 1);
  return (
    <Loading loaded={person}>
      {(found) => (
        <Page title={found.name}>
          <p>
            <Link href="/hr/people">{t('hr.person.back')}</Link>
          </p>
          <section className="card" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t('hr.person.profile')}</h2>
            <dl className="facts">
              <dt>{t('hr.people.column.email')}</dt>
              <dd>{found.email}</dd>
              <dt>{t('hr.people.column.title')}</dt>
              <dd>{found.title ?? '—'}</dd>
              <dt>{t('hr.people.column.status')}</dt>
              <dd>
                <span className={found.active ? 'status accepted' : 'status hidden'}>
                  {t(found.active ? 'hr.people.active' : 'hr.people.deactivated')}
                </span>
              </dd>
            </dl>
          </section>
          <ManagerSection person={found} onChanged={changed} />
          <ReportsSection person={found} />
          <Activation person={found} onChanged={changed} />
          {session.isAdmin() && found.id !== session.employeeId() && (
            <Erasing person={found} onErased={changed} />
          )}
        </Page>
      )}
    </Loading>
  );
}
