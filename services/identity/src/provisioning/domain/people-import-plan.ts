import type { ManagerSource } from '@vouch/contracts';
import {
  COLUMN_HEADERS,
  type LineError,
  type PeopleColumn,
  type PeopleFile,
  type PersonLine,
} from './people-file';

/** What the plan needs to know of an employee already in Vouch. */
export interface ExistingEmployee {
  id: string;
  email: string;
  name: string;
  title: string | null;
  timeZone: string | null;
  language: string | null;
  department: string | null;
  employeeNumber: string | null;
  managerId: string | null;
  managerSource: ManagerSource | null;
  active: boolean;
}

/** Fields of the employee's profile the file sets. */
export interface ProfileUpdate {
  name?: string;
  title?: string | null;
  timeZone?: string | null;
  language?: string | null;
}

/** HR's details of the employee the file sets. */
export interface DetailsUpdate {
  department?: string | null;
  employeeNumber?: string | null;
}

/** The field names of the audit log and the API, as the report lists what changed. */
export type ChangedField = keyof ProfileUpdate | keyof DetailsUpdate | 'managerId' | 'active';

interface PlannedPerson {
  line: number;
  email: string;
  /** The manager the file gives, by email, when it changes the employee's; null: no manager. */
  manager?: { email: string | null };
  changedFields: ChangedField[];
}

export interface PersonToCreate extends PlannedPerson {
  outcome: 'created';
  name: string;
  profile: ProfileUpdate;
  details: DetailsUpdate;
}

export interface PersonToUpdate extends PlannedPerson {
  outcome: 'updated' | 'unchanged';
  employeeId: string;
  reactivate: boolean;
  /** Only the fields that change. */
  profile: ProfileUpdate;
  details: DetailsUpdate;
}

export type PlannedChange = PersonToCreate | PersonToUpdate;

/** An active employee the file does not list. */
export interface MissingPerson {
  employeeId: string;
  email: string;
  name: string;
  /** Whether the import deactivates them: only when asked to, and never whom `keep` names. */
  deactivate: boolean;
}

/** A manager link to set, by the emails of the employee and the manager (null: none). */
export interface ManagerChange {
  line: number;
  email: string;
  managerEmail: string | null;
}

export interface ImportPlan {
  people: PlannedChange[];
  /**
   * The manager links to set once everyone exists, in an order that never closes a circle on the
   * way: links removed first, then from the top of the org chart down, so each new manager's own
   * chain is already final.
   */
  managerChanges: ManagerChange[];
  missing: MissingPerson[];
  /** Each bad line: any at all, and nothing may be applied. */
  errors: LineError[];
}

export interface PlanOptions {
  /** Deactivate the active employees the file does not list. */
  deactivateMissing: boolean;
  /** Employees never deactivated as missing: the admin running the import. */
  keep: ReadonlySet<string>;
}

/** The link the file asks for, by the source an import gives it. */
const CSV_SOURCE: ManagerSource = 'csv';

function headerFor(column: PeopleColumn): string {
  return COLUMN_HEADERS[column];
}

/**
 * What importing a people file would do to the employees there are: who is created, who changes
 * and how, who is unchanged, who is missing from it and whether they are deactivated; and what
 * makes it impossible, line by line: a person listed twice, a manager who is neither in the file
 * nor an active employee (or who the import would deactivate), a chain of managers that loops.
 * The file is the company's list of people: someone deactivated whom it lists is reactivated.
 */
export function planImport(
  file: PeopleFile,
  existing: readonly ExistingEmployee[],
  options: PlanOptions,
): ImportPlan {
  const errors: LineError[] = [...file.errors];
  const byEmail = new Map(existing.map((employee) => [employee.email, employee]));
  const byId = new Map(existing.map((employee) => [employee.id, employee]));

  const listed = new Map<string, PersonLine>();
  const people: PersonLine[] = [];
  for (const person of file.people) {
    const first = listed.get(person.email);
    if (first) {
      errors.push({
        line: person.line,
        field: headerFor('email'),
        message: `${person.email} is listed already, on line ${first.line}`,
      });
      continue;
    }
    listed.set(person.email, person);
    people.push(person);
  }

  const missing = existing
    .filter((employee) => employee.active && !listed.has(employee.email))
    .map((employee) => ({
      employeeId: employee.id,
      email: employee.email,
      name: employee.name,
      deactivate: options.deactivateMissing && !options.keep.has(employee.id),
    }));
  const deactivated = new Set(missing.filter((person) => person.deactivate).map((person) => person.email));
  if (options.deactivateMissing && file.people.length === 0 && file.errors.length === 0)
    errors.push({
      line: 1,
      field: null,
      message: 'the file lists nobody: deactivating whoever it does not list would deactivate everyone',
    });

  const managesFile = file.columns.has('managerEmail');
  if (managesFile) {
    for (const person of people) {
      const managerEmail = person.managerEmail;
      if (!managerEmail || listed.has(managerEmail) || file.rejected.has(managerEmail)) continue;
      const manager = byEmail.get(managerEmail);
      if (!manager?.active)
        errors.push({
          line: person.line,
          field: headerFor('managerEmail'),
          message: manager
            ? `the manager ${managerEmail} is deactivated and not in the file`
            : `the manager ${managerEmail} is neither in the file nor an employee`,
        });
      else if (deactivated.has(managerEmail))
        errors.push({
          line: person.line,
          field: headerFor('managerEmail'),
          message: `the manager ${managerEmail} is not in the file, so the import would deactivate them`,
        });
    }
    errors.push(...cyclesOf(people, listed, finalManagerOf(listed, byEmail, byId)));
  }

  errors.sort((a, b) => a.line - b.line);
  const planned = people.map((person) => changeOf(person, byEmail.get(person.email), byId, managesFile));
  return {
    people: planned,
    managerChanges: errors.length > 0 ? [] : managerChangesOf(planned, finalManagerOf(listed, byEmail, byId)),
    missing,
    errors,
  };
}

