import type { Relationship } from '@vouch/contracts';

/** What the replica knows of an employee's place in the org chart. */
export interface OrgChartEntry {
  id: string;
  managerId: string | null;
}

/**
 * The relationship the org chart says `author` has to `subject`, if any: their manager
 * (`supervisor`), one of their reports (`subordinate`), or someone with the same manager
 * (`coworker`).
 */
export function orgChartRelationship(author: OrgChartEntry, subject: OrgChartEntry): Relationship | null {
  if (author.id === subject.id) return null;
  if (subject.managerId === author.id) return 'supervisor';
  if (author.managerId === subject.id) return 'subordinate';
  if (author.managerId !== null && author.managerId === subject.managerId) return 'coworker';
  return null;
}

/** A stated relationship is verified when the org chart says the same at the time of writing. */
export function isVerified(stated: Relationship, author: OrgChartEntry, subject: OrgChartEntry): boolean {
  return orgChartRelationship(author, subject) === stated;
}
