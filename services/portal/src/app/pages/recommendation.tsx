import { useState, type FormEvent } from 'react';
import { api, ApiError, type Recommendation, type RecommendationStatus } from '../api';
import { Message, useT } from '../i18n/i18n';
import { navigate } from '../router';
import { session } from '../session';
import {
  ActionButton,
  asError,
  colleague,
  ColleagueName,
  Day,
  ErrorMessage,
  Loading,
  Page,
  RelationshipLabel,
  useLoad,
  VerifiedMark,
} from '../ui';
import { diffWords } from '../word-diff';
import { RecommendationForm } from './write-recommendation';

/** Where a recommendation stands, as its author and subject read it. */
export function StatusLabel({ status }: { status: RecommendationStatus }) {
  const t = useT();
  return <span className={`status ${status}`}>{t(`recommendation.status.${status}`)}</span>;
}

/**
 * The two recommended each other: "you" to either of them, their names to anyone else (a profile's
 * visitor, HR).
 */
export function MutualBadge({ authorId, subjectId }: { authorId: string; subjectId: string }) {
  const me = session.employeeId();
  return (
    <span className="badge mutual">
      <span aria-hidden="true">⇄ </span>
      {me === authorId || me === subjectId ? (
        <Message id="recommendation.mutual.you" />
      ) : (
        <NamedPair authorId={authorId} subjectId={subjectId} />
      )}
    </span>
  );
}

function NamedPair({ authorId, subjectId }: { authorId: string; subjectId: string }) {
  const t = useT();
  const author = useLoad(() => colleague(authorId), authorId);
  const subject = useLoad(() => colleague(subjectId), subjectId);
  const fallback = t('colleague.fallbackName');
  return t('recommendation.mutual.named', {
    author: author.data?.name ?? fallback,
    subject: subject.data?.name ?? fallback,
  });
}

function Changes({ recommendation }: { recommendation: Recommendation }) {
  const previous = recommendation.revisions
    .filter((revision) => revision.text !== recommendation.text)
    .sort((a, b) => b.number - a.number)[0];
  if (!previous) return null;
  return (
    <details className="changes">
      <summary>
        <Message id="recommendation.changes" values={{ day: <Day iso={previous.writtenAt} /> }} />
      </summary>
      <p className="diff">
        {diffWords(previous.text, recommendation.text).map((part, index) =>
          part.kind === 'same' ? (
            <span key={index}>{part.text}</span>
          ) : part.kind === 'added' ? (
            <ins key={index}>{part.text}</ins>
          ) : (
            <del key={index}>{part.text}</del>
          ),
        )}
      </p>
    </details>
  );
}

function RequestRevision({ recommendation, onDone }: { recommendation: Recommendation; onDone: () => void }) {
  const t = useT();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    api.requestRevision(recommendation.id, message).then(onDone, (failure: unknown) => {
      setBusy(false);
      setError(asError(failure));
    });
  };
  return (
    <form onSubmit={submit} className="revision-form">
      <label htmlFor="revision-message">{t('recommendation.revision.label')}</label>
      <textarea
        id="revision-message"
        rows={3}
        maxLength={1000}
        required
        value={message}
        onChange={(e) => setMessage(e.target.value)}
      />
      <ErrorMessage error={error} />
      <button type="submit" className="secondary" disabled={busy}>
        {t('recommendation.revision.submit')}
      </button>
    </form>
  );
}

function Received({ recommendation, reload }: { recommendation: Recommendation; reload: () => void }) {
  const t = useT();
  const { status } = recommendation;
  return (
    <>
      <p>
        <Message id="recommendation.from" values={{ name: <ColleagueName id={recommendation.authorId} /> }} />
      </p>
      <RecommendationCard recommendation={recommendation} />
      <div className="actions">
        {status !== 'accepted' && status !== 'withdrawn' && (
          <ActionButton
            variant="primary"
            action={() => api.answerRecommendation(recommendation.id, 'accept').then(reload)}
          >
            {t('recommendation.accept')}
          </ActionButton>
        )}
        {status !== 'hidden' && status !== 'withdrawn' && (
          <ActionButton action={() => api.answerRecommendation(recommendation.id, 'hide').then(reload)}>
            {t('recommendation.hide')}
          </ActionButton>
        )}
      </div>
      {status !== 'revision_requested' && status !== 'withdrawn' && (
        <RequestRevision recommendation={recommendation} onDone={reload} />
      )}
    </>
  );
}

function Given({ recommendation, reload }: { recommendation: Recommendation; reload: () => void }) {
  const t = useT();
  const subject = useLoad(() => colleague(recommendation.subjectId), recommendation.subjectId);
  const forSubject = (
    <p>
      <Message id="recommendation.for" values={{ name: <ColleagueName id={recommendation.subjectId} /> }} />
    </p>
  );
  if (recommendation.status === 'withdrawn')
    return (
      <>
        {forSubject}
        <RecommendationCard recommendation={recommendation} />
      </>
    );
  return (
    <>
      {forSubject}
      <RecommendationCard recommendation={recommendation} />
      {recommendation.revisionRequest && (
        <p className="message">
          <Message
            id="recommendation.revision.asked"
            values={{
              message: recommendation.revisionRequest,
              strong: (text) => <strong>{text}</strong>,
            }}
          />
        </p>
      )}
      <h2>{t('recommendation.edit.title')}</h2>
      <p className="muted">{t('recommendation.edit.hint')}</p>
      <RecommendationForm
        subjectName={subject.data?.name ?? t('recommendation.edit.subjectFallback')}
        initialRelationship={recommendation.relationship}
        initialText={recommendation.text}
        submitLabel={t('recommendation.edit.submit')}
        onSubmit={(relationship, text) =>
          api.reviseRecommendation(recommendation.id, { relationship, text }).then(reload)
        }
      />
      <div className="actions">
        <ActionButton
          variant="danger"
          action={() =>
            api.withdrawRecommendation(recommendation.id).then(() => navigate('/recommendations'))
          }
        >
          {t('recommendation.withdraw')}
        </ActionButton>
      </div>
    </>
  );
}

