import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { api, type Completeness, type Education, type Employee, type Position } from '../api';
import { Message, reloadReader, useT } from '../i18n/i18n';
import { SUPPORTED_EMAIL_LANGUAGES, type EmailLanguage } from '@vouch/platform/languages';
import { LANGUAGE_NAMES } from '../i18n/languages';
import type { MessageId } from '../i18n/messages';
import { Link } from '../router';
import { asError, ErrorMessage, Loading, Page, useLoad } from '../ui';
import { ProfileRecommendations } from './colleague';

/** identity's rule: skills count toward completeness from this many on (docs/api.md, Completeness). */
const ENOUGH_SKILLS = 3;

type Part = Completeness['missing'][number]['field'];

const HINTS: Partial<Record<Part, MessageId>> = {
  name: 'profile.completeness.hint.name',
  title: 'profile.completeness.hint.title',
  headline: 'profile.completeness.hint.headline',
  summary: 'profile.completeness.hint.summary',
  location: 'profile.completeness.hint.location',
  timeZone: 'profile.completeness.hint.timeZone',
  positions: 'profile.completeness.hint.positions',
  skills: 'profile.completeness.hint.skills',
  education: 'profile.completeness.hint.education',
};

function CompletenessMeter({ completeness }: { completeness: Completeness }) {
  const t = useT();
  const next = completeness.missing[0];
  const hint = next && HINTS[next.field];
  return (
    <section className="card completeness" aria-labelledby="completeness-title">
      <h2 id="completeness-title">{t('profile.completeness.title')}</h2>
      <div className="meter-row">
        <progress
          id="completeness-meter"
          max={100}
          value={completeness.score}
          aria-labelledby="completeness-title"
        />
        <strong>{t('profile.completeness.score', { ratio: completeness.score / 100 })}</strong>
      </div>
      {next ? (
        <p className="next-hint">
          <span className="muted">{t('profile.completeness.next')}</span>
          {/* A part the portal does not know yet reads as identity words it. */}
          {hint ? t(hint, { count: ENOUGH_SKILLS }) : next.hint}
        </p>
      ) : (
        <p className="next-hint">{t('profile.completeness.done')}</p>
      )}
    </section>
  );
}

/** The portal's language closest to a stored tag (`pt-BR` → `pt`), or '' for none: the company's. */
function languageChoiceOf(tag: string | null): EmailLanguage | '' {
  if (tag === null) return '';
  const language = new Intl.Locale(tag).language;
  return SUPPORTED_EMAIL_LANGUAGES.find((candidate) => candidate === language) ?? '';
}

