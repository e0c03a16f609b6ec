import type { ManagerSource } from '@vouch/contracts';
import { canonical, type EmployeeState } from '../../employees/domain/employee';
import type { GrantableRole, Role } from '../../employees/domain/roles';

/**
 * Who changed an employee. It is also the source: an admin or HR acts through the API, SCIM only
 * through /scim/v2, so one field tells both.
 */
export type Actor =
  | { type: 'admin'; id: string }
  // A member of HR who is not an admin (an admin acting is `admin`, whatever else they are).
  | { type: 'hr'; id: string }
  | { type: 'scim' }
  | { type: 'csv' }
  | { type: 'system' }
  // Single sign-on creating someone at their first sign-in (OIDC_JIT_PROVISIONING).
  | { type: 'sso' };

export const ACTOR_TYPES = ['admin', 'hr', 'scim', 'csv', 'system', 'sso'] as const satisfies ReadonlyArray<
  Actor['type']
>;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** An employee acting through the API: an admin or a member of HR, each named by their employee id. */
export type EmployeeActor = Extract<Actor, { id: string }>;

/**
 * The actor an employee is, from the roles their token carries, on an endpoint HR or admins may use:
 * an admin if they are one, else HR.
 */
export function actorOf(employee: { id: string; roles: readonly Role[] }): EmployeeActor {
  if (employee.roles.includes('admin')) return { type: 'admin', id: employee.id };
  if (employee.roles.includes('hr')) return { type: 'hr', id: employee.id };
  throw new Error(`employee ${employee.id} is neither an admin nor HR`);
}

/** An actor as a row stores it: its type, and the employee id of an admin or HR, else null. */
export function actorFromRow(type: ActorType, id: string | null, row: string): Actor {
  if (type !== 'admin' && type !== 'hr') return { type };
  // The tables' check constraints give every admin's and HR's row their id.
  if (id === null) throw new Error(`${row} names no ${type}`);
  return { type, id };
}

/** The employee id a row stores for the actor: an admin's or HR's; null for the others. */
export function actorIdOf(actor: Actor): string | null {
  return 'id' in actor ? actor.id : null;
}

export const SCIM_ACTOR: Actor = { type: 'scim' };
export const CSV_ACTOR: Actor = { type: 'csv' };
export const SSO_ACTOR: Actor = { type: 'sso' };

/**
 * The source of a manager link the actor sets; the system and single sign-on set none. HR set links
 * where admins do, by hand in Vouch: the source says where a link comes from (`admin`), the audit log
 * who set it.
 */
export function managerSourceOf(actor: Actor): ManagerSource {
  if (actor.type === 'system' || actor.type === 'sso') throw new Error(`${actor.type} sets no manager links`);
  return actor.type === 'hr' ? 'admin' : actor.type;
}

/**
 * The employee changing their own profile. The audit log is of what others do to people (the
 * issue's "SCIM, CSV or an admin"), so these changes are not recorded.
 */
export const SELF_SERVICE = 'self-service';

export type ChangedBy = Actor | typeof SELF_SERVICE;

export const AUDIT_ACTIONS = [
  'employee.created',
  'employee.adopted',
  'employee.profile_changed',
  'employee.email_changed',
  'employee.manager_changed',
  'employee.employment_details_changed',
  'employee.deactivated',
  'employee.reactivated',
  'employee.deleted_from_scim',
  'employee.admin_role_granted',
  'employee.admin_role_revoked',
  'employee.hr_role_granted',
  'employee.hr_role_revoked',
  'employee.erased',
  // Another service's action about a person, from its event: HR or an admin took down a recommendation.
  'recommendation.taken_down',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The action of a role given (by a group joined or a grant) or taken back. */
export function roleChangeAction(role: GrantableRole, granted: boolean): AuditAction {
  return granted ? `employee.${role}_role_granted` : `employee.${role}_role_revoked`;
}

/** Fields of an employee as the audit log shows them: JSON values, being active in place of a date. */
export type AuditedFields = Record<string, unknown>;

export interface AuditEntry {
  id: string;
  occurredAt: Date;
  actor: Actor;
  action: AuditAction;
  employeeId: string;
  /** Only the fields that changed, as they were; empty for an employee created. */
  before: AuditedFields;
  /** Only the fields that changed, as they became. */
  after: AuditedFields;
}

/** What an admin, or anyone who reads the log, may want to know of an employee. */
function auditedFieldsOf(state: Readonly<EmployeeState>): AuditedFields {
  const {
    id: _id,
    registeredAt: _registeredAt,
    updatedAt: _updatedAt,
    erasedAt: _erasedAt,
    deactivatedAt,
    ...fields
  } = state;
  return { ...fields, active: deactivatedAt === null };
}

/** The fields that differ between two states of an employee, before and after; `before` undefined: created. */
export function changeOf(
  before: Readonly<EmployeeState> | undefined,
  after: Readonly<EmployeeState>,
): { before: AuditedFields; after: AuditedFields } {
  const next = auditedFieldsOf(after);
  if (before === undefined) return { before: {}, after: next };
  const previous = auditedFieldsOf(before);
  const changed = Object.keys(next).filter((field) => canonical(previous[field]) !== canonical(next[field]));
  return {
    before: Object.fromEntries(changed.map((field) => [field, previous[field]])),
    after: Object.fromEntries(changed.map((field) => [field, next[field]])),
  };
}

/** What an erasure leaves in place of a personal value in the audit log. */
export const REDACTED = '[redacted]';

/**
 * The fields of an audit entry that say nothing about who the person is: links by id, being
 * active, the roles and groups that gave them, an erasure's id, a recommendation's and its
 * author's. Not `reason`: a takedown's is free text that may name people (an erasure's own
 * reason, a reference, is recorded after its redaction and never goes through it).
 */
const IMPERSONAL_FIELDS: ReadonlySet<string> = new Set([
  'managerId',
  'managerSource',
  'active',
  'adminGroup',
  'hrGroup',
  'adminGrant',
  'hrGrant',
  'erasureId',
  'recommendationId',
  'authorId',
]);

/**
 * An entry's fields with their personal values (name, email, title, profile, HR's details)
 * redacted, as an erasure leaves them: the log still shows which fields changed, and when, but no
 * longer what they were. An absent value (null) stays null.
 */
export function redactedFields(fields: AuditedFields): AuditedFields {
  return Object.fromEntries(
    Object.entries(fields).map(([field, value]) => [
      field,
      IMPERSONAL_FIELDS.has(field) || value === null ? value : REDACTED,
    ]),
  );
}
