import { filter as matcherOf, parse as parseFilter } from 'scim2-parse-filter';
import { patchOperationsOf, type PatchOperation } from './scim-patch';
import { InvalidScimRequestError } from './scim.errors';
import { isScimId } from './scim-user';
import { isScimObject, ScimSchemas, valueOf, type ScimObject } from './scim-schemas';

const DISPLAY_NAME_LIMIT = 256;
const EXTERNAL_ID_LIMIT = 1000;

/** A group as the provider sees it: its name, the provider's own id for it, its members. */
export interface ScimGroupState {
  displayName: string;
  externalId: string | null;
  /** Employee ids, each once. */
  memberIds: string[];
}

/**
 * A SCIM Group as POST or PUT gives it. Members absent leave them as they are, as absent
 * attributes do for Users; an empty list removes everyone.
 */
export interface ScimGroupAttributes {
  displayName: string;
  externalId: string | null;
  memberIds?: string[];
}

/** A group as stored, without its members. */
export interface ScimGroupRecord {
  id: string;
  displayName: string;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A member as the resource shows them: the employee and the name Vouch knows them by. */
export interface ScimGroupMember {
  employeeId: string;
  name: string;
}

function displayNameOf(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (name === '') throw new InvalidScimRequestError('invalidValue', 'displayName is required');
  if (name.length > DISPLAY_NAME_LIMIT)
    throw new InvalidScimRequestError(
      'invalidValue',
      `displayName is longer than ${DISPLAY_NAME_LIMIT} characters`,
    );
  return name;
}

function externalIdOf(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string')
    throw new InvalidScimRequestError('invalidValue', 'externalId must be a string');
  const externalId = value.trim();
  if (externalId.length > EXTERNAL_ID_LIMIT)
    throw new InvalidScimRequestError(
      'invalidValue',
      `externalId is longer than ${EXTERNAL_ID_LIMIT} characters`,
    );
  return externalId === '' ? null : externalId;
}

/** `[{ "value": id }, …]`, each id a SCIM User id; one member alone is taken as a list of one. */
function memberIdsOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  const members: unknown[] = Array.isArray(value) ? value : [value];
  const ids = members.map((member) => {
    if (!isScimObject(member))
      throw new InvalidScimRequestError('invalidValue', 'a member must be an object with a value');
    const type = valueOf(member, 'type');
    if (typeof type === 'string' && type.toLowerCase() !== 'user')
      throw new InvalidScimRequestError(
        'invalidValue',
        `members must be users, not ${type}: groups do not nest`,
      );
    const id = valueOf(member, 'value');
    if (typeof id !== 'string' || !isScimId(id))
      throw new InvalidScimRequestError('invalidValue', `member ${String(id)} is no SCIM user id`);
    return id.toLowerCase();
  });
  return [...new Set(ids)];
}

/** A SCIM Group resource as POST or PUT gives it; read-only attributes (id, meta) are ignored. */
export function scimGroupFrom(resource: unknown): ScimGroupAttributes {
  if (!isScimObject(resource))
    throw new InvalidScimRequestError('invalidSyntax', 'the request body must be a SCIM Group object');
  const members = valueOf(resource, 'members');
  return {
    displayName: displayNameOf(valueOf(resource, 'displayName')),
    externalId: externalIdOf(valueOf(resource, 'externalId')),
    ...(members === undefined ? {} : { memberIds: memberIdsOf(members) }),
  };
}

function memberMatcher(valueFilter: string): (employeeId: string) => boolean {
  try {
    const test = matcherOf(parseFilter(valueFilter));
    return (employeeId) => test({ value: employeeId });
  } catch {
    throw new InvalidScimRequestError('invalidFilter', `the value filter [${valueFilter}] cannot be parsed`);
  }
}

function membersAfter(current: string[], operation: PatchOperation, value: unknown): string[] {
  if (operation.op === 'replace') return memberIdsOf(value);
  if (operation.op === 'add') return [...new Set([...current, ...memberIdsOf(value)])];
  // RFC 7644 §3.5.2.2: remove without a value removes every member.
  if (value === undefined || value === null) return [];
  const removed = new Set(memberIdsOf(value));
  return current.filter((id) => !removed.has(id));
}

const MEMBERS_WITH_FILTER = /^members\[(.+)\]$/i;

function applyToAttribute(
  group: ScimGroupState,
  operation: PatchOperation,
  path: string,
  value: unknown,
): ScimGroupState {
  const corePrefix = `${ScimSchemas.group}:`;
  const attribute = path.toLowerCase().startsWith(corePrefix.toLowerCase())
    ? path.slice(corePrefix.length)
    : path;
  const filtered = MEMBERS_WITH_FILTER.exec(attribute);
  if (filtered?.[1] !== undefined) {
    if (operation.op !== 'remove')
      throw new InvalidScimRequestError('invalidPath', `only remove takes a filter on members: ${path}`);
    const matches = memberMatcher(filtered[1]);
    return { ...group, memberIds: group.memberIds.filter((id) => !matches(id)) };
  }
  switch (attribute.toLowerCase()) {
    case 'displayname':
      if (operation.op === 'remove')
        throw new InvalidScimRequestError('invalidValue', 'displayName is required and cannot be removed');
      return { ...group, displayName: displayNameOf(value) };
    case 'externalid':
      return { ...group, externalId: operation.op === 'remove' ? null : externalIdOf(value) };
    case 'members':
      return { ...group, memberIds: membersAfter(group.memberIds, operation, value) };
    // Okta's rename names the group's id alongside its new displayName.
    case 'id':
    case 'schemas':
    case 'meta':
      return group;
    default:
      throw new InvalidScimRequestError('invalidPath', `${path} is no Group attribute Vouch keeps`);
  }
}

/**
 * A group after a PatchOp request's operations, in order: members added and removed by value
 * list or removed by a filter path (`members[value eq "…"]`), displayName replaced with or
 * without a path.
 */
export function applyGroupPatch(group: ScimGroupState, request: unknown): ScimGroupState {
  let patched = { ...group, memberIds: [...group.memberIds] };
  for (const operation of patchOperationsOf(request)) {
    if (operation.path !== undefined) {
      patched = applyToAttribute(patched, operation, operation.path, operation.value);
      continue;
    }
    if (operation.op === 'remove') throw new InvalidScimRequestError('noTarget', 'remove needs a path');
    if (!isScimObject(operation.value))
      throw new InvalidScimRequestError(
        'invalidValue',
        `${operation.op} without a path needs an object value`,
      );
    for (const [attribute, value] of Object.entries(operation.value))
      patched = applyToAttribute(patched, operation, attribute, value);
  }
  return patched;
}

/**
 * The SCIM Group resource; `members` undefined leaves them out, as `excludedAttributes=members`
 * asks. `base` is the absolute URL of /scim/v2.
 */
export function scimGroupResourceOf(
  group: ScimGroupRecord,
  members: ScimGroupMember[] | undefined,
  base: string,
): ScimObject {
  return {
    schemas: [ScimSchemas.group],
    id: group.id,
    ...(group.externalId === null ? {} : { externalId: group.externalId }),
    displayName: group.displayName,
    ...(members === undefined
      ? {}
      : {
          members: members.map((member) => ({
            value: member.employeeId,
            $ref: `${base}/Users/${member.employeeId}`,
            display: member.name,
            type: 'User',
          })),
        }),
    meta: {
      resourceType: 'Group',
      created: group.createdAt.toISOString(),
      lastModified: group.updatedAt.toISOString(),
      location: `${base}/Groups/${group.id}`,
    },
  };
}
