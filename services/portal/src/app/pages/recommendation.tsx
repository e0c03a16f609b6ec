import { useState, type FormEvent } from 'react';
import { api, ApiError, type Recommendation, type RecommendationStatus } from '../api';
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

export const STATUS_LABELS: Record<RecommendationStatus, string> = {
  pending: 'Waiting for acceptance',
  accepted: 'On the profile',
  hidden: 'Hidden',
  revision_requested: 'Revision requested',
  withdrawn: 'Withdrawn',
};

function Changes({ recommendation }: { recommendation: Recommendation }) {
  const previous = recommendation.revisions
    .filter((revision) => revision.text !== recommendation.text)
    .sort((a, b) => b.number - a.number)[0];
  if (!previous) return null;
  return (
    <details className="changes">
      <summary>
        What changed since the version of <Day iso={previous.writtenAt} />
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
      <label htmlFor="revision-message">Ask for a revision: what would you like changed?</label>
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
        Ask for a revision
      </button>
    </form>
  );
}

function Received({ recommendation, reload }: { recommendation: Recommendation; reload: () => void }) {
  const { status } = recommendation;
  return (
    <>
      <p>
        From <ColleagueName id={recommendation.authorId} />
      </p>
      <RecommendationCard recommendation={recommendation} />
      <div className="actions">
        {status !== 'accepted' && status !== 'withdrawn' && (
          <ActionButton
            variant="primary"
            action={() => api.answerRecommendation(recommendation.id, 'accept').then(reload)}
          >
            Accept and show on my profile
          </ActionButton>
        )}
        {status !== 'hidden' && status !== 'withdrawn' && (
          <ActionButton action={() => api.answerRecommendation(recommendation.id, 'hide').then(reload)}>
            Hide
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
  const subject = useLoad(() => colleague(recommendation.subjectId), recommendation.subjectId);
  if (recommendation.status === 'withdrawn')
    return (
      <>
        <p>
          For <ColleagueName id={recommendation.subjectId} />
        </p>
        <RecommendationCard recommendation={recommendation} />
      </>
    );
  return (
    <>
      <p>
        For <ColleagueName id={recommendation.subjectId} />
      </p>
      <RecommendationCard recommendation={recommendation} />
      {recommendation.revisionRequest && (
        <p className="message">
          <strong>They asked for a revision:</strong> “{recommendation.revisionRequest}”
        </p>
      )}
      <h2>Edit it</h2>
      <p className="muted">A revised recommendation waits for acceptance again.</p>
      <RecommendationForm
        subjectName={subject.data?.name ?? 'them'}
        initialRelationship={recommendation.relationship}
        initialText={recommendation.text}
        submitLabel="Save the revision"
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
          Withdraw it
        </ActionButton>
      </div>
    </>
  );
}

export function RecommendationCard({ recommendation }: { recommendation: Recommendation }) {
  return (
    <article className="card recommendation">
      <p className="byline">
        <span className={`status ${recommendation.status}`}>{STATUS_LABELS[recommendation.status]}</span>
        <span className="badge">
          <RelationshipLabel
            relationship={recommendation.relationship}
            author={{ id: recommendation.authorId }}
            subject={{ id: recommendation.subjectId }}
          />
        </span>
        <VerifiedMark verifiedBy={recommendation.verifiedBy} />
      </p>
      <blockquote>{recommendation.text}</blockquote>
      <p className="muted small">
        Last written <Day iso={recommendation.updatedAt} />
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
      <h2>Take it down</h2>
      <label htmlFor="takedown-reason">Why? Its author and its subject get this reason by email.</label>
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
          It will show nowhere but here, for HR and admins, and both will be told. Take it down?
        </p>
      )}
      <button type="submit" className="danger" disabled={busy || reason.trim() === ''}>
        {confirming ? 'Yes, take it down' : 'Take down'}
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
        From <ColleagueName id={recommendation.authorId} /> for{' '}
        <ColleagueName id={recommendation.subjectId} />
      </p>
      <RecommendationCard recommendation={recommendation} />
      {takedown ? (
        <p className="message" role="status">
          <strong>Taken down</strong> on <Day iso={takedown.at} /> by <ColleagueName id={takedown.by} />: “
          {takedown.reason}”
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
  return (
    <Loading loaded={loaded}>
      {(recommendation) =>
        !recommendation ? (
          <Page title="Recommendation not found">
            <p>This recommendation is not yours to see, or it no longer exists.</p>
          </Page>
        ) : session.isHrOrAdmin() &&
          (recommendation.takedown || (recommendation.subjectId !== me && recommendation.authorId !== me)) ? (
          <Page title="A recommendation">
            <Audited recommendation={recommendation} reload={loaded.reload} />
          </Page>
        ) : recommendation.subjectId === me ? (
          <Page title="A recommendation for you">
            <Received recommendation={recommendation} reload={loaded.reload} />
          </Page>
        ) : (
          <Page title="Your recommendation">
            <Given recommendation={recommendation} reload={loaded.reload} />
          </Page>
        )
      }
    </Loading>
  );
}
