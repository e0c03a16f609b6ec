import { useState, type FormEvent } from 'react';
import { api, type Employee, type ManagerSource } from '../api';
import { Link, navigate } from '../router';
import { session } from '../session';
import { ActionButton, ErrorMessage, Loading, Page, asError, useLoad } from '../ui';
import { Erasing } from './hr-erasures';

/** Who owns a manager link, as HR reads it: HR data (SCIM, the people import) or a person in Vouch. */
const MANAGER_SET_BY: Record<ManagerSource, string> = {
  scim: 'the identity provider',
  csv: 'the people import',
  admin: 'HR or an admin, in Vouch',
};

/** HR data owns these links: the next sync would overwrite a change made here, so none is offered. */
const OWNED_BY_HR_DATA: readonly ManagerSource[] = ['scim', 'csv'];

/** The People page's address for a search: `all` keeps the deactivated in the results. */
function peoplePath(query: string, includeDeactivated: boolean): string {
  const parameters = new URLSearchParams({ q: query, ...(includeDeactivated ? { status: 'all' } : {}) });
  return `/hr/people?${parameters.toString()}`;
}

function SearchForm({ query, includeDeactivated }: { query: string; includeDeactivated: boolean }) {
  const [text, setText] = useState(query);
  const search = (event: FormEvent) => {
    event.preventDefault();
    navigate(peoplePath(text.trim(), includeDeactivated));
  };
  return (
    <form className="search" role="search" onSubmit={search}>
      <label htmlFor="hr-people-query">Find a person by name, email or job title</label>
      <div className="inline-form">
        <input id="hr-people-query" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="primary">
          Search
        </button>
      </div>
      <label className="choice">
        <input
          type="checkbox"
          checked={includeDeactivated}
          onChange={(event) => navigate(peoplePath(text.trim(), event.target.checked))}
        />
        Show deactivated people too
      </label>
    </form>
  );
}

