import {
  EmployeeDeactivatedV1,
  EmployeeEmailChangedV1,
  EmployeeManagerChangedV1,
  EmployeeManagerChangedV2,
  EmployeeProfileUpdatedV1,
  EmployeeReactivatedV1,
  EmployeeRecordV1,
  EmployeeRegisteredV1,
  RecordedEvents,
  type EventData,
  type EventDefinition,
  type ManagerSource,
  type RecordedEvent,
  type RecordsEvents,
} from '@vouch/contracts';
import { assertEmailAddress, normaliseEmail } from './email-address';
import { EmployeeAlreadyErasedError, EmployeeDeactivatedError, OrgChartCycleError } from './employee.errors';
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
  /** When their personal data was erased at their request; the employee stays an id, deactivated. */
  erasedAt: Date | null;
}

/** The name an erased employee keeps, so that what others wrote about them still names someone. */
export const ERASED_NAME = 'Erased employee';

/** The address an erased employee keeps: the column is unique and required, and this names no one. */
export function erasedEmailOf(employeeId: string): string {
  return `erased-${employeeId}@erased.invalid`;
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

/** The employee as the compacted record topic carries them. */
export function employeeRecordOf(employee: Employee): EventData<typeof EmployeeRecordV1> {
  const state = employee.snapshot();
  return {
    employeeId: state.id,
    email: state.email,
    name: state.name,
    title: state.title,
    headline: state.headline,
    location: state.location,
    timeZone: state.timeZone,
    language: state.language,
    managerId: state.managerId,
    managerSource: state.managerSource,
    active: employee.isActive,
    completeness: employee.completeness.score,
    registeredAt: state.registeredAt.toISOString(),
    deactivatedAt: state.deactivatedAt?.toISOString() ?? null,
    updatedAt: state.updatedAt.toISOString(),
  };
}

/**
 * An employee: their profile, their place in the org chart, whether they may still sign in. Each
 * change records the event that tells the other services, followed by the employee's whole record
 * after it on the compacted topic, so the record topic never misses a change.
 */
export class Employee implements RecordsEvents {
  private readonly events = new RecordedEvents();

  private constructor(private state: EmployeeState) {}

  /**
   * A new employee, however they came: signed up or provisioned (with what HR's systems say of
   * them: time zone, language, department, employee number).
   */
  static register(init: {
    id: string;
    email: string;
    name: string;
    title: string | null;
    timeZone?: string | null;
    language?: string | null;
    department?: string | null;
    employeeNumber?: string | null;
    manager: { id: string; source: ManagerSource } | null;
    at: Date;
  }): Employee {
    assertValidChanges({ name: init.name });
    const employee = new Employee({
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
      erasedAt: null,
    });
    employee.applyProfile({ timeZone: init.timeZone ?? null, language: init.language ?? null }, init.at);
    employee.changeEmploymentDetails(
      { department: init.department ?? null, employeeNumber: init.employeeNumber ?? null },
      init.at,
    );
    const state = employee.state;
    employee.recordWithRecord(EmployeeRegisteredV1, {
      employeeId: state.id,
      email: state.email,
      name: state.name,
      title: state.title,
      managerId: state.managerId,
      managerSource: state.managerSource,
      timeZone: state.timeZone,
      language: state.language,
      registeredAt: state.registeredAt.toISOString(),
    });
    return employee;
  }

  static restore(state: EmployeeState): Employee {
    return new Employee({ ...state });
  }

  pullEvents(): RecordedEvent[] {
    return this.events.pull();
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

  get isErased(): boolean {
    return this.state.erasedAt !== null;
  }

  get completeness(): Completeness {
    return completenessOf(this.state);
  }

  /** Applies a profile change; returns the fields whose value actually changed. */
  updateProfile(changes: ProfileChanges, at: Date): ProfileField[] {
    if (!this.isActive) throw new EmployeeDeactivatedError();
    const changedFields = this.applyProfile(changes, at);
    if (changedFields.length === 0) return changedFields;
    const state = this.state;
    this.recordWithRecord(EmployeeProfileUpdatedV1, {
      employeeId: state.id,
      name: state.name,
      title: state.title,
      headline: state.headline,
      timeZone: state.timeZone,
      language: state.language,
      completeness: this.completeness.score,
      changedFields,
      updatedAt: state.updatedAt.toISOString(),
    });
    return changedFields;
  }

  private applyProfile(changes: ProfileChanges, at: Date): ProfileField[] {
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
    const v1 = { employeeId: this.state.id, managerId, previousManagerId, changedAt: at.toISOString() };
    // One event in both versions until consumers of v1 have moved (docs/schema-evolution.md).
    this.events.recordInVersions(
      [
        [EmployeeManagerChangedV1, v1],
        [EmployeeManagerChangedV2, { ...v1, managerSource }],
      ],
      { subject: this.state.id },
    );
    this.recordRecord();
    return { previousManagerId };
  }

  /** HR's data about the employee, which no event carries; returns whether anything changed. */
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
    this.recordWithRecord(EmployeeDeactivatedV1, {
      employeeId: this.state.id,
      deactivatedAt: at.toISOString(),
    });
    return true;
  }

  /** Undoes an offboarding; returns false when the employee is active already. An erased one stays gone. */
  reactivate(at: Date): boolean {
    if (this.isErased) throw new EmployeeAlreadyErasedError(this.state.id);
    if (this.isActive) return false;
    this.state = { ...this.state, deactivatedAt: null, updatedAt: at };
    this.recordWithRecord(EmployeeReactivatedV1, {
      employeeId: this.state.id,
      reactivatedAt: at.toISOString(),
    });
    return true;
  }

  /**
   * Erases the employee's personal data at their request. An active employee is offboarded first,
   * as a deactivation tells the other services (EmployeeDeactivated). What stays is the id, the
   * dates and the org chart's links, so references to them (and the audit log) stay coherent. No
   * record follows: the repository replaces the employee's record with a tombstone.
   */
  erase(at: Date): void {
    if (this.isErased) throw new EmployeeAlreadyErasedError(this.state.id);
    if (this.isActive) {
      this.state = { ...this.state, deactivatedAt: at };
      this.events.record(EmployeeDeactivatedV1, {
        subject: this.state.id,
        data: { employeeId: this.state.id, deactivatedAt: at.toISOString() },
      });
    }
    this.state = {
      ...this.state,
      email: erasedEmailOf(this.state.id),
      name: ERASED_NAME,
      title: null,
      headline: null,
      summary: null,
      location: null,
      timeZone: null,
      language: null,
      positions: [],
      skills: [],
      education: [],
      department: null,
      employeeNumber: null,
      updatedAt: at,
      erasedAt: at,
    };
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
    this.recordWithRecord(EmployeeEmailChangedV1, {
      employeeId: this.state.id,
      email: normalised,
      previousEmail,
      changedAt: at.toISOString(),
    });
    return previousEmail;
  }

  /** The event a change implies, then the employee's record after it. */
  private recordWithRecord<TDefinition extends EventDefinition>(
    definition: TDefinition,
    data: EventData<TDefinition>,
  ): void {
    this.events.record(definition, { subject: this.state.id, data });
    this.recordRecord();
  }

  private recordRecord(): void {
    this.events.record(EmployeeRecordV1, { subject: this.state.id, data: employeeRecordOf(this) });
  }
}
