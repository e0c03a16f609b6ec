import { isEmailAddress, normaliseEmail } from '../../employees/domain/email-address';
import { canonicalLanguageTag, isTimeZone, ProfileLimits } from '../../employees/domain/profile';
import { isSingleLineText } from '../../employees/domain/single-line-text';
import { InvalidScimRequestError } from './scim.errors';
import { isScimObject, ScimSchemas, valueOf, type ScimObject } from './scim-schemas';

/** What SCIM keeps of a user that the employee has no place for. */
export interface ScimOnlyAttributes {
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
  formattedName: string | null;
  employeeNumber: string | null;
  department: string | null;
  preferredLanguage: string | null;
  locale: string | null;
}

/**
 * A SCIM User as the provider asks for it. Title, time zone and manager are the employee's own
 * too: absent leaves them as they are (an Okta PUT may not carry them), null clears them.
 */
export interface ScimUserAttributes extends ScimOnlyAttributes {
  /** The work email, normalised: the employee's email. */
  userName: string;
  /** The employee's name in Vouch. */
  name: string;
  active: boolean;
  title?: string | null;
  timeZone?: string | null;
  managerId?: string | null;
}

/** A SCIM user as stored: the employee it is plus what SCIM alone knows. */
export interface ScimLink extends ScimOnlyAttributes {
  employeeId: string;
  provisionedAt: Date;
  updatedAt: Date;
  /** When the provider deleted it: gone for SCIM, the employee stays deactivated. */
  deletedAt: Date | null;
}

/** What the resource shows of the employee. */
export interface EmployeeFacts {
  id: string;
  email: string;
  name: string;
  title: string | null;
  timeZone: string | null;
  managerId: string | null;
  active: boolean;
  registeredAt: Date;
  updatedAt: Date;
}

const TEXT_LIMIT = 1000;

function text(value: unknown, attribute: string, limit = TEXT_LIMIT): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null) return null;
  if (typeof value !== 'string')
    throw new InvalidScimRequestError('invalidValue', `${attribute} must be a string`);
  const trimmed = value.trim();
  if (trimmed.length > limit)
    throw new InvalidScimRequestError('invalidValue', `${attribute} is longer than ${limit} characters`);
  if (!isSingleLineText(trimmed))
    throw new InvalidScimRequestError(
      'invalidValue',
      `${attribute} must be one line without control characters`,
    );
  return trimmed === '' ? null : trimmed;
}