type ManagerOf = (email: string) => string | null;

/** Each employee's manager once the file is applied: the file's where it gives one, their own elsewhere. */
function finalManagerOf(
  listed: ReadonlyMap<string, PersonLine>,
  byEmail: ReadonlyMap<string, ExistingEmployee>,
  byId: ReadonlyMap<string, ExistingEmployee>,
): ManagerOf {
  return (email) => {
    const person = listed.get(email);
    if (person && person.managerEmail !== undefined) return person.managerEmail;
    const managerId = byEmail.get(email)?.managerId;
    return managerId ? (byId.get(managerId)?.email ?? null) : null;
  };
}

function managerChangesOf(planned: readonly PlannedChange[], managerOf: ManagerOf): ManagerChange[] {
  const depths = new Map<string, number>();
  const depthOf = (email: string): number => {
    const chain: string[] = [];
    let current: string | null = email;
    while (current !== null && !depths.has(current)) {
      chain.push(current);
      current = managerOf(current);
    }
    let depth = current === null ? 0 : (depths.get(current) ?? 0) + 1;
    for (const walked of chain.reverse()) depths.set(walked, depth++);
    return depths.get(email) ?? 0;
  };
  return planned
    .flatMap((person) =>
      person.manager ? [{ line: person.line, email: person.email, managerEmail: person.manager.email }] : [],
    )
    .map((change) => ({ change, depth: change.managerEmail === null ? -1 : depthOf(change.email) }))
    .sort((a, b) => a.depth - b.depth || a.change.line - b.change.line)
    .map(({ change }) => change);
}

function changeOf(
  person: PersonLine,
  employee: ExistingEmployee | undefined,
  byId: ReadonlyMap<string, ExistingEmployee>,
  managesFile: boolean,
): PlannedChange {
  const profile: ProfileUpdate = {};
  const details: DetailsUpdate = {};
  const changedFields: ChangedField[] = [];
  const set = <K extends keyof ProfileUpdate>(key: K, value: ProfileUpdate[K] | undefined) => {
    if (value === undefined || (employee && employee[key] === value)) return;
    profile[key] = value;
    if (employee || value !== null) changedFields.push(key);
  };
  const setDetail = <K extends keyof DetailsUpdate>(key: K, value: DetailsUpdate[K] | undefined) => {
    if (value === undefined || (employee && employee[key] === value)) return;
    details[key] = value;
    if (employee || value !== null) changedFields.push(key);
  };
  set('name', person.name);
  set('title', person.title);
  set('timeZone', person.timeZone);
  set('language', person.language);
  setDetail('department', person.department);
  setDetail('employeeNumber', person.employeeNumber);

  let manager: PlannedPerson['manager'];
  if (managesFile && person.managerEmail !== undefined) {
    const currentEmail = employee?.managerId ? (byId.get(employee.managerId)?.email ?? null) : null;
    const sameLink =
      currentEmail === person.managerEmail &&
      (person.managerEmail === null || employee?.managerSource === CSV_SOURCE);
    if (!sameLink) {
      manager = { email: person.managerEmail };
      changedFields.push('managerId');
    }
  }

  if (!employee) {
    return {
      outcome: 'created',
      line: person.line,
      email: person.email,
      name: person.name,
      profile,
      details,
      manager,
      changedFields,
    };
  }
  const reactivate = !employee.active;
  if (reactivate) changedFields.push('active');
  return {
    outcome: changedFields.length > 0 ? 'updated' : 'unchanged',
    line: person.line,
    email: person.email,
    employeeId: employee.id,
    reactivate,
    profile,
    details,
    manager,
    changedFields,
  };
}

/**
 * Chains of managers that would loop once the file is applied: each line of the file that makes a
 * link of one is bad.
 */
function cyclesOf(
  people: readonly PersonLine[],
  listed: ReadonlyMap<string, PersonLine>,
  managerOf: ManagerOf,
): LineError[] {
  const state = new Map<string, 'walking' | 'done'>();
  const errors: LineError[] = [];
  for (const start of people) {
    const path: string[] = [];
    let email: string | null = start.email;
    while (email !== null && !state.has(email)) {
      state.set(email, 'walking');
      path.push(email);
      email = managerOf(email);
    }
    if (email !== null && state.get(email) === 'walking') {
      const loop = path.slice(path.indexOf(email));
      const chain = [...loop, email].join(' → ');
      for (const member of loop) {
        const person = listed.get(member);
        if (person?.managerEmail)
          errors.push({
            line: person.line,
            field: headerFor('managerEmail'),
            message: `the managers would go round in a circle: ${chain}`,
          });
      }
    }
    for (const walked of path) state.set(walked, 'done');
  }
  return errors;
}
