import { parse as parseFilter } from 'scim2-parse-filter';
import { InvalidScimRequestError } from './scim.errors';
import { ScimSchemas } from './scim-schemas';

/** The one kind of filter the providers send to find a user: by userName or externalId. */
export interface UserFilter {
  attribute: 'userName' | 'externalId';
  value: string;
}

/** The largest page: what ServiceProviderConfig announces as filter.maxResults. */
export const MAX_RESULTS = 100;

/** `<attribute> eq "…"` for one of `attributes`, the attribute named in any case, with or without its schema. */
function eqFilterOf<Attribute extends string>(
  filter: string | undefined,
  attributes: readonly Attribute[],
  schema: string,
): { attribute: Attribute; value: string } | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  let parsed;
  try {
    parsed = parseFilter(filter);
  } catch {
    throw new InvalidScimRequestError('invalidFilter', `the filter ${filter} cannot be parsed`);
  }
  if (parsed.op === 'eq' && 'compValue' in parsed && typeof parsed.compValue === 'string') {
    const path = parsed.attrPath.toLowerCase();
    const schemaPrefix = `${schema.toLowerCase()}:`;
    const named = path.startsWith(schemaPrefix) ? path.slice(schemaPrefix.length) : path;
    const attribute = attributes.find((candidate) => candidate.toLowerCase() === named);
    if (attribute !== undefined) return { attribute, value: parsed.compValue };
  }
  throw new InvalidScimRequestError(
    'invalidFilter',
    `only ${attributes.map((attribute) => `${attribute} eq "…"`).join(' and ')} filters are supported`,
  );
}

/** `userName eq "…"` or `externalId eq "…"`; anything else is refused as invalidFilter. */
export function userFilterOf(filter: string | undefined): UserFilter | undefined {
  return eqFilterOf(filter, ['userName', 'externalId'] as const, ScimSchemas.user);
}

/** The one kind of filter the providers send to find a group: by displayName or externalId. */
export interface GroupFilter {
  attribute: 'displayName' | 'externalId';
  value: string;
}

/** `displayName eq "…"` or `externalId eq "…"`; anything else is refused as invalidFilter. */
export function groupFilterOf(filter: string | undefined): GroupFilter | undefined {
  return eqFilterOf(filter, ['displayName', 'externalId'] as const, ScimSchemas.group);
}

/** `excludedAttributes=members,meta` (RFC 7644 §3.4.2.5) as lower-cased attribute names. */
export function excludedAttributesOf(excludedAttributes: string | undefined): Set<string> {
  return new Set(
    (excludedAttributes ?? '')
      .split(',')
      .map((attribute) => attribute.trim().toLowerCase())
      .filter((attribute) => attribute !== ''),
  );
}

export interface Page {
  /** 1-based, as SCIM counts. */
  startIndex: number;
  count: number;
}

/** RFC 7644 §3.4.2.4: a startIndex below 1 means 1, a negative count means 0. */
export function pageOf(startIndex: string | undefined, count: string | undefined): Page {
  const start = Number.parseInt(startIndex ?? '', 10);
  const size = Number.parseInt(count ?? '', 10);
  return {
    startIndex: Number.isFinite(start) && start >= 1 ? start : 1,
    count: Number.isFinite(size) ? Math.min(Math.max(size, 0), MAX_RESULTS) : MAX_RESULTS,
  };
}
