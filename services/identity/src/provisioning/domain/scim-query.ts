import { parse as parseFilter } from 'scim2-parse-filter';
import { InvalidScimRequestError } from './scim.errors';

/** The one kind of filter the providers send to find a user: by userName or externalId. */
export interface UserFilter {
  attribute: 'userName' | 'externalId';
  value: string;
}

/** The largest page: what ServiceProviderConfig announces as filter.maxResults. */
export const MAX_RESULTS = 100;

/** `userName eq "…"` or `externalId eq "…"`; anything else is refused as invalidFilter. */
export function userFilterOf(filter: string | undefined): UserFilter | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  let parsed;
  try {
    parsed = parseFilter(filter);
  } catch {
    throw new InvalidScimRequestError('invalidFilter', `the filter ${filter} cannot be parsed`);
  }
  if (parsed.op === 'eq' && 'compValue' in parsed && typeof parsed.compValue === 'string') {
    const attribute = parsed.attrPath
      .toLowerCase()
      .replace(/^urn:ietf:params:scim:schemas:core:2\.0:user:/, '');
    if (attribute === 'username') return { attribute: 'userName', value: parsed.compValue };
    if (attribute === 'externalid') return { attribute: 'externalId', value: parsed.compValue };
  }
  throw new InvalidScimRequestError(
    'invalidFilter',
    'only userName eq "…" and externalId eq "…" filters are supported',
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
