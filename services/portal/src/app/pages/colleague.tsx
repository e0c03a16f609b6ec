import { useState } from 'react';
import { api, type Employee, type Relationship } from '../api';
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

/** The accepted recommendations on an employee's profile, each with how the author knows them. */
export function ProfileRecommendations({ employeeId }: { employeeId: string }) {
  const loaded = useLoad(() => api.recommendationsOf(employeeId), employeeId);
  return (
    <Loading loaded={loaded}>
      {(page) =>
        page.items.length === 0 ? (
          <p className="muted">No recommendations on this profile yet.</p>
        ) : (
          <ul className="recommendation-list">
            {page.items.map((recommendation) => (
              <li key={recommendation.id} className="recommendation">
                <blockquote>{recommendation.text}</blockquote>
                <p className="byline">
                  <span>
                    <Link href={`/people/${encodeURIComponent(recommendation.authorId)}`}>
                      {recommendation.authorName ?? 'A colleague'}
                    </Link>
                    {recommendation.authorTitle && (
                      <span className="muted">, {recommendation.authorTitle}</span>
                    )}
                  </span>
                  <span className="badge">
                    <RelationshipLabel relationship={recommendation.relationship} />
                  </span>
                  <VerifiedMark verifiedBy={recommendation.verifiedBy} />
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
  const empty =
    !employee.headline &&
    !employee.summary &&
    employee.positions.length + employee.skills.length + employee.education.length === 0;
  if (empty) return <p className="muted">{employee.name} has not filled in a resume yet.</p>;
  return (
    <>
      {employee.headline && <p className="headline">{employee.headline}</p>}
      {employee.summary && <p className="summary">{employee.summary}</p>}
      {employee.positions.length > 0 && (
        <>
          <h3>Positions</h3>
          <ul>
            {employee.positions.map((position, index) => (
              <li key={index}>
                <strong>{position.title}</strong>
                {position.team && `, ${position.team}`}{' '}
                <span className="muted">
                  {position.start} – {position.end ?? 'now'}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {employee.skills.length > 0 && (
        <>
          <h3>Skills</h3>
          <ul className="chips">
            {employee.skills.map((skill) => (
              <li key={skill}>{skill}</li>
            ))}
          </ul>
        </>
      )}
      {employee.education.length > 0 && (
        <>
          <h3>Education</h3>
          <ul>
            {employee.education.map((entry, index) => (
              <li key={index}>
                <strong>{entry.school}</strong>
                {entry.degree && `, ${entry.degree}`}
                {entry.fieldOfStudy && ` in ${entry.fieldOfStudy}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function AskForRecommendation({ employee }: { employee: Employee }) {
  const [relationship, setRelationship] = useState<Relationship>('coworker');
  const [asked, setAsked] = useState(false);
  if (asked) return <p role="status">You asked {employee.name} for a recommendation.</p>;
  return (
    <div className="inline-form">
      <label htmlFor="ask-relationship">Ask {employee.name} for a recommendation as</label>
      <RelationshipSelect id="ask-relationship" value={relationship} onChange={setRelationship} />
      <ActionButton
        action={() =>
          api.askForRecommendation({ recipientId: employee.id, relationship }).then(() => setAsked(true))
        }
      >
        Ask
      </ActionButton>
    </div>
  );
}

function ConnectionState({ employee }: { employee: Employee }) {
  const connections = useLoad(api.connections, `connections-${employee.id}`);
  const [requested, setRequested] = useState(false);
  return (
    <Loading loaded={connections}>
      {(page) => {
        const connection = page.items.find((item) => item.employeeId === employee.id);
        if (connection)
          return (
            <>
              <p>
                Connected since <Day iso={connection.since} />.
              </p>
              <div className="actions">
                <Link
                  className="button primary"
                  href={`/recommendations/new?subjectId=${encodeURIComponent(employee.id)}`}
                >
                  Recommend {employee.name}
                </Link>
              </div>
              <AskForRecommendation employee={employee} />
            </>
          );
        if (requested) return <p role="status">Request sent to {employee.name}.</p>;
        return (
          <div className="actions">
            <ActionButton
              variant="primary"
              action={() => api.askToConnect(employee.id).then(() => setRequested(true))}
            >
              Connect with {employee.name}
            </ActionButton>
          </div>
        );
      }}
    </Loading>
  );
}

export function ColleaguePage({ employeeId }: { employeeId: string }) {
  const employee = useLoad(() => api.employee(employeeId), employeeId);
  const isMe = session.employeeId() === employeeId;
  return (
    <Loading loaded={employee}>
      {(data) => (
        <Page title={data.name}>
          {data.title && <p className="subtitle">{data.title}</p>}
          {!data.active && <p className="message">{data.name} no longer works here.</p>}
          {isMe ? (
            <p>
              This is you. <Link href="/profile">Edit your profile</Link>
            </p>
          ) : (
            data.active && (
              <section className="card" aria-label="Your connection">
                <ConnectionState employee={data} />
              </section>
            )
          )}
          <section className="card" aria-labelledby="resume-title">
            <h2 id="resume-title">Resume</h2>
            <Resume employee={data} />
          </section>
          <section className="card" aria-labelledby="recommendations-title">
            <h2 id="recommendations-title">Recommendations</h2>
            <ProfileRecommendations employeeId={data.id} />
          </section>
        </Page>
      )}
    </Loading>
  );
}
