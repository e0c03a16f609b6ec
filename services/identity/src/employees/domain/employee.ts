import type { ManagerSource } from '@vouch/contracts';
import { assertEmailAddress, normaliseEmail } from './email-address';
import { EmployeeDeactivatedError, OrgChartCycleError } from './employee.errors';
import {
  assertValidChanges,
  canonicalLanguageTag,
  completenessOf,
  distinctSkills,
  type Completeness,
  type Profile,
  type ProfileChanges,
  type ProfileField,
} from './profile';

export interface EmployeeState extends Profile {
  id: string;
  /** Normalised: trimmed and lower-cased. */
  email: string;
  managerId: string | null;
  /** Who set the manager link; null when there is no link, or for one self-declared at sign-up. */
  managerSource: ManagerSource | null;
  /** HR's data: set by SCIM, the CSV import or an admin, never by the employee. */
  department: string | null;
  employeeNumber: string | null;
  registeredAt: Date;
  updatedAt: Date;
  deactivatedAt: Date | null;
}

const PROFILE_FIELDS: readonly ProfileField[] = [
  'name',
  'title',
  'headline',
  'summary',
  'location',
  'timeZone',
  'language',
  'positions',
  'skills',
  'education',
];

/** A value as JSON with its keys sorted: the database hands lists of objects back in its own key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

function blankAsNull(value: string | null): string | null {
  return value?.trim() || null;
}

/** An employee: their profile, their place in the org chart, whether they may still sign in. */
export class Employee {
  private constructor(private state: EmployeeState) {}

  static register(init: {
    id: string;
    email: string;
    name: string;
    title: string | null;
    manager: { id: string; source: ManagerSource } | null;
    at: Date;
  }): Employee {
    assertValidChanges({ name: init.name });
    return new Employee({
      id: init.id,
      email: init.email,
      name: init.name.trim(),
      title: init.title?.trim() || null,
      headline: null,
      summary: null,
      location: null,
      timeZone: null,
      language: null,
      positions: [],
      skills: [],
      education: [],
      managerId: init.manager?.id ?? null,
      managerSource: init.manager?.source ?? null,
      department: null,
      employeeNumber: null,
      registeredAt: init.at,
      updatedAt: init.at,
      deactivatedAt: null,
    });
  }

  static restore(state: EmployeeState): Employee {
    return new Employee({ ...state });
  }

  snapshot(): Readonly<EmployeeState> {
    return this.state;
  }

  get id(): string {
    return this.state.id;
  }

  get isActive(): boolean {
    return this.state.deactivatedAt === null;
  }

  get completeness(): Completeness {
    return completenessOf(this.state);
  }

  /** Applies a profile change; returns the fields whose value actually changed. */
  updateProfile(changes: ProfileChanges, at: Date): ProfileField[] {
    if (!this.isActive) throw new EmployeeDeactivatedError();
    assertValidChanges(changes);
    const next: Profile = { ...this.state };
    for (const field of PROFILE_FIELDS) {
      const value = changes[field];
      if (value !== undefined) Object.assign(next, { [field]: value });
    }
    next.name = next.name.trim();
    next.skills = distinctSkills(next.skills);
    if (next.language !== null) next.language = canonicalLanguageTag(next.language);
    const changed = PROFILE_FIELDS.filter((field) => canonical(next[field]) !== canonical(this.state[field]));
    if (changed.length > 0) this.state = { ...this.state, ...next, updatedAt: at };
    return changed;
  }

  /**
   * Puts the employee under a new manager (or none), as `source` says. `chainAboveManager` is the new
   * manager's managers, nearest first: the employee in it, or as their own manager, would make a
   * cycle. The same link from another source changes its source: a self-declared link confirmed by
   * HR becomes HR's. Returns the previous manager, or undefined when nothing changed.
   */
  changeManager(
    managerId: string | null,
    source: ManagerSource,
    chainAboveManager: readonly string[],
    at: Date,
  ): { previousManagerId: string | null } | undefined {
    if (managerId !== null && (managerId === this.state.id || chainAboveManager.includes(this.state.id))) {
      throw new OrgChartCycleError(this.state.id, managerId);
    }
    const managerSource = managerId === null ? null : source;
    if (managerId === this.state.managerId && managerSource === this.state.managerSource) return undefined;
    const previousManagerId = this.state.managerId;
    this.state = { ...this.state, managerId, managerSource, updatedAt: at };
    return { previousManagerId };
  }

  /** HR's data about the employee; returns whether anything changed. */
  changeEmploymentDetails(
    changes: { department?: string | null; employeeNumber?: string | null },
    at: Date,
  ): boolean {
    const department =
      changes.department === undefined ? this.state.department : blankAsNull(changes.department);
    const employeeNumber =
      changes.employeeNumber === undefined ? this.state.employeeNumber : blankAsNull(changes.employeeNumber);
    if (department === this.state.department && employeeNumber === this.state.employeeNumber) return false;
    this.state = { ...this.state, department, employeeNumber, updatedAt: at };
    return true;
  }

  /** Offboards the employee; returns false when they already were. */
  deactivate(at: Date): boolean {
    if (!this.isActive) return false;
    this.state = { ...this.state, deactivatedAt: at, updatedAt: at };
    return true;
  }

  /** Undoes an offboarding; returns false when the employee is active already. */
  reactivate(at: Date): boolean {
    if (this.isActive) return false;
    this.state = { ...this.state, deactivatedAt: null, updatedAt: at };
    return true;
  }

  /**
   * Gives the employee a new work email, normalised as at registration; returns the previous one,
   * or undefined when the normalised email is the one they have.
   */
  changeEmail(email: string, at: Date): string | undefined {
    const normalised = normaliseEmail(email);
    assertEmailAddress(normalised);
    if (normalised === this.state.email) return undefined;
    const previousEmail = this.state.email;
    this.state = { ...this.state, email: normalised, updatedAt: at };
    return previousEmail;
  }
}
