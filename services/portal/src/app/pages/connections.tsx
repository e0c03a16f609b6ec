import type { ReactNode } from 'react';
import { api, type ConnectionRequest } from '../api';
import { Message, useDates, useT } from '../i18n/i18n';
import { Link } from '../router';
import { ActionButton, Day, Loading, Page, useLoad } from '../ui';

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
  const t = useT();
  if (requests.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="rows">
      {requests.map((request) => (
        <li key={request.id} className="row">
          <div>
            <Link href={profileLink(request.employee.employeeId)}>{request.employee.name}</Link>
            {request.employee.title && <span className="muted">, {request.employee.title}</span>}
            {request.message && (
              <p className="quote">{t('connections.quote', { message: request.message })}</p>
            )}
            {/* A block of its own: after a name alone, the date would run into it. */}
            <span className="muted small block">
              <Day iso={request.requestedAt} />
            </span>
          </div>
          <div className="actions">{actions(request)}</div>
        </li>
      ))}
    </ul>
  );
}

const toDirectory = (text: ReactNode[]) => <Link href="/people">{text}</Link>;
const visuallyHidden = (text: ReactNode[]) => <span className="visually-hidden">{text}</span>;

export function ConnectionsPage() {
  const t = useT();
  const { date } = useDates();
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
    <Page title={t('connections.title')}>
      <section className="card" aria-labelledby="incoming-title">
        <h2 id="incoming-title">{t('connections.incoming.title')}</h2>
        <Loading loaded={incoming}>
          {(page) => (
            <RequestList
              requests={page.items}
              empty={t('connections.incoming.none')}
              actions={(request) => (
                <>
                  <ActionButton
                    variant="primary"
                    label={t('connections.acceptWho', { name: request.employee.name })}
                    action={() => api.answerConnectionRequest(request.id, 'accept').then(reloadAll)}
                  >
                    {t('connections.accept')}
                  </ActionButton>
                  <ActionButton
                    label={t('connections.declineWho', { name: request.employee.name })}
                    action={() => api.answerConnectionRequest(request.id, 'decline').then(reloadAll)}
                  >
                    {t('connections.decline')}
                  </ActionButton>
                </>
              )}
            />
          )}
        </Loading>
      </section>

      <section className="card" aria-labelledby="connections-title">
        <h2 id="connections-title">{t('connections.mine.title')}</h2>
        <Loading loaded={connections}>
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">{t('connections.mine.none')}</p>
            ) : (
              <>
                <p className="muted">
                  {t(page.nextCursor === null ? 'connections.mine.count' : 'connections.mine.countAtLeast', {
                    count: page.items.length,
                  })}
                </p>
                <ul className="rows">
                  {page.items.map((connection) => (
                    <li key={connection.employeeId} className="row">
                      <div>
                        <Link href={profileLink(connection.employeeId)}>{connection.name}</Link>
                        {connection.title && <span className="muted">, {connection.title}</span>}
                        <span className="muted small">
                          {' '}
                          {t('connections.since', { day: date(connection.since) })}
                        </span>
                      </div>
                      <div className="actions">
                        <Link
                          className="button secondary"
                          href={`/recommendations/new?subjectId=${encodeURIComponent(connection.employeeId)}`}
                        >
                          <Message
                            id="connections.recommendWho"
                            values={{ hidden: visuallyHidden, name: connection.name }}
                          />
                        </Link>
                        <ActionButton
                          label={t('connections.removeWho', { name: connection.name })}
                          action={() => api.removeConnection(connection.employeeId).then(reloadAll)}
                        >
                          {t('connections.remove')}
                        </ActionButton>
                      </div>
                    </li>
                  ))}
                </ul>
              </>
            )
          }
        </Loading>
      </section>

      <section className="card" aria-labelledby="suggestions-title">
        <h2 id="suggestions-title">{t('connections.suggestions.title')}</h2>
        <Loading loaded={suggestions}>
          {(page) =>
            page.items.length === 0 ? (
              <p className="muted">
                <Message id="connections.suggestions.none" values={{ link: toDirectory }} />
              </p>
            ) : (
              <ul className="rows">
                {page.items.map((suggestion) => (
                  <li key={suggestion.employeeId} className="row">
                    <div>
                      <Link href={profileLink(suggestion.employeeId)}>{suggestion.name}</Link>
                      <span className="muted">, {t(`connections.reason.${suggestion.reason}`)}</span>
                    </div>
                    <div className="actions">
                      <ActionButton
                        variant="primary"
                        label={t('connections.connectWho', { name: suggestion.name })}
                        action={() => api.askToConnect(suggestion.employeeId).then(reloadAll)}
                      >
                        {t('connections.connect')}
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
        <h2 id="outgoing-title">{t('connections.outgoing.title')}</h2>
        <Loading loaded={outgoing}>
          {(page) => (
            <RequestList
              requests={page.items}
              empty={t('connections.outgoing.none')}
              actions={(request) => (
                <ActionButton
                  label={t('connections.withdrawWho', { name: request.employee.name })}
                  action={() => api.withdrawConnectionRequest(request.id).then(reloadAll)}
                >
                  {t('connections.withdraw')}
                </ActionButton>
              )}
            />
          )}
        </Loading>
      </section>
    </Page>
  );
}
