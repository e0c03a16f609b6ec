import { assertEmailAddress, normaliseEmail } from './email-address';
import { EmployeeDeactivatedError, OrgChartCycleError } from './employee.errors';
import {
  assertValidChanges,
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

/** An employee: their profile, their place in the org chart, whether they may still sign in. */
export class Employee {
  private constructor(private state: EmployeeState) {}

  static register(init: {
    id: string;
    email: string;
    name: string;
    title: string | null;
    managerId: string | null;
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
      positions: [],
      skills: [],
      education: [],
      managerId: init.managerId,
      registeredAt: init.at,
      updatedAt: init.at,
      deactivatedAt: null,
    });
  }

  static restore(state: EmployeeState): Employee {
    return new Employee({ ...state });
  }

  get snapshot(): Readonly<EmployeeState> {
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
    const changed = PROFILE_FIELDS.filter((field) => canonical(next[field]) !== canonical(this.state[field]));
    if (changed.length > 0) this.state = { ...this.state, ...next, updatedAt: at };
    return changed;
  }

  /**
   * Puts the employee under a new manager (or none). `chainAboveManager` is the new manager's
   * managers, nearest first: the employee in it, or as their own manager, would make a cycle.
   * Returns the previous manager, or undefined when nothing changed.
   */
  changeManager(
    managerId: string | null,
    chainAboveManager: readonly string[],
    at: Date,
  ): { previousManagerId: string | null } | undefined {
    if (managerId !== null && (managerId === this.state.id || chainAboveManager.includes(this.state.id))) {
      throw new OrgChartCycleError(this.state.id, managerId);
    }
    if (managerId === this.state.managerId) return undefined;
    const previousManagerId = this.state.managerId;
    this.state = { ...this.state, managerId, updatedAt: at };
    return { previousManagerId };
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
