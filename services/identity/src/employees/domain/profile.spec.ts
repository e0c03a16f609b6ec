import { InvalidProfileError } from './employee.errors';
import { assertValidChanges, completenessOf, distinctSkills, type Profile } from './profile';

const bare: Profile = {
  name: 'Ana Lima',
  title: null,
  headline: null,
  summary: null,
  location: null,
  timeZone: null,
  language: null,
  positions: [],
  skills: [],
  education: [],
};

const complete: Profile = {
  name: 'Ana Lima',
  title: 'Staff engineer',
  headline: 'Makes payments boring',
  summary: 'Ten years of building payment systems.',
  location: 'Lisbon',
  timeZone: 'Europe/Lisbon',
  language: 'en',
  positions: [{ title: 'Staff engineer', team: 'Payments', start: '2021-03', end: null }],
  skills: ['TypeScript', 'PostgreSQL', 'Kafka'],
  education: [
    { school: 'IST', degree: 'MSc', fieldOfStudy: 'Computer science', start: null, end: '2014-07' },
  ],
};

describe('profile completeness', () => {
  it('scores a complete profile 100 with nothing missing', () => {
    expect(completenessOf(complete)).toEqual({ score: 100, missing: [] });
  });

  it('scores a profile with a name only 5, and hints at each missing part, most valuable first', () => {
    const { score, missing } = completenessOf(bare);
    expect(score).toBe(5);
    expect(missing.map((part) => part.field)).toEqual([
      'positions',
      'headline',
      'summary',
      'skills',
      'title',
      'education',
      'location',
      'timeZone',
    ]);
    expect(missing.every((part) => part.hint.length > 0)).toBe(true);
  });

  it('counts skills only once there are at least three', () => {
    const twoSkills = completenessOf({ ...complete, skills: ['Go', 'SQL'] });
    expect(twoSkills.score).toBe(85);
    expect(twoSkills.missing).toEqual([{ field: 'skills', hint: expect.stringContaining('3 skills') }]);
  });

  it('counts the job title of the current position when the title field is empty', () => {
    const noTitle = { ...complete, title: null };
    expect(completenessOf(noTitle)).toEqual({ score: 100, missing: [] });
    expect(completenessOf({ ...bare, positions: complete.positions }).missing).not.toContainEqual(
      expect.objectContaining({ field: 'title' }),
    );
  });

  it('asks for a job title when only past positions name one', () => {
    const past = [{ title: 'Engineer', team: null, start: '2018-01', end: '2020-12' }];
    expect(completenessOf({ ...complete, title: null, positions: past })).toEqual({
      score: 90,
      missing: [{ field: 'title', hint: expect.stringContaining('job title') }],
    });
  });

  it('counts a job title set by the company (SCIM, CSV) like one typed in the form', () => {
    expect(completenessOf({ ...bare, title: 'Analyst' }).score).toBe(15);
  });

  it('treats blank text as missing', () => {
    expect(completenessOf({ ...complete, headline: '   ' }).missing.map((part) => part.field)).toEqual([
      'headline',
    ]);
  });
});

describe('profile rules', () => {
  it('keeps each skill once, whatever its case and spacing', () => {
    expect(distinctSkills([' TypeScript ', 'typescript', 'Domain  driven design', 'Kafka'])).toEqual([
      'TypeScript',
      'Domain driven design',
      'Kafka',
    ]);
  });

  it('refuses a position that ends before it starts', () => {
    expect(() =>
      assertValidChanges({
        positions: [{ title: 'Engineer', team: null, start: '2022-05', end: '2021-01' }],
      }),
    ).toThrow(InvalidProfileError);
  });

  it('refuses a blank name', () => {
    expect(() => assertValidChanges({ name: '  ' })).toThrow(InvalidProfileError);
  });

  it('accepts a current position and studies without dates', () => {
    expect(() =>
      assertValidChanges({
        positions: [{ title: 'Engineer', team: null, start: '2022-05', end: null }],
        education: [{ school: 'IST', degree: null, fieldOfStudy: null, start: null, end: null }],
      }),
    ).not.toThrow();
  });
});
