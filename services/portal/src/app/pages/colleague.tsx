import { useState, type ReactNode } from 'react';
import { api, type Employee, type Relationship } from '../api';
import { Message, useT } from '../i18n/i18n';
import { relationshipInOrgChart } from '../org-chart';
import { Link } from '../router';
import { session } from '../session';
import {
  ActionButton,
  Day,
  Loading,
  Page,
  RelationshipLabel,
  RelationshipSelect,
  useLoad,
  VerifiedMark,
} from '../ui';
import { MutualBadge } from './recommendation';

/** The accepted recommendations on an employee's profile, each with how the author knows them. */
export function ProfileRecommendations({ subject }: { subject: Pick<Employee, 'id' | 'name'> }) {
  const t = useT();
  const loaded = useLoad(() => api.recommendationsOf(subject.id), subject.id);
  return (
    <Loading loaded={loaded}>
      {(page) =>
        page.items.length === 0 ? (
          <p className="muted">{t('colleague.recommendations.none')}</p>
        ) : (
          <ul className="recommendation-list">
            {page.items.map((recommendation) => (
              <li key={recommendation.id} className="recommendation">
                <blockquote>{recommendation.text}</blockquote>
                <p className="byline">
                  <span>
                    <Link href={`/people/${encodeURIComponent(recommendation.authorId)}`}>
                      {recommendation.authorName ?? t('colleague.recommendations.someone')}
                    </Link>
                    {recommendation.authorTitle && (
                      <span className="muted">, {recommendation.authorTitle}</span>
                    )}
                  </span>
                  <span className="badge">
                    <RelationshipLabel
                      relationship={recommendation.relationship}
                      author={{ id: recommendation.authorId, name: recommendation.authorName }}
                      subject={subject}
                    />
                  </span>
                  <VerifiedMark verifiedBy={recommendation.verifiedBy} />
                  {recommendation.reciprocal && (
                    <MutualBadge authorId={recommendation.authorId} subjectId={recommendation.subjectId} />
                  )}
                  <span className="muted">
                    {' '}
                    · <Day iso={recommendation.updatedAt} />
                  </span>
                </p>
              </li>
            ))}
          </ul>
        )
      }
    </Loading>
  );
}