export function RecommendationCard({ recommendation }: { recommendation: Recommendation }) {
  return (
    <article className="card recommendation">
      <p className="byline">
        <StatusLabel status={recommendation.status} />
        <span className="badge">
          <RelationshipLabel
            relationship={recommendation.relationship}
            author={{ id: recommendation.authorId }}
            subject={{ id: recommendation.subjectId }}
          />
        </span>
        <VerifiedMark verifiedBy={recommendation.verifiedBy} />
        {recommendation.reciprocal && (
          <MutualBadge authorId={recommendation.authorId} subjectId={recommendation.subjectId} />
        )}
      </p>
      <blockquote>{recommendation.text}</blockquote>
      <p className="muted small">
        <Message id="recommendation.lastWritten" values={{ day: <Day iso={recommendation.updatedAt} /> }} />
      </p>
      <Changes recommendation={recommendation} />
    </article>
  );
}

/**
 * HR and admins take a recommendation down: a reason is required, and a second click confirms,
 * since it hides it from everyone and emails both its author and its subject.
 */
function TakeDown({ recommendation, onDone }: { recommendation: Recommendation; onDone: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    api.takeDownRecommendation(recommendation.id, reason).then(onDone, (failure: unknown) => {
      setBusy(false);
      setConfirming(false);
      setError(asError(failure));
    });
  };
  return (
    <form onSubmit={submit} className="takedown-form">
      <h2>{t('recommendation.takedown.title')}</h2>
      <label htmlFor="takedown-reason">{t('recommendation.takedown.reason')}</label>
      <textarea
        id="takedown-reason"
        rows={3}
        maxLength={500}
        required
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          setConfirming(false);
        }}
      />
      <ErrorMessage error={error} />
      {confirming && (
        <p className="message" role="alert">
          {t('recommendation.takedown.confirm')}
        </p>
      )}
      <button type="submit" className="danger" disabled={busy || reason.trim() === ''}>
        {confirming ? t('recommendation.takedown.confirmSubmit') : t('recommendation.takedown.submit')}
      </button>
    </form>
  );
}

/** What HR and admins see of any recommendation: both sides, its text, and its takedown if any. */
function Audited({ recommendation, reload }: { recommendation: Recommendation; reload: () => void }) {
  const { takedown } = recommendation;
  return (
    <>
      <p>
        <Message
          id="recommendation.fromFor"
          values={{
            author: <ColleagueName id={recommendation.authorId} />,
            subject: <ColleagueName id={recommendation.subjectId} />,
          }}
        />
      </p>
      <RecommendationCard recommendation={recommendation} />
      {takedown ? (
        <p className="message" role="status">
          <Message
            id="recommendation.takedown.done"
            values={{
              day: <Day iso={takedown.at} />,
              name: <ColleagueName id={takedown.by} />,
              reason: takedown.reason,
              strong: (text) => <strong>{text}</strong>,
            }}
          />
        </p>
      ) : (
        recommendation.status !== 'withdrawn' && <TakeDown recommendation={recommendation} onDone={reload} />
      )}
    </>
  );
}

/**
 * One recommendation, as the email's "show it" or "revise it" link opens it, for its subject or
 * author; HR and admins see any, and may take it down.
 */
export function RecommendationPage({ recommendationId }: { recommendationId: string }) {
  const loaded = useLoad(
    () =>
      api.recommendation(recommendationId).catch((failure: unknown) => {
        if (failure instanceof ApiError && (failure.status === 404 || failure.status === 400)) return null;
        throw failure;
      }),
    recommendationId,
  );
  const me = session.employeeId();
  const t = useT();
  return (
    <Loading loaded={loaded}>
      {(recommendation) =>
        !recommendation ? (
          <Page title={t('recommendation.notFound.title')}>
            <p>{t('recommendation.notFound.body')}</p>
          </Page>
        ) : session.isHrOrAdmin() &&
          (recommendation.takedown || (recommendation.subjectId !== me && recommendation.authorId !== me)) ? (
          <Page title={t('recommendation.title.audited')}>
            <Audited recommendation={recommendation} reload={loaded.reload} />
          </Page>
        ) : recommendation.subjectId === me ? (
          <Page title={t('recommendation.title.received')}>
            <Received recommendation={recommendation} reload={loaded.reload} />
          </Page>
        ) : (
          <Page title={t('recommendation.title.given')}>
            <Given recommendation={recommendation} reload={loaded.reload} />
          </Page>
        )
      }
    </Loading>
  );
}
