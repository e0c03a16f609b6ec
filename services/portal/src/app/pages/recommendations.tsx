import { api, type Recommendation, type RecommendationRequest } from '../api';
import { Message, useT } from '../i18n/i18n';
import { Link } from '../router';
import { ActionButton, AskedAs, ColleagueName, Day, Loading, Page, RelationshipLabel, useLoad } from '../ui';
import { MutualBadge, StatusLabel } from './recommendation';

const recommendationLink = (id: string) => `/recommendations/${encodeURIComponent(id)}`;

function Excerpt({ text }: { text: string }) {
  const t = useT();
  return (
    <p className="quote">
      {t('recommendation.quote', { text: text.length > 160 ? `${text.slice(0, 160)}…` : text })}
    </p>
  );
}

function ReceivedList({ items, reload }: { items: Recommendation[]; reload: () => void }) {
  const t = useT();
  const shown = items.filter((item) => item.status !== 'withdrawn');
  if (shown.length === 0) return <p className="muted">{t('recommendations.received.empty')}</p>;
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
            <StatusLabel status={recommendation.status} />
            {recommendation.reciprocal && (
              <>
                {' '}
                <MutualBadge authorId={recommendation.authorId} subjectId={recommendation.subjectId} />
              </>
            )}
            <Excerpt text={recommendation.text} />
          </div>
          <div className="actions">
            <Link className="button secondary" href={recommendationLink(recommendation.id)}>
              {t('recommendations.open')}
            </Link>
            {recommendation.status !== 'accepted' && (
              <ActionButton
                variant="primary"
                action={() => api.answerRecommendation(recommendation.id, 'accept').then(reload)}
              >
                {t('recommendations.accept')}
              </ActionButton>
            )}
            {recommendation.status !== 'hidden' && (
              <ActionButton action={() => api.answerRecommendation(recommendation.id, 'hide').then(reload)}>
                {t('recommendations.hide')}
              </ActionButton>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}

function GivenList({ items, reload }: { items: Recommendation[]; reload: () => void }) {
  const t = useT();
  const shown = items.filter((item) => item.status !== 'withdrawn');
  if (shown.length === 0) return <p className="muted">{t('recommendations.given.empty')}</p>;
  return (
    <ul className="rows">
      {shown.map((recommendation) => (
        <li key={recommendation.id} className="row">
          <div>
            <Message
              id="recommendation.for"
              values={{ name: <ColleagueName id={recommendation.subjectId} /> }}
            />{' '}
            <StatusLabel status={recommendation.status} />
            {recommendation.reciprocal && (
              <>
                {' '}
                <MutualBadge authorId={recommendation.authorId} subjectId={recommendation.subjectId} />
              </>
            )}
            {recommendation.revisionRequest && (
              <p className="message small">
                {t('recommendations.given.revisionAsked', { message: recommendation.revisionRequest })}
              </p>
            )}
            <Excerpt text={recommendation.text} />
          </div>
          <div className="actions">
            <Link className="button secondary" href={recommendationLink(recommendation.id)}>
              {t('recommendations.edit')}
            </Link>
            <ActionButton
              variant="danger"
              action={() => api.withdrawRecommendation(recommendation.id).then(reload)}
            >
              {t('recommendations.withdraw')}
            </ActionButton>
          </div>
        </li>
      ))}
    </ul>
  );
}

function RequestsToMe({ items, reload }: { items: RecommendationRequest[]; reload: () => void }) {
  const t = useT();
  if (items.length === 0) return <p className="muted">{t('recommendations.toMe.empty')}</p>;
  return (
    <ul className="rows">
      {items.map((request) => (
        <li key={request.id} className="row">
          <div>
            <Message
              id="recommendations.toMe.asks"
              values={{
                name: <ColleagueName id={request.requesterId} />,
                relationship: <AskedAs relationship={request.relationship} />,
              }}
            />
            {request.message && (
              <p className="quote">{t('recommendation.quote', { text: request.message })}</p>
            )}
            <span className="muted small">
              <Message
                id="recommendations.toMe.openUntil"
                values={{ day: <Day iso={request.expiresAt} /> }}
              />
            </span>
          </div>
          <div className="actions">
            <Link
              className="button primary"
              href={`/recommendation-requests/${encodeURIComponent(request.id)}`}
            >
              {t('recommendations.toMe.write')}
            </Link>
            <ActionButton action={() => api.declineRecommendationRequest(request.id).then(reload)}>
              {t('recommendations.toMe.decline')}
            </ActionButton>
          </div>
        </li>
      ))}
    </ul>
  );
}

function MyRequests({ items, reload }: { items: RecommendationRequest[]; reload: () => void }) {
  const t = useT();
  if (items.length === 0)
    return (
      <p className="muted">
        <Message
          id="recommendations.mine.empty"
          values={{ link: (text) => <Link href="/balance">{text}</Link> }}
        />
      </p>
    );
  return (
    <ul className="rows">
      {items.map((request) => (
        <li key={request.id} className="row">
          <div>
            <Message
              id="recommendations.mine.asked"
              values={{
                name: <ColleagueName id={request.recipientId} />,
                relationship: <AskedAs relationship={request.relationship} />,
              }}
            />{' '}
            <span className="muted small">
              <Message id="recommendations.mine.askedOn" values={{ day: <Day iso={request.createdAt} /> }} />
            </span>
          </div>
          <div className="actions">
            <ActionButton action={() => api.withdrawRecommendationRequest(request.id).then(reload)}>
              {t('recommendations.withdraw')}
            </ActionButton>
          </div>
        </li>
      ))}
    </ul>
  );
}

function FulfilledRequests({ items }: { items: RecommendationRequest[] }) {
  const t = useT();
  if (items.length === 0) return <p className="muted">{t('recommendations.fulfilled.empty')}</p>;
  return (
    <ul className="rows">
      {items.map((request) => (
        <li key={request.id} className="row">
          <div>
            <Message
              id="recommendations.fulfilled.answered"
              values={{
                name: <ColleagueName id={request.recipientId} />,
                relationship: <AskedAs relationship={request.relationship} />,
              }}
            />{' '}
            <span className="muted small">
              <Message
                id="recommendations.fulfilled.askedOn"
                values={{ day: <Day iso={request.createdAt} /> }}
              />
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
  const t = useT();
  return (
    <Page title={t('recommendations.title')}>
      <p>
        <Link className="button primary" href="/recommendations/new">
          {t('recommendations.write')}
        </Link>
      </p>
      <section className="card" aria-labelledby="received-title">
        <h2 id="received-title">{t('recommendations.received.title')}</h2>
        <p className="muted small">
          {t('recommendations.received.document')}{' '}
          <ActionButton action={downloadSignedDocument}>
            {t('recommendations.received.download')}
          </ActionButton>
        </p>
        <Loading loaded={received}>
          {(page) => <ReceivedList items={page.items} reload={received.reload} />}
        </Loading>
      </section>
      <section className="card" aria-labelledby="requests-to-me-title">
        <h2 id="requests-to-me-title">{t('recommendations.toMe.title')}</h2>
        <Loading loaded={toMe}>{(page) => <RequestsToMe items={page.items} reload={toMe.reload} />}</Loading>
      </section>
      <section className="card" aria-labelledby="given-title">
        <h2 id="given-title">{t('recommendations.given.title')}</h2>
        <Loading loaded={given}>{(page) => <GivenList items={page.items} reload={given.reload} />}</Loading>
      </section>
      <section className="card" aria-labelledby="my-requests-title">
        <h2 id="my-requests-title">{t('recommendations.mine.title')}</h2>
        <Loading loaded={mine}>{(page) => <MyRequests items={page.items} reload={mine.reload} />}</Loading>
      </section>
      <section className="card" aria-labelledby="fulfilled-requests-title">
        <h2 id="fulfilled-requests-title">{t('recommendations.fulfilled.title')}</h2>
        <Loading loaded={fulfilled}>{(page) => <FulfilledRequests items={page.items} />}</Loading>
      </section>
    </Page>
  );
}