function PeopleTable({ people }: { people: Employee[] }) {
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Email</th>
          <th scope="col">Job title</th>
          <th scope="col">Status</th>
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
            <td>{employee.active ? 'Active' : <span className="status hidden">Deactivated</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** HR's people search: active employees by name, email or job title, and deactivated ones on demand. */
export function HrPeoplePage({ query, includeDeactivated }: { query: string; includeDeactivated: boolean }) {
  const results = useLoad(
    () => api.searchEmployees(query, { deactivated: includeDeactivated }),
    `${query}:${String(includeDeactivated)}`,
  );
  const nobody = includeDeactivated ? 'Nobody' : 'Nobody active';
  return (
    <Page title="People (HR)">
      <SearchForm key={query} query={query} includeDeactivated={includeDeactivated} />
      <Loading loaded={results}>
        {(page) =>
          page.items.length === 0 ? (
            <p role="status">
              {query
                ? `${nobody} matches “${query}”.`
                : includeDeactivated
                  ? 'Nobody yet.'
                  : 'Nobody is active yet.'}
            </p>
          ) : (
            <>
              <p role="status" className="muted">
                {page.items.length} {page.items.length === 1 ? 'person' : 'people'}
                {page.nextCursor ? ' (the first 50: narrow the search to see others)' : ''}
              </p>
              <PeopleTable people={page.items} />
            </>
          )
        }
      </Loading>
    </Page>
  );
}

/** Picks a new manager by search, or none; answers 4xx as the page's message. */
function ManagerChange({ person, onChanged }: { person: Employee; onChanged: () => void }) {
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
        <label htmlFor="new-manager-query">Find the new manager</label>
        <div className="inline-form">
          <input
            id="new-manager-query"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" className="secondary">
            Find
          </button>
        </div>
      </form>
      <ErrorMessage error={error} />
      {candidates && candidates.length === 0 && <p role="status">Nobody active matches.</p>}
      {candidates && candidates.length > 0 && (
        <ul className="recommendation-list">
          {candidates.map((candidate) => (
            <li key={candidate.id} className="row">
              <span>
                {candidate.name} <span className="muted">{candidate.email}</span>
              </span>
              <ActionButton action={() => choose(candidate.id)} label={`Make ${candidate.name} the manager`}>
                Make manager
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
      {person.managerId && (
        <p>
          <ActionButton action={() => choose(null)}>Remove the manager</ActionButton>
        </p>
      )}
    </>
  );
}

function ManagerSection({ person, onChanged }: { person: Employee; onChanged: () => void }) {
  const manager = useLoad(
    () => (person.managerId ? api.employee(person.managerId) : Promise.resolve(null)),
    person.managerId ?? '',
  );
  const source = person.managerSource;
  return (
    <section className="card" aria-labelledby="manager-heading">
      <h2 id="manager-heading">Manager</h2>
      <Loading loaded={manager}>
        {(found) =>
          found ? (
            <p>
              <Link href={`/hr/people/${encodeURIComponent(found.id)}`}>{found.name}</Link>
              <span className="muted">
                {' '}
                — set by {source ? MANAGER_SET_BY[source] : 'the person at sign-up (verifies nothing)'}
              </span>
            </p>
          ) : (
            <p>No manager.</p>
          )
        }
      </Loading>
      {source && OWNED_BY_HR_DATA.includes(source) ? (
        <p className="message" role="note">
          HR data owns this link: {MANAGER_SET_BY[source]} sets it, and would undo a change made here. Change
          it there.
        </p>
      ) : (
        person.active && <ManagerChange person={person} onChanged={onChanged} />
      )}
    </section>
  );
}

function ReportsSection({ person }: { person: Employee }) {
  const reports = useLoad(() => api.reportsOf(person.id), `${person.id}:${person.managerId ?? ''}`);
  return (
    <section className="card" aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reports</h2>
      <Loading loaded={reports}>
        {(page) =>
          page.items.length === 0 ? (
            <p>Nobody reports to {person.name}.</p>
          ) : (
            <PeopleTable people={page.items} />
          )
        }
      </Loading>
    </section>
  );
}

/** Deactivating signs the person out everywhere: asked twice, the second time saying so. */
function Activation({ person, onChanged }: { person: Employee; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  if (!person.active)
    return (
      <section className="card" aria-labelledby="activation-heading">
        <h2 id="activation-heading">Deactivated</h2>
        <p>{person.name} cannot sign in, and colleagues no longer find them.</p>
        <ActionButton variant="primary" action={() => api.reactivate(person.id).then(onChanged)}>
          Reactivate {person.name}
        </ActionButton>
      </section>
    );
  return (
    <section className="card" aria-labelledby="activation-heading">
      <h2 id="activation-heading">Leaving the company</h2>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="confirm-deactivation">
          <p id="confirm-deactivation">
            Deactivate {person.name}? They are signed out everywhere at once, can no longer sign in, and their
            pending requests are cancelled. You can reactivate them later.
          </p>
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
              Yes, deactivate
            </ActionButton>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Deactivate {person.name}
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
  const [version, setVersion] = useState(0);
  const person = useLoad(() => api.employee(employeeId), `${employeeId}:${version}`);
  const changed = () => setVersion((value) => value + 1);
  return (
    <Loading loaded={person}>
      {(found) => (
        <Page title={found.name}>
          <p>
            <Link href="/hr/people">Back to people</Link>
          </p>
          <section className="card" aria-labelledby="profile-heading">
            <h2 id="profile-heading">Profile</h2>
            <dl className="facts">
              <dt>Email</dt>
              <dd>{found.email}</dd>
              <dt>Job title</dt>
              <dd>{found.title ?? '—'}</dd>
              <dt>Status</dt>
              <dd>
                <span className={found.active ? 'status accepted' : 'status hidden'}>
                  {found.active ? 'Active' : 'Deactivated'}
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
