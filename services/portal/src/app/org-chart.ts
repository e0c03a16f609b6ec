import type { Relationship } from './api';

/** Someone's place in the org chart, as identity's employee answers give it. */
export interface OrgChartPlace {
  id: string;
  managerId: string | null;
}

/**
 * What `who` was to `to` as far as the org chart knows: their manager (`supervisor`), someone who
 * reports to them (`subordinate`), or undefined when it links neither to the other.
 */
export function relationshipInOrgChart(who: OrgChartPlace, to: OrgChartPlace): Relationship | undefined {
  if (to.managerId === who.id) return 'supervisor';
  if (who.managerId === to.id) return 'subordinate';
  return undefined;
}
