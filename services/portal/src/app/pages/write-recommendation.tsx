import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { api, isRelationship, RELATIONSHIPS, type Recommendation, type Relationship } from '../api';
import { clearDraft, draftKeyOf, readDraft, saveDraft } from '../draft';
import { Message, useT } from '../i18n/i18n';
import { relationshipInOrgChart } from '../org-chart';
import { Link, navigate } from '../router';
import { session } from '../session';
import { textLimit, type TextLimit } from '../text-limit';
import { asError, ColleagueName, ErrorMessage, Loading, Page, RelationshipChoice, useLoad } from '../ui';

/**
 * What the counter under the text box says: the count against the maximum, and how far it is from
 * the limits. Without grouping, as one counts characters ("3000").
 */
function useCounter(): (limit: TextLimit) => string {
  const t = useT();
  const intl = useIntl();
  return (limit) => {
    const count = intl.formatNumber(limit.count, { useGrouping: false });
    const max = intl.formatNumber(limit.max, { useGrouping: false });
    if (limit.state === 'too-short')
      return t('writeRecommendation.counter.tooShort', { count, max, missing: limit.off });
    if (limit.state === 'too-long')
      return t('writeRecommendation.counter.tooLong', { count, max, excess: limit.off });
    return t('writeRecommendation.counter', { count, max });
  };
}

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
  const t = useT();
  const intl = useIntl();
  const counter = useCounter();
  const limit = textLimit(text);

  useEffect(() => {
    if (draftKey) saveDraft(draftKey, { text, ...(relationship ? { relationship } : {}) });
  }, [draftKey, relationship, text]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!relationship) {
      setError(new Error(t('writeRecommendation.chooseRelationship', { name: subjectName })));
      return;
    }
    if (limit.state !== 'ok') {
      setError(
        new Error(
          t('writeRecommendation.textOutOfBounds', {
            min: intl.formatNumber(limit.min, { useGrouping: false }),
            max: intl.formatNumber(limit.max, { useGrouping: false }),
            counter: counter(limit),
          }),
        ),
      );
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
      {draft && <p className="muted">{t('writeRecommendation.draftRestored')}</p>}
      <fieldset>
        <legend>{t('writeRecommendation.howDoYouKnow', { name: subjectName })}</legend>
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
      <label htmlFor="recommendation-text">{t('writeRecommendation.text')}</label>
      <textarea
        id="recommendation-text"
        ref={textBox}
        rows={8}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby="recommendation-text-limit"
        aria-invalid={limit.state === 'too-long' || undefined}
        placeholder={t('writeRecommendation.placeholder', { name: subjectName })}
      />
      <p id="recommendation-text-limit" className={`counter ${limit.state}`} aria-live="polite">
        {counter(limit)}
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
  const t = useT();
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
                  <Message
                    id="writeRecommendation.already"
                    values={{
                      name: employee.name,
                      link: (text) => (
                        <Link href={`/recommendations/${encodeURIComponent(earlier.id)}`}>{text}</Link>
                      ),
                    }}
                  />
                </p>
              );
            return (
              <Loading loaded={me}>
                {(myself) => (
                  <RecommendationForm
                    subjectName={employee.name}
                    // What the request asked for, else what the org chart knows of us, else the author's choice.
                    initialRelationship={relationship ?? relationshipInOrgChart(myself, employee)}
                    submitLabel={t('writeRecommendation.submit', { name: employee.name })}
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
  const t = useT();
  return (
    <Loading loaded={connections}>
      {(page) =>
        page.items.length === 0 ? (
          <p>
            <Message
              id="writeRecommendation.noConnections"
              values={{ link: (text) => <Link href="/connections">{text}</Link> }}
            />
          </p>
        ) : (
          <>
            <p>{t('writeRecommendation.chooseSubject')}</p>
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
  const t = useT();
  if (subjectId && subjectId === session.employeeId())
    return (
      <Page title={t('writeRecommendation.title')}>
        <p className="message">{t('writeRecommendation.notYourself')}</p>
      </Page>
    );
  return (
    <Page title={t('writeRecommendation.title')}>
      {subjectId ? (
        <>
          <p>
            <Message id="writeRecommendation.for" values={{ name: <ColleagueName id={subjectId} /> }} />
          </p>
          <WriteRecommendation subjectId={subjectId} />
        </>
      ) : (
        <ChooseSubject />
      )}
    </Page>
  );
}
