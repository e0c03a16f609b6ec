import { useState, type FormEvent } from 'react';
import { api, type Completeness, type Education, type Employee, type Position } from '../api';
import { Link } from '../router';
import { asError, ErrorMessage, Loading, Page, useLoad } from '../ui';
import { ProfileRecommendations } from './colleague';

function CompletenessMeter({ completeness }: { completeness: Completeness }) {
  const next = completeness.missing[0];
  return (
    <section className="card completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">Profile completeness</h2>
      <div className="meter-row">
        <progress
          id="completeness-meter"
          max={100}
          value={completeness.score}
          aria-labelledby="completeness-title"
        />
        <strong>{completeness.score}%</strong>
      </div>
      {next ? (
        <p className="next-hint">
          <span className="muted">Next: </span>
          {next.hint}
        </p>
      ) : (
        <p className="next-hint">Your profile is complete.</p>
      )}
    </section>
  );
}

const emptyPosition = (): Position => ({ title: '', team: null, start: '', end: null });
const emptyEducation = (): Education => ({
  school: '',
  degree: null,
  fieldOfStudy: null,
  start: null,
  end: null,
});
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

function ProfileEditor({ me, onSaved }: { me: Employee; onSaved: () => void }) {
  const [name, setName] = useState(me.name);
  const [title, setTitle] = useState(me.title ?? '');
  const [headline, setHeadline] = useState(me.headline ?? '');
  const [summary, setSummary] = useState(me.summary ?? '');
  const [location, setLocation] = useState(me.location ?? '');
  const [positions, setPositions] = useState<Position[]>(me.positions);
  const [skills, setSkills] = useState(me.skills.join(', '));
  const [education, setEducation] = useState<Education[]>(me.education);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<Error>();

  const save = (event: FormEvent) => {
    event.preventDefault();
    setStatus('saving');
    setError(undefined);
    api
      .updateMe({
        name: name.trim(),
        title: orNull(title),
        headline: orNull(headline),
        summary: orNull(summary),
        location: orNull(location),
        positions: positions.map((position) => ({
          title: position.title.trim(),
          team: orNull(position.team ?? ''),
          start: position.start,
          end: position.end || null,
        })),
        skills: skills
          .split(',')
          .map((skill) => skill.trim())
          .filter(Boolean),
        education: education.map((entry) => ({
          school: entry.school.trim(),
          degree: orNull(entry.degree ?? ''),
          fieldOfStudy: orNull(entry.fieldOfStudy ?? ''),
          start: entry.start || null,
          end: entry.end || null,
        })),
      })
      .then(
        () => {
          setStatus('saved');
          onSaved();
        },
        (failure: unknown) => {
          setStatus('idle');
          setError(asError(failure));
        },
      );
  };

  const changePosition = (index: number, change: Partial<Position>) =>
    setPositions(positions.map((position, at) => (at === index ? { ...position, ...change } : position)));
  const changeEducation = (index: number, change: Partial<Education>) =>
    setEducation(education.map((entry, at) => (at === index ? { ...entry, ...change } : entry)));

  return (
    <form className="card" onSubmit={save} aria-labelledby="resume-title">
      <h2 id="resume-title">Your resume</h2>
      <div className="grid-2">
        <div>
          <label htmlFor="profile-name">Full name</label>
          <input id="profile-name" value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div>
          <label htmlFor="profile-title">Job title</label>
          <input id="profile-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
      </div>
      <label htmlFor="profile-headline">Headline</label>
      <input
        id="profile-headline"
        value={headline}
        onChange={(e) => setHeadline(e.target.value)}
        placeholder="What you want to be known for"
      />
      <label htmlFor="profile-summary">Summary</label>
      <textarea id="profile-summary" rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
      <label htmlFor="profile-location">Location</label>
      <input id="profile-location" value={location} onChange={(e) => setLocation(e.target.value)} />

      <fieldset>
        <legend>Positions</legend>
        {positions.map((position, index) => (
          <div className="entry" key={index}>
            <div className="grid-2">
              <div>
                <label htmlFor={`position-${index}-title`}>Title</label>
                <input
                  id={`position-${index}-title`}
                  value={position.title}
                  required
                  onChange={(e) => changePosition(index, { title: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`position-${index}-team`}>Team</label>
                <input
                  id={`position-${index}-team`}
                  value={position.team ?? ''}
                  onChange={(e) => changePosition(index, { team: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`position-${index}-start`}>From</label>
                <input
                  id={`position-${index}-start`}
                  type="month"
                  value={position.start}
                  required
                  onChange={(e) => changePosition(index, { start: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`position-${index}-end`}>To (empty while current)</label>
                <input
                  id={`position-${index}-end`}
                  type="month"
                  value={position.end ?? ''}
                  onChange={(e) => changePosition(index, { end: e.target.value || null })}
                />
              </div>
            </div>
            <button
              type="button"
              className="secondary"
              onClick={() => setPositions(positions.filter((_, at) => at !== index))}
            >
              Remove position {position.title}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setPositions([...positions, emptyPosition()])}
        >
          Add a position
        </button>
      </fieldset>

      <label htmlFor="profile-skills">Skills</label>
      <input
        id="profile-skills"
        value={skills}
        onChange={(e) => setSkills(e.target.value)}
        aria-describedby="profile-skills-hint"
      />
      <p id="profile-skills-hint" className="hint">
        Separated by commas: TypeScript, Kafka, mentoring
      </p>

      <fieldset>
        <legend>Education</legend>
        {education.map((entry, index) => (
          <div className="entry" key={index}>
            <div className="grid-2">
              <div>
                <label htmlFor={`education-${index}-school`}>School</label>
                <input
                  id={`education-${index}-school`}
                  value={entry.school}
                  required
                  onChange={(e) => changeEducation(index, { school: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`education-${index}-degree`}>Degree</label>
                <input
                  id={`education-${index}-degree`}
                  value={entry.degree ?? ''}
                  onChange={(e) => changeEducation(index, { degree: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`education-${index}-field`}>Field of study</label>
                <input
                  id={`education-${index}-field`}
                  value={entry.fieldOfStudy ?? ''}
                  onChange={(e) => changeEducation(index, { fieldOfStudy: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`education-${index}-end`}>Finished</label>
                <input
                  id={`education-${index}-end`}
                  type="month"
                  value={entry.end ?? ''}
                  onChange={(e) => changeEducation(index, { end: e.target.value || null })}
                />
              </div>
            </div>
            <button
              type="button"
              className="secondary"
              onClick={() => setEducation(education.filter((_, at) => at !== index))}
            >
              Remove {entry.school || 'this school'}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setEducation([...education, emptyEducation()])}
        >
          Add education
        </button>
      </fieldset>

      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={status === 'saving'}>
          Save profile
        </button>
        <span role="status" className="muted">
          {status === 'saved' ? 'Saved.' : ''}
        </span>
      </div>
    </form>
  );
}

export function ProfilePage() {
  const me = useLoad(api.me, 'me');
  const completeness = useLoad(api.completeness, 'completeness');
  return (
    <Page title="Your profile">
      <Loading loaded={completeness}>{(data) => <CompletenessMeter completeness={data} />}</Loading>
      <Loading loaded={me}>
        {(employee) => (
          <>
            <ProfileEditor me={employee} onSaved={completeness.reload} />
            <section className="card" aria-labelledby="my-recommendations-title">
              <h2 id="my-recommendations-title">Recommendations on your profile</h2>
              <ProfileRecommendations employeeId={employee.id} />
              <p>
                <Link href="/recommendations">Manage your recommendations</Link> ·{' '}
                <Link href="/balance">See your balance</Link>
              </p>
            </section>
          </>
        )}
      </Loading>
    </Page>
  );
}