/** Entra ID sends booleans as "True" and "False" in PATCH: both spellings mean the boolean. */
export function scimBoolean(value: unknown, attribute: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw new InvalidScimRequestError('invalidValue', `${attribute} must be a boolean`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SCIM ids are Vouch employee ids: anything else names no user. */
export function isScimId(id: string): boolean {
  return UUID.test(id);
}

/** A manager is `{ "value": id }`, or the id alone as Entra ID's PATCH sends it. */
function managerIdOf(manager: unknown): string | null | undefined {
  const id = isScimObject(manager) ? valueOf(manager, 'value') : manager;
  if (isScimObject(manager) && id === undefined) return null;
  const managerId = text(id, 'manager.value');
  if (managerId && !isScimId(managerId))
    throw new InvalidScimRequestError('invalidValue', `manager ${managerId} is no SCIM user id`);
  return managerId;
}

function objectOf(value: unknown, attribute: string): ScimObject {
  if (value === undefined || value === null) return {};
  if (!isScimObject(value))
    throw new InvalidScimRequestError('invalidValue', `${attribute} must be an object`);
  return value;
}

/**
 * A SCIM User resource as POST, PUT or the result of a PATCH gives it. Read-only attributes (id,
 * meta, emails, which follow userName) and ones Vouch has no use for (password, roles) are ignored,
 * never refused: the providers send them.
 */
export function scimUserFrom(resource: unknown): ScimUserAttributes {
  if (!isScimObject(resource))
    throw new InvalidScimRequestError('invalidSyntax', 'the request body must be a SCIM User object');
  const userName = text(valueOf(resource, 'userName'), 'userName');
  if (!userName || !isEmailAddress(normaliseEmail(userName)))
    throw new InvalidScimRequestError('invalidValue', 'userName is required and must be the work email');
  const name = objectOf(valueOf(resource, 'name'), 'name');
  const givenName = text(valueOf(name, 'givenName'), 'name.givenName') ?? null;
  const familyName = text(valueOf(name, 'familyName'), 'name.familyName') ?? null;
  const formattedName = text(valueOf(name, 'formatted'), 'name.formatted') ?? null;
  const displayName = text(valueOf(resource, 'displayName'), 'displayName', ProfileLimits.name);
  const enterprise = objectOf(valueOf(resource, ScimSchemas.enterpriseUser), ScimSchemas.enterpriseUser);
  const timeZone = text(valueOf(resource, 'timezone'), 'timezone', ProfileLimits.timeZone);
  if (timeZone && !isTimeZone(timeZone))
    throw new InvalidScimRequestError('invalidValue', `timezone ${timeZone} is no IANA time zone`);
  const vouchName =
    displayName ?? formattedName ?? ([givenName, familyName].filter(Boolean).join(' ') || userName);
  return {
    userName: normaliseEmail(userName),
    name: vouchName.slice(0, ProfileLimits.name),
    active: scimBoolean(valueOf(resource, 'active'), 'active') ?? true,
    title: text(valueOf(resource, 'title'), 'title', ProfileLimits.title),
    timeZone,
    managerId: managerIdOf(valueOf(enterprise, 'manager')),
    externalId: text(valueOf(resource, 'externalId'), 'externalId') ?? null,
    givenName,
    familyName,
    formattedName,
    employeeNumber: text(valueOf(enterprise, 'employeeNumber'), 'employeeNumber') ?? null,
    department: text(valueOf(enterprise, 'department'), 'department') ?? null,
    preferredLanguage: text(valueOf(resource, 'preferredLanguage'), 'preferredLanguage') ?? null,
    locale: text(valueOf(resource, 'locale'), 'locale') ?? null,
  };
}

/** The parts of `object` that have a value: SCIM leaves unassigned attributes out. */
function assigned(object: Record<string, unknown>): ScimObject {
  return Object.fromEntries(
    Object.entries(object).filter(([, value]) => value !== null && value !== undefined),
  );
}

/** The SCIM User resource of a provisioned employee; `location` is its absolute URL. */
export function scimResourceOf(employee: EmployeeFacts, link: ScimLink, location: string): ScimObject {
  const name = assigned({
    givenName: link.givenName,
    familyName: link.familyName,
    formatted: link.formattedName,
  });
  const enterprise = assigned({
    employeeNumber: link.employeeNumber,
    department: link.department,
    manager: employee.managerId === null ? null : { value: employee.managerId },
  });
  const lastModified = employee.updatedAt > link.updatedAt ? employee.updatedAt : link.updatedAt;
  return assigned({
    schemas: [ScimSchemas.user, ScimSchemas.enterpriseUser],
    id: employee.id,
    externalId: link.externalId,
    userName: employee.email,
    name: Object.keys(name).length > 0 ? name : null,
    displayName: employee.name,
    title: employee.title,
    emails: [{ value: employee.email, type: 'work', primary: true }],
    active: employee.active,
    preferredLanguage: link.preferredLanguage,
    locale: link.locale,
    timezone: employee.timeZone,
    [ScimSchemas.enterpriseUser]: Object.keys(enterprise).length > 0 ? enterprise : null,
    meta: {
      resourceType: 'User',
      created: employee.registeredAt.toISOString(),
      lastModified: lastModified.toISOString(),
      location,
    },
  });
}

/**
 * The language the user reads emails in, from `preferredLanguage`, else `locale`; none when neither
 * is a language tag. A provider's odd locale must not refuse the whole user.
 */
export function languageOf(
  attributes: Pick<ScimOnlyAttributes, 'preferredLanguage' | 'locale'>,
): string | null {
  for (const candidate of [attributes.preferredLanguage, attributes.locale]) {
    if (candidate === null) continue;
    try {
      return canonicalLanguageTag(candidate);
    } catch {
      // Not a language tag: try the next one.
    }
  }
  return null;
}
