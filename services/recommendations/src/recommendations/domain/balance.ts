import type { Relationship } from '@vouch/contracts';
import { orgChartRelationship, type OrgChartEntry } from './org-chart';

export const RELATIONSHIPS: readonly Relationship[] = ['supervisor', 'coworker', 'subordinate'];

export type RelationshipCounts = Record<Relationship, number>;

export interface BalanceSuggestion {
  employeeId: string;
  relationship: Relationship;
  reason: string;
}

export interface Balance {
  counts: RelationshipCounts;
  /** Relationships with no accepted recommendation. */
  missing: Relationship[];
  /** Relationships with some, but fewer than half as many as the best-covered one. */
  thin: Relationship[];
  suggestions: BalanceSuggestion[];
}

const ROLE: Record<Relationship, string> = {
  supervisor: 'your manager',
  subordinate: 'reports to you',
  coworker: 'shares your manager',
};

const LABEL: Record<Relationship, string> = {
  supervisor: 'supervisor',
  coworker: 'co-worker',
  subordinate: 'subordinate',
};

/**
 * Whom to ask so that a profile has recommendations from above, beside and below. Counts accepted
 * recommendations only. Suggests connections whose place in the org chart fills a missing or thin
 * relationship, leaving out those already asked (a pending request) and those who already
 * recommended the employee; missing relationships first, then thin ones.
 */
export function computeBalance(input: {
  me: OrgChartEntry;
  counts: RelationshipCounts;
  /** My connections, active ones only, with their place in the org chart. */
  connections: OrgChartEntry[];
  /** Connections I have a pending request to. */
  askedIds: ReadonlySet<string>;
  /** Employees who wrote me a recommendation that is not withdrawn. */
  recommenderIds: ReadonlySet<string>;
}): Balance {
  const { counts } = input;
  const best = Math.max(...RELATIONSHIPS.map((relationship) => counts[relationship]));
  const missing = RELATIONSHIPS.filter((relationship) => counts[relationship] === 0);
  const thin = RELATIONSHIPS.filter(
    (relationship) => counts[relationship] > 0 && counts[relationship] * 2 < best,
  );
  const wanted = [...missing, ...thin];

  const suggestions = input.connections
    .filter((connection) => !input.askedIds.has(connection.id) && !input.recommenderIds.has(connection.id))
    .flatMap((connection) => {
      const relationship = orgChartRelationship(connection, input.me);
      if (!relationship || !wanted.includes(relationship)) return [];
      const count = counts[relationship];
      const reason =
        count === 0
          ? `${ROLE[relationship]}; no ${LABEL[relationship]} recommendation yet`
          : `${ROLE[relationship]}; only ${count} ${LABEL[relationship]} recommendation${count === 1 ? '' : 's'}`;
      return [{ employeeId: connection.id, relationship, reason }];
    })
    .sort(
      (a, b) =>
        wanted.indexOf(a.relationship) - wanted.indexOf(b.relationship) ||
        a.employeeId.localeCompare(b.employeeId),
    );

  return { counts, missing, thin, suggestions };
}
