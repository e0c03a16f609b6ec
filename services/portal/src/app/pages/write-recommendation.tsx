import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, isRelationship, RELATIONSHIPS, type Recommendation, type Relationship } from '../api';
import { clearDraft, draftKeyOf, readDraft, saveDraft } from '../draft';
import { relationshipInOrgChart } from '../org-chart';
import { Link, navigate } from '../router';
import { session } from '../session';
import { textLimit } from '../text-limit';
import { asError, ColleagueName, ErrorMessage, Loading, Page, RelationshipChoice, useLoad } from '../ui';

/**
 * The relationship picker and the text box with its limits shown as one types. With `draftKey`, what
 * is typed is kept in this browser until it is sent, and restored when the form opens again.
 */
export function RecommendationForm({
  subjectName,
  initialRelationship,
  initialText = '',
  submitLabel,
  onSubmit,
  draftKey,
}: {
  subjectName: string;
  initialRelationship?: Relationship;
  initialText?: string;
  submitLabel: string;
  onSubmit: (relationship: Relationship, text: string) => Promise<unknown>;
  draftKey?: string;
}) {
  const [draft] = useState(() => (draftKey ? readDraft(draftKey) : undefined));
  const [relationship, setRelationship] = useState<Relationship | undefined>(
    draft?.relationship && isRelationship(draft.relationship) ? draft.relationship : initialRelationship,
  );
  const [text, setText] = useState(draft?.text ?? initialText);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const textBox = useRef<HTMLTextAreaElement>(null);
  const limit = textLimit(text);

  useEffect(() => {
    if (draftKey) saveDraft(draftKey, { text, ...(relationship ? { relationship } : {}) });
  }, [draftKey, relationship, text]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!relationship) {
      setError(new Error(`Choose how you know ${subjectName}.`));
      return;
    }
    if (limit.state !== 'ok') {
      setError(new Error(`The text needs 20 to 3000 characters: ${limit.message}.`));
      textBox.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    onSubmit(relationship, text.trim()).then(
      () => {
        if (draftKey) clearDraft(draftKey);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(asError(failure));
      },
    );
  };

  return (
    <form className="card" onSubmit={submit}>
      {draft && <p className="muted">Your unsent draft is restored.</p>}
      <fieldset>
        <legend>How do you know {subjectName}?</legend>
        {RELATIONSHIPS.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="relationship"
              value={value}
              checked={relationship === value}
              onChange={() => setRelationship(value)}
            />
            <RelationshipChoice relationship={value} />
          </label>
        ))}
      </fieldset>
      <label htmlFor="recommendation-text">Your recommendation</label>
      <textarea
        id="recommendation-text"
        ref={textBox}
        rows={8}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby="recommendation-text-limit"
        aria-invalid={limit.state === 'too-long' || undefined}
        placeholder={`What was it like to work with ${subjectName}? A concrete example helps most.`}
      />
      <p id="recommendation-text-limit" className={`counter ${limit.state}`} aria-live="polite">
        {limit.message}
      </p>
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}

/** Writing a recommendation for a colleague, from scratch or answering their request. */
export function WriteRecommendation({
  subjectId,
  requestId,
  relationship,
}: {
  subjectId: string;
  requestId?: string;
  relationship?: Relationship;
}) {
  const subject = useLoad(() => api.employee(subjectId), subjectId);
  const author = session.employeeId();
  const given = useLoad(() => api.recommendations('given'), `given-${subjectId}`);
  const me = useLoad(api.me, 'me');
  const write = (chosen: Relationship, text: string) =>
    api
      .writeRecommendation({ subjectId, relationship: chosen, text, ...(requestId ? { requestId } : {}) })
      .then((written: Recommendation) => navigate(`/recommendations/${encodeURIComponent(written.id)}`));
  return (
    <Loading loaded={subject}>
      {(employee) => (
        <Loading loaded={given}>
          {(page) => {
            const earlier = page.items.find(
              (item) => item.subjectId === subjectId && item.status !== 'withdrawn',
            );
            if (earlier)
              return (
                <p className="message">
                  You already recommended {employee.name}.{' '}
                  <Link href={`/recommendations/${encodeURIComponent(earlier.id)}`}>
                    Edit your recommendation
                  </Link>
                </p>
              );
            return (
              <Loading loaded={me}>
                {(myself) => (
                  <RecommendationForm
                    subjectName={employee.name}
                    // What the request asked for, else what the org chart knows of us, else the author's choice.
                    initialRelationship={relationship ?? relationshipInOrgChart(myself, employee)}
                    submitLabel={`Recommend ${employee.name}`}
                    onSubmit={write}
                    draftKey={author ? draftKeyOf(author, subjectId) : undefined}
                  />
                )}
              </Loading>
            );
          }}
        </Loading>
      )}
    </Loading>
  );
}

function ChooseSubject() {
  const connections = useLoad(api.connections, 'connections');
  return (
    <Loading loaded={connections}>
      {(page) =>
        page.items.length === 0 ? (
          <p>
            You can recommend the colleagues you are connected with.{' '}
            <Link href="/connections">Find them</Link>.
          </p>
        ) : (
          <>
            <p>Whom would you like to recommend?</p>
            <ul className="rows">
              {page.items.map((connection) => (
                <li key={connection.employeeId} className="row">
                  <Link href={`/recommendations/new?subjectId=${encodeURIComponent(connection.employeeId)}`}>
                    {connection.name}
                  </Link>
                  {connection.title && <span className="muted">{connection.title}</span>}
                </li>
              ))}
            </ul>
          </>
        )
      }
    </Loading>
  );
}

export function WriteRecommendationPage({ subjectId }: { subjectId: string | null }) {
  if (subjectId && subjectId === session.employeeId())
    return (
      <Page title="Write a recommendation">
        <p className="message">You cannot recommend yourself; ask a colleague instead.</p>
      </Page>
    );
  return (
    <Page title="Write a recommendation">
      {subjectId ? (
        <>
          <p>
            For <ColleagueName id={subjectId} />. It shows on their profile once they accept it.
          </p>
          <WriteRecommendation subjectId={subjectId} />
        </>
      ) : (
        <ChooseSubject />
      )}
    </Page>
  );
}
