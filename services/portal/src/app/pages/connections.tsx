import type { ReactNode } from 'react';
import { api, type ConnectionRequest } from '../api';
import { Link } from '../router';
import { ActionButton, Day, Loading, Page, useLoad } from '../ui';

const SUGGESTION_REASONS = {
  manager: 'your manager',
  report: 'reports to you',
  peer: 'shares your manager',
} as const;

const profileLink = (employeeId: string) => `/people/${encodeURIComponent(employeeId)}`;

function RequestList({
  requests,
  actions,
  empty,
}: {
  requests: ConnectionRequest[];
  actions: (request: ConnectionRequest) => ReactNode;
  empty: string;
}) {
  if (requests.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="rows">
      {requests.map((request) => (
        <li key={request.id} className="row">
          <div>
            <Link href={profileLink(request.employee.employeeId)}>{request.employee.name}</Link>
            {request.employee.title && <span className="muted">, {request.employee.title}</span>}
            {request.message && <p className="quote">“{request.message}”</p>}
            <span className="muted small">
              <Day iso={request.requestedAt} />
            </span>
          </div>
          <div className="actions">{actions(request)}</div>
        </li>
      ))}
    </ul>
  );
}

export function ConnectionsPage() {
  const incoming = useLoad(() => api.connectionRequests('incoming'), 'incoming');
  const outgoing = useLoad(() => api.connectionRequests('outgoing'), 'outgoing');
  const connections = useLoad(api.connections, 'connections');
  const suggestions = useLoad(api.connectionSuggestions, 'suggestions');
  const reloadAll = () => {
    incoming.reload();
    outgoing.reload();
    connections.reload();
    suggestions.reload();
  };

  return (
    <Page title="Connections">
      <section className="card" aria-labelledby="incoming-title">
        <h2 id="incoming-title">Asking to connect with you</h2>
        <Loading loaded={incoming}>
          {(page) => (
            <RequestList
              requests={page.items}
              empty="No one is waiting for an answer."
              actions={(request) => (
                <>
                  <ActionButton
                    variant="primary"
                    label={`Accept ${request.employee.name}`}
                    action={() => api.answerConnectionRequest(request.id, 'accept').then(reloadAll)}
                  >
                    Accept
                  </ActionButton>
                  <ActionButton
                    label={`Decline ${request.employee.name}`}
                    action={() => api.answerConnectionRequest(request.id, 'decline').then(reloadAll)}
                  >
                    Decline
                  </ActionButton>
                </>
              )}
            />
          )}
        </Loading>
      </section>

      <section className="card" aria-labelledby="connections-title">
        <h2 id="connections-title">Your connections</h2>
        <Loading loaded={connections}>
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">No connections yet: start with the suggestions below.</p>
            ) : (
              <ul className="rows">
                {page.items.map((connection) => (
                  <li key={connection.employeeId} className="row">
                    <div>
                      <Link href={profileLink(connection.employeeId)}>{connection.name}</Link>
                      {connection.title && <span className="muted">, {connection.title}</span>}
                      <span className="muted small">
                        {' '}
                        · since <Day iso={connection.since} />
                      </span>
                    </div>
                    <div className="actions">
                      <Link
                        className="button secondary"
                        href={`/recommendations/new?subjectId=${encodeURIComponent(connection.employeeId)}`}
                      >
                        Recommend<span className="visually-hidden"> {connection.name}</span>
                      </Link>
                      <ActionButton
                        label={`Remove ${connection.name}`}
                        action={() => api.removeConnection(connection.employeeId).then(reloadAll)}
                      >
                        Remove
                      </ActionButton>
                    </div>
                  </li>
                ))}
              </ul>
            )
          }
        </Loading>
      </section>

      <section className="card" aria-labelledby="suggestions-title">
        <h2 id="suggestions-title">People you may know</h2>
        <Loading loaded={suggestions}>
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">
                No suggestions from the org chart. <Link href="/people">Search the directory</Link>.
              </p>
            ) : (
              <ul className="rows">
                {page.items.map((suggestion) => (
                  <li key={suggestion.employeeId} className="row">
                    <div>
                      <Link href={profileLink(suggestion.employeeId)}>{suggestion.name}</Link>
                      <span className="muted">, {SUGGESTION_REASONS[suggestion.reason]}</span>
                    </div>
                    <div className="actions">
                      <ActionButton
                        variant="primary"
                        label={`Connect with ${suggestion.name}`}
                        action={() => api.askToConnect(suggestion.employeeId).then(reloadAll)}
                      >
                        Connect
                      </ActionButton>
                    </div>
                  </li>
                ))}
              </ul>
            )
          }
        </Loading>
      </section>

      <section className="card" aria-labelledby="outgoing-title">
        <h2 id="outgoing-title">Waiting for their answer</h2>
        <Loading loaded={outgoing}>
          {(page) => (
            <RequestList
              requests={page.items}
              empty="No requests waiting."
              actions={(request) => (
                <ActionButton
                  label={`Withdraw the request to ${request.employee.name}`}
                  action={() => api.withdrawConnectionRequest(request.id).then(reloadAll)}
                >
                  Withdraw
                </ActionButton>
              )}
            />
          )}
        </Loading>
      </section>
    </Page>
  );
}
