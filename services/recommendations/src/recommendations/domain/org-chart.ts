import type { ManagerSource, Relationship } from '@vouch/contracts';

/** What the replica knows of an employee's place in the org chart. */
export interface OrgChartEntry {
  id: string;
  managerId: string | null;
}

/** An entry with who set its manager link; null: self-declared or unknown, so it verifies nothing. */
export interface SourcedOrgChartEntry extends OrgChartEntry {
  managerSource: ManagerSource | null;
}

/**
 * The relationship the org chart says `author` has to `subject`, if any: their manager
 * (`supervisor`), one of their reports (`subordinate`), or someone with the same manager
 * (`coworker`); with the manager links that say so.
 */
function orgChartRelation<T extends OrgChartEntry>(
  author: T,
  subject: T,
): { relationship: Relationship; links: T[] } | null {
  if (author.id === subject.id) return null;
  if (subject.managerId === author.id) return { relationship: 'supervisor', links: [subject] };
  if (author.managerId === subject.id) return { relationship: 'subordinate', links: [author] };
  if (author.managerId !== null && author.managerId === subject.managerId)
    return { relationship: 'coworker', links: [author, subject] };
  return null;
}

export function orgChartRelationship(author: OrgChartEntry, subject: OrgChartEntry): Relationship | null {
  return orgChartRelation(author, subject)?.relationship ?? null;
}

/**
 * Who verified a stated relationship: the sources of the manager links that say the same at the
 * time of writing (one for a supervisor or a subordinate, two for co-workers), distinct and sorted.
 * Empty when the org chart says otherwise or a link has no source the company stands behind.
 */
export function verificationOf(
  stated: Relationship,
  author: SourcedOrgChartEntry,
  subject: SourcedOrgChartEntry,
): ManagerSource[] {
  const relation = orgChartRelation(author, subject);
  if (relation?.relationship !== stated) return [];
  const sources = relation.links.map((link) => link.managerSource);
  if (sources.some((source) => source === null)) return [];
  return [...new Set(sources as ManagerSource[])].sort();
}