const BROWSER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The zones to choose from, the stored one included even where this browser does not list it. */
function timeZonesWith(current: string | null): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return current && !zones.includes(current) ? [current, ...zones] : zones;
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
  const t = useT();
  const [name, setName] = useState(me.name);
  const [title, setTitle] = useState(me.title ?? '');
  const [headline, setHeadline] = useState(me.headline ?? '');
  const [summary, setSummary] = useState(me.summary ?? '');
  const [location, setLocation] = useState(me.location ?? '');
  const [positions, setPositions] = useState<Position[]>(me.positions);
  const [skills, setSkills] = useState(me.skills.join(', '));
  const [education, setEducation] = useState<Education[]>(me.education);
  const [language, setLanguage] = useState(languageChoiceOf(me.language));
  const [timeZone, setTimeZone] = useState(me.timeZone ?? '');
  const [saved, setSaved] = useState({
    language: languageChoiceOf(me.language),
    timeZone: me.timeZone ?? '',
  });
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<Error>();
  const timeZones = useMemo(() => timeZonesWith(me.timeZone), [me.timeZone]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    setStatus('saving');
    setError(undefined);
    // Sent only when changed: a tag the directory set (`pt-BR`) stays as it is unless the person picks another.
    const readerChanged = language !== saved.language || timeZone !== saved.timeZone;
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
        ...(language === saved.language ? {} : { language: language || null }),
        ...(timeZone === saved.timeZone ? {} : { timeZone: timeZone || null }),
      })
      .then(
        () => {
          setStatus('saved');
          setSaved({ language, timeZone });
          onSaved();
          // The whole portal switches to the language and zone just chosen.
          if (readerChanged) reloadReader();
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
      <h2 id="resume-title">{t('profile.resume.title')}</h2>
      <div className="grid-2">
        <div>
          <label htmlFor="profile-name">{t('profile.name')}</label>
          <input id="profile-name" value={name} onChange={(e) => setName(e.target.value)} required />
        </div>
        <div>
          <label htmlFor="profile-title">{t('profile.jobTitle')}</label>
          <input id="profile-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
      </div>
      <label htmlFor="profile-headline">{t('profile.headline')}</label>
      <input
        id="profile-headline"
        value={headline}
        onChange={(e) => setHeadline(e.target.value)}
        placeholder={t('profile.headline.placeholder')}
      />
      <label htmlFor="profile-summary">{t('profile.summary')}</label>
      <textarea id="profile-summary" rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
      <label htmlFor="profile-location">{t('profile.location')}</label>
      <input id="profile-location" value={location} onChange={(e) => setLocation(e.target.value)} />

      <fieldset>
        <legend>{t('profile.positions')}</legend>
        {positions.map((position, index) => (
          <div className="entry" key={index}>
            <div className="grid-2">
              <div>
                <label htmlFor={`position-${index}-title`}>{t('profile.position.title')}</label>
                <input
                  id={`position-${index}-title`}
                  value={position.title}
                  required
                  onChange={(e) => changePosition(index, { title: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`position-${index}-team`}>{t('profile.position.team')}</label>
                <input
                  id={`position-${index}-team`}
                  value={position.team ?? ''}
                  onChange={(e) => changePosition(index, { team: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`position-${index}-start`}>{t('profile.position.from')}</label>
                <input
                  id={`position-${index}-start`}
                  type="month"
                  value={position.start}
                  required
                  onChange={(e) => changePosition(index, { start: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`position-${index}-end`}>{t('profile.position.to')}</label>
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
              {t('profile.position.remove', { title: position.title })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setPositions([...positions, emptyPosition()])}
        >
          {t('profile.position.add')}
        </button>
      </fieldset>

      <label htmlFor="profile-skills">{t('profile.skills')}</label>
      <input
        id="profile-skills"
        value={skills}
        onChange={(e) => setSkills(e.target.value)}
        aria-describedby="profile-skills-hint"
      />
      <p id="profile-skills-hint" className="hint">
        {t('profile.skills.hint')}
      </p>

      <fieldset>
        <legend>{t('profile.education')}</legend>
        {education.map((entry, index) => (
          <div className="entry" key={index}>
            <div className="grid-2">
              <div>
                <label htmlFor={`education-${index}-school`}>{t('profile.education.school')}</label>
                <input
                  id={`education-${index}-school`}
                  value={entry.school}
                  required
                  onChange={(e) => changeEducation(index, { school: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`education-${index}-degree`}>{t('profile.education.degree')}</label>
                <input
                  id={`education-${index}-degree`}
                  value={entry.degree ?? ''}
                  onChange={(e) => changeEducation(index, { degree: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`education-${index}-field`}>{t('profile.education.field')}</label>
                <input
                  id={`education-${index}-field`}
                  value={entry.fieldOfStudy ?? ''}
                  onChange={(e) => changeEducation(index, { fieldOfStudy: e.target.value })}
                />
              </div>
              <div>
                <label htmlFor={`education-${index}-end`}>{t('profile.education.finished')}</label>
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
              {t('profile.education.remove', { school: entry.school || t('profile.education.thisSchool') })}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setEducation([...education, emptyEducation()])}
        >
          {t('profile.education.add')}
        </button>
      </fieldset>

      <fieldset aria-describedby="profile-reading-hint">
        <legend>{t('profile.reading.title')}</legend>
        <p id="profile-reading-hint" className="hint">
          {t('profile.reading.hint')}
        </p>
        <div className="grid-2">
          <div>
            <label htmlFor="profile-language">{t('profile.language')}</label>
            <select
              id="profile-language"
              value={language}
              onChange={(e) => setLanguage(languageChoiceOf(e.target.value || null))}
            >
              <option value="">{t('profile.language.companyDefault')}</option>
              {SUPPORTED_EMAIL_LANGUAGES.map((choice) => (
                <option key={choice} value={choice} lang={choice}>
                  {LANGUAGE_NAMES[choice]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="profile-time-zone">{t('profile.timeZone')}</label>
            <select id="profile-time-zone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              <option value="">{t('profile.timeZone.notSet', { zone: BROWSER_TIME_ZONE })}</option>
              {timeZones.map((zone) => (
                <option key={zone} value={zone}>
                  {zone.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>

      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={status === 'saving'}>
          {t('profile.save')}
        </button>
        <span role="status" className="muted">
          {status === 'saved' ? t('profile.saved') : ''}
        </span>
      </div>
    </form>
  );
}

const toRecommendations = (text: ReactNode[]) => <Link href="/recommendations">{text}</Link>;
const toBalance = (text: ReactNode[]) => <Link href="/balance">{text}</Link>;

export function ProfilePage() {
  const t = useT();
  const me = useLoad(api.me, 'me');
  const completeness = useLoad(api.completeness, 'completeness');
  return (
    <Page title={t('profile.title')}>
      <Loading loaded={completeness}>{(data) => <CompletenessMeter completeness={data} />}</Loading>
      <Loading loaded={me}>
        {(employee) => (
          <>
            <ProfileEditor me={employee} onSaved={completeness.reload} />
            <section className="card" aria-labelledby="my-recommendations-title">
              <h2 id="my-recommendations-title">{t('profile.recommendations.title')}</h2>
              <ProfileRecommendations subject={employee} />
              <p>
                <Message
                  id="profile.recommendations.manage"
                  values={{ recommendations: toRecommendations, balance: toBalance }}
                />
              </p>
            </section>
          </>
        )}
      </Loading>
    </Page>
  );
}
