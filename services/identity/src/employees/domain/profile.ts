import { InvalidProfileError } from './employee.errors';

/** A month, `YYYY-MM`: résumés date positions and studies to the month. */
export type YearMonth = string;

export interface Position {
  title: string;
  team: string | null;
  start: YearMonth;
  /** Null while the position is current. */
  end: YearMonth | null;
}

export interface Education {
  school: string;
  degree: string | null;
  fieldOfStudy: string | null;
  start: YearMonth | null;
  end: YearMonth | null;
}

/** What an employee tells colleagues about themselves. */
export interface Profile {
  name: string;
  title: string | null;
  headline: string | null;
  summary: string | null;
  location: string | null;
  timeZone: string | null;
  /** BCP 47 language tag (`pt-BR`) the employee reads their emails in, when known. */
  language: string | null;
  positions: Position[];
  skills: string[];
  education: Education[];
}

export type ProfileField = keyof Profile;

/** A partial profile: absent fields stay as they are, null clears an optional one. */
export type ProfileChanges = Partial<Profile>;

/** Limits of each field, shared by the API's validation and the rules below. */
export const ProfileLimits = {
  name: 200,
  title: 200,
  headline: 300,
  summary: 3000,
  location: 200,
  timeZone: 64,
  language: 35,
  positions: 30,
  positionText: 200,
  skills: 50,
  skill: 60,
  education: 20,
  educationText: 200,
} as const;

/** A skill list counts toward completeness once it has this many skills. */
export const ENOUGH_SKILLS = 3;

interface CompletenessPart {
  field: ProfileField;
  weight: number;
  hint: string;
  present: (profile: Profile) => boolean;
}

const filled = (value: string | null) => value !== null && value.trim().length > 0;

/**
 * The job title, where the employee (or HR's systems) wrote it: the profile's own, else the current
 * position's, which is the same thing written in the résumé.
 */
const hasJobTitle = (p: Profile) =>
  filled(p.title) || p.positions.some((position) => position.end === null && filled(position.title));

// Weights sum to 100; the parts colleagues read first weigh most.
const PARTS: CompletenessPart[] = [
  { field: 'name', weight: 5, hint: 'Add your name', present: (p) => filled(p.name) },
  {
    field: 'title',
    weight: 10,
    hint: 'Add your job title so colleagues know what you do',
    present: hasJobTitle,
  },
  {
    field: 'headline',
    weight: 15,
    hint: 'Write a one-line headline: what you want to be known for',
    present: (p) => filled(p.headline),
  },
  {
    field: 'summary',
    weight: 15,
    hint: 'Summarise your work and what you are proud of in a few sentences',
    present: (p) => filled(p.summary),
  },
  {
    field: 'location',
    weight: 5,
    hint: 'Say where you work from',
    present: (p) => filled(p.location),
  },
  {
    field: 'timeZone',
    weight: 5,
    hint: 'Set your time zone so emails reach you at a good hour',
    present: (p) => filled(p.timeZone),
  },
  {
    field: 'positions',
    weight: 20,
    hint: 'Add your current position and team, and the ones before',
    present: (p) => p.positions.length > 0,
  },
  {
    field: 'skills',
    weight: 15,
    hint: `List at least ${ENOUGH_SKILLS} skills colleagues can recommend you for`,
    present: (p) => p.skills.length >= ENOUGH_SKILLS,
  },
  {
    field: 'education',
    weight: 10,
    hint: 'Add your education',
    present: (p) => p.education.length > 0,
  },
];

export interface Completeness {
  /** 0..100 */
  score: number;
  missing: Array<{ field: ProfileField; hint: string }>;
}

/** How complete a profile is, and what to add next, most valuable first. */
export function completenessOf(profile: Profile): Completeness {
  const missing = PARTS.filter((part) => !part.present(profile)).sort((a, b) => b.weight - a.weight);
  const score = PARTS.filter((part) => part.present(profile)).reduce((sum, part) => sum + part.weight, 0);
  return { score, missing: missing.map(({ field, hint }) => ({ field, hint })) };
}

/** The same skill written twice, in another case or with extra spaces, is kept once. */
export function distinctSkills(skills: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const skill of skills.map((s) => s.trim().replace(/\s+/g, ' '))) {
    const key = skill.toLowerCase();
    if (skill.length > 0 && !seen.has(key)) {
      seen.add(key);
      result.push(skill);
    }
  }
  return result;
}

function assertPeriod(what: string, start: YearMonth | null, end: YearMonth | null): void {
  // `YYYY-MM` strings order as the months they name.
  if (start !== null && end !== null && end < start) {
    throw new InvalidProfileError(`${what} ends (${end}) before it starts (${start})`);
  }
}

/**
 * A language tag in its canonical form (`PT-br`, `pt_BR` → `pt-BR`), or the error saying it is none. SCIM and
 * CSV pass tags from HR systems straight through, so the rule lives here, not at the API.
 */
export function canonicalLanguageTag(tag: string): string {
  // HR systems often write locales the POSIX way (`en_US`).
  const trimmed = tag.trim().replaceAll('_', '-');
  try {
    const [canonical] = Intl.getCanonicalLocales(trimmed);
    if (canonical && canonical.length <= ProfileLimits.language) return canonical;
  } catch {
    // RangeError: not a well-formed BCP 47 tag; reported below.
  }
  throw new InvalidProfileError(`language "${tag}" is not a BCP 47 language tag such as en or pt-BR`);
}

/** Whether `zone` is an IANA time zone this runtime knows (`Europe/Lisbon`). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Rules across fields of a profile change; each field's own bounds are checked at the API. */
export function assertValidChanges(changes: ProfileChanges): void {
  if (changes.name !== undefined && changes.name.trim().length === 0) {
    throw new InvalidProfileError('name cannot be blank');
  }
  changes.positions?.forEach((position, index) =>
    assertPeriod(`position ${index + 1}`, position.start, position.end),
  );
  changes.education?.forEach((education, index) =>
    assertPeriod(`education ${index + 1}`, education.start, education.end),
  );
}
