import { OrgCoverage } from '../domain/org-coverage';
import type { RecommendationQueries } from '../infrastructure/recommendation.queries';

/** The company's active employees and their accepted recommendations, rolled up through the org chart. */
export async function loadOrgCoverage(queries: RecommendationQueries): Promise<OrgCoverage> {
  const [employees, accepted] = await Promise.all([queries.activeEmployees(), queries.acceptedCounts()]);
  return new OrgCoverage(employees, accepted);
}

/** `?page=&limit=` of a list computed in memory: the whole org chart is read to roll it up anyway. */
export interface NumberedPageRequest {
  page: number;
  limit: number;
}

export interface NumberedPage<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

export function numberedPage<T>(all: readonly T[], { page, limit }: NumberedPageRequest): NumberedPage<T> {
  return { items: all.slice((page - 1) * limit, page * limit), page, limit, total: all.length };
}