export function Resume({ employee }: { employee: Employee }) {
  const t = useT();
  const empty =
    !employee.headline &&
    !employee.summary &&
    employee.positions.length + employee.skills.length + employee.education.length === 0;
  if (empty) return <p className="muted">{t('colleague.resume.empty', { name: employee.name })}</p>;
  return (
    <>
      {employee.headline && <p className="headline">{employee.headline}</p>}
      {employee.summary && <p className="summary">{employee.summary}</p>}
      {employee.positions.length > 0 && (
        <>
          <h3>{t('colleague.resume.positions')}</h3>
          <ul>
            {employee.positions.map((position, index) => (
              <li key={index}>
                <strong>{position.title}</strong>
                {position.team && `, ${position.team}`}{' '}
                <span className="muted">
                  {t('colleague.resume.period', {
                    start: position.start,
                    end: position.end ?? t('colleague.resume.now'),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {employee.skills.length > 0 && (
        <>
          <h3>{t('colleague.resume.skills')}</h3>
          <ul className="chips">
            {employee.skills.map((skill) => (
              <li key={skill}>{skill}</li>
            ))}
          </ul>
        </>
      )}
      {employee.education.length > 0 && (
        <>
          <h3>{t('colleague.resume.education')}</h3>
          <ul>
            {employee.education.map((entry, index) => {
              const studied =
                entry.degree && entry.fieldOfStudy
                  ? t('colleague.resume.degreeInField', { degree: entry.degree, field: entry.fieldOfStudy })
                  : (entry.degree ?? entry.fieldOfStudy);
              return (
                <li key={index}>
                  <strong>{entry.school}</strong>
                  {studied && `, ${studied}`}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </>
  );
}

/**
 * Asking a colleague for a recommendation, as what they were to me: what the org chart says when it
 * links us (my manager, or someone reporting to me), else a co-worker.
 */
function AskForRecommendation({ employee, me }: { employee: Employee; me: Employee }) {
  const t = useT();
  const known = relationshipInOrgChart(employee, me);
  const [relationship, setRelationship] = useState<Relationship>(known ?? 'coworker');
  const [asked, setAsked] = useState(false);
  if (asked) return <p role="status">{t('colleague.ask.done', { name: employee.name })}</p>;
  return (
    <div className="inline-form">
      <label htmlFor="ask-relationship">{t('colleague.ask.label', { name: employee.name })}</label>
      <RelationshipSelect
        id="ask-relationship"
        value={relationship}
        onChange={setRelationship}
        describedBy={known && relationship === known ? 'ask-relationship-hint' : undefined}
      />
      {known && relationship === known && (
        <span id="ask-relationship-hint" className="hint">
          {t('colleague.ask.fromOrgChart')}
        </span>
      )}
      <ActionButton
        action={() =>
          api.askForRecommendation({ recipientId: employee.id, relationship }).then(() => setAsked(true))
        }
      >
        {t('colleague.ask.button')}
      </ActionButton>
    </div>
  );
}

function ConnectionState({ employee }: { employee: Employee }) {
  const t = useT();
  const connections = useLoad(api.connections, `connections-${employee.id}`);
  const me = useLoad(api.me, 'me');
  const [requested, setRequested] = useState(false);
  return (
    <Loading loaded={connections}>
      {(page) => {
        const connection = page.items.find((item) => item.employeeId === employee.id);
        if (connection)
          return (
            <>
              <p>
                <Message id="colleague.connection.since" values={{ since: <Day iso={connection.since} /> }} />
              </p>
              <div className="actions">
                <Link
                  className="button primary"
                  href={`/recommendations/new?subjectId=${encodeURIComponent(employee.id)}`}
                >
                  {t('colleague.connection.recommend', { name: employee.name })}
                </Link>
              </div>
              <Loading loaded={me}>
                {(myself) => <AskForRecommendation employee={employee} me={myself} />}
              </Loading>
            </>
          );
        if (requested)
          return <p role="status">{t('colleague.connection.requested', { name: employee.name })}</p>;
        return (
          <div className="actions">
            <ActionButton
              variant="primary"
              action={() => api.askToConnect(employee.id).then(() => setRequested(true))}
            >
              {t('colleague.connection.connect', { name: employee.name })}
            </ActionButton>
          </div>
        );
      }}
    </Loading>
  );
}

const toProfile = (text: ReactNode[]) => <Link href="/profile">{text}</Link>;

export function ColleaguePage({ employeeId }: { employeeId: string }) {
  const t = useT();
  const employee = useLoad(() => api.employee(employeeId), employeeId);
  const isMe = session.employeeId() === employeeId;
  return (
    <Loading loaded={employee}>
      {(data) => (
        <Page title={data.name}>
          {data.title && <p className="subtitle">{data.title}</p>}
          {!data.active && <p className="message">{t('colleague.page.gone', { name: data.name })}</p>}
          {isMe ? (
            <p>
              <Message id="colleague.page.you" values={{ link: toProfile }} />
            </p>
          ) : (
            data.active && (
              <section className="card" aria-label={t('colleague.page.connection')}>
                <ConnectionState employee={data} />
              </section>
            )
          )}
          <section className="card" aria-labelledby="resume-title">
            <h2 id="resume-title">{t('colleague.page.resume')}</h2>
            <Resume employee={data} />
          </section>
          <section className="card" aria-labelledby="recommendations-title">
            <h2 id="recommendations-title">{t('colleague.page.recommendations')}</h2>
            <ProfileRecommendations subject={data} />
          </section>
        </Page>
      )}
    </Loading>
  );
}
