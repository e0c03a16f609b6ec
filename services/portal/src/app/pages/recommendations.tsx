import { api, type Recommendation, type RecommendationRequest } from '../api';
import { Link } from '../router';
import { ActionButton, AskedAs, ColleagueName, Day, Loading, Page, RelationshipLabel, useLoad } from '../ui';
import { STATUS_LABELS } from './recommendation';

const recommendationLink = (id: string) => `/recommendations/${encodeURIComponent(id)}`;

function Excerpt({ text }: { text: string }) {
  return <p className="quote">“{text.length > 160 ? `${text.slice(0, 160)}…` : text}”</p>;
}

function ReceivedList({ items, reload }: { items: Recommendation[]; reload: () => void }) {
  const shown = items.filter((item) => item.status !== 'withdrawn');
  if (shown.length === 0)
    return <p className="muted">No recommendations yet. Writing one is the surest way to get one.</p>;
  return (
    <ul className="rows">
      {shown.map((recommendation) => (
        <li key={recommendation.id} className="row">
          <div>
            <ColleagueName id={recommendation.authorId} />{' '}
            <span className="badge">
              <RelationshipLabel
                relationship={recommendation.relationship}
                author={{ id: recommendation.authorId }}
                subject={{ id: recommendation.subjectId }}
              />
            </span>{' '}
            <span className={`status ${recommendation.status}`}>{STATUS_LABELS[recommendation.status]}</span>
            <Excerpt text={recommendation.text} />
          </div>
          <div className="actions">
            <Link className="button secondary" href={recommendationLink(recommendation.id)}>
              Open
            </Link>
            {recommendation.status !== 'accepted' && (
              <ActionButton
                variant="primary"
                action={() => api.answerRecommendation(recommendation.id, 'accept').then(reload)}
              >
                Accept
              </ActionButton>
            )}
            {recommendation.status !== 'hidden' && (
              <ActionButton action={() => api.answerRecommendation(recommendation.id, 'hide').then(reload)}>
                Hide
              </ActionButton>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function GivenList({ items, reload }: { items: Recommendation[]; reload: () => void }) {
  const shown = items.filter((item) => item.status !== 'withdrawn');
  if (shown.length === 0) return <p className="muted">You have not recommended anyone yet.</p>;
  return (
    <ul className="rows">
      {shown.map((recommendation) => (
        <li key={recommendation.id} className="row">
          <div>
            For <ColleagueName id={recommendation.subjectId} />{' '}
            <span className={`status ${recommendation.status}`}>{STATUS_LABELS[recommendation.status]}</span>
            {recommendation.revisionRequest && (
              <p className="message small">They asked for a revision: “{recommendation.revisionRequest}”</p>
            )}
            <Excerpt text={recommendation.text} />
          </div>
          <div className="actions">
            <Link className="button secondary" href={recommendationLink(recommendation.id)}>
              Edit
            </Link>
            <ActionButton
              variant="danger"
              action={() => api.withdrawRecommendation(recommendation.id).then(reload)}
            >
              Withdraw
            </ActionButton>
          </div>
        </li>
      ))}
    </ul>
  );
}

function RequestsToMe({ items, reload }: { items: RecommendationRequest[]; reload: () => void }) {
  if (items.length === 0) return <p className="muted">No one is waiting for a recommendation from you.</p>;
  return (
    <ul className="rows">
      {items.map((request) => (
        <li key={request.id} className="row">
          <div>
            <ColleagueName id={request.requesterId} /> asks you, as{' '}
            <AskedAs relationship={request.relationship} />
            {request.message && <p className="quote">“{request.message}”</p>}
            <span className="muted small">
              Open until <Day iso={request.expiresAt} />
            </span>
          </div>
          <div className="actions">
            <Link
              className="button primary"
              href={`/recommendation-requests/${encodeURIComponent(request.id)}`}
            >
              Write
            </Link>
            <ActionButton action={() => api.declineRecommendationRequest(request.id).then(reload)}>
              Decline
            </ActionButton>
          </div>
        </li>
      ))}
    </ul>
  );
}

function MyRequests({ items, reload }: { items: RecommendationRequest[]; reload: () => void }) {
  if (items.length === 0)
    return (
      <p className="muted">
        No requests waiting. <Link href="/balance">See whom to ask</Link>.
      </p>
    );
  return (
    <ul className="rows">
      {items.map((request) => (
        <li key={request.id} className="row">
          <div>
            You asked <ColleagueName id={request.recipientId} />, as{' '}
            <AskedAs relationship={request.relationship} />{' '}
            <span className="muted small">
              on <Day iso={request.createdAt} />
            </span>
          </div>
          <div className="actions">
            <ActionButton action={() => api.withdrawRecommendationRequest(request.id).then(reload)}>
              Withdraw
            </ActionButton>
          </div>
        </li>
      ))}
    </ul>
  );
}

function FulfilledRequests({ items }: { items: RecommendationRequest[] }) {
  if (items.length === 0) return <p className="muted">None of your requests has been answered yet.</p>;
  return (
    <ul className="rows">
      {items.map((request) => (
        <li key={request.id} className="row">
          <div>
            You asked <ColleagueName id={request.recipientId} />, as{' '}
            <AskedAs relationship={request.relationship} />, and got your recommendation{' '}
            <span className="muted small">
              (asked on <Day iso={request.createdAt} />)
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** Saves the signed document of what my profile shows, as a file to keep after I leave. */
async function downloadSignedDocument(): Promise<void> {
  const signed = await api.recommendationsDocument();
  const file = new Blob([`${JSON.stringify(signed, null, 2)}\n`], { type: 'application/json' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(file);
  link.download = `recommendations-${signed.document.issuedAt.slice(0, 10)}.json`;
  link.click();
  // Later, not at once: the browser reads the file after the click returns.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function RecommendationsPage() {
  const received = useLoad(() => api.recommendations('received'), 'received');
  const given = useLoad(() => api.recommendations('given'), 'given');
  const toMe = useLoad(() => api.recommendationRequests('incoming'), 'requests-incoming');
  const mine = useLoad(() => api.recommendationRequests('outgoing'), 'requests-outgoing');
  const fulfilled = useLoad(() => api.recommendationRequests('outgoing', 'fulfilled'), 'requests-fulfilled');
  return (
    <Page title="Recommendations">
      <p>
        <Link className="button primary" href="/recommendations/new">
          Write a recommendation
        </Link>
      </p>
      <section className="card" aria-labelledby="received-title">
        <h2 id="received-title">Received</h2>
        <p className="muted small">
          Those on your profile, signed by the company: a file to keep when you leave, that anyone can check.{' '}
          <ActionButton action={downloadSignedDocument}>Download signed document</ActionButton>
        </p>
        <Loading loaded={received}>
          {(page) => <ReceivedList items={page.items} reload={received.reload} />}
        </Loading>
      </section>
      <section className="card" aria-labelledby="requests-to-me-title">
        <h2 id="requests-to-me-title">Asked of you</h2>
        <Loading loaded={toMe}>{(page) => <RequestsToMe items={page.items} reload={toMe.reload} />}</Loading>
      </section>
      <section className="card" aria-labelledby="given-title">
        <h2 id="given-title">Written by you</h2>
        <Loading loaded={given}>{(page) => <GivenList items={page.items} reload={given.reload} />}</Loading>
      </section>
      <section className="card" aria-labelledby="my-requests-title">
        <h2 id="my-requests-title">Your requests</h2>
        <Loading loaded={mine}>{(page) => <MyRequests items={page.items} reload={mine.reload} />}</Loading>
      </section>
      <section className="card" aria-labelledby="fulfilled-requests-title">
        <h2 id="fulfilled-requests-title">Your requests, answered</h2>
        <Loading loaded={fulfilled}>{(page) => <FulfilledRequests items={page.items} />}</Loading>
      </section>
    </Page>
  );
}
