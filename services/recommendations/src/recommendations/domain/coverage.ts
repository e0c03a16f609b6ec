import { RELATIONSHIPS, type RelationshipCounts } from './balance';

export interface CoverageEmployee {
  id: string;
  name: string;
  managerId: string | null;
}

export interface TeamCoverage {
  managerId: string;
  managerName: string;
  /** The manager and their reports. */
  size: number;
  /** Accepted recommendations the team's members received, by relationship. */
  counts: RelationshipCounts;
  /** Relationships no member of the team has an accepted recommendation in. */
  missing: string[];
  /** Members with no accepted recommendation at all. */
  withoutRecommendation: number;
}

export interface Coverage {
  withoutRecommendation: Array<{ employeeId: string; name: string }>;
  teams: TeamCoverage[];
}

const none = (): RelationshipCounts => ({ supervisor: 0, coworker: 0, subordinate: 0 });

/**
 * Where the recommendation loop is not working: active employees with no accepted recommendation,
 * and for each team (a manager and their active reports) the mix of relationships its members
 * received. Teams with the fewest covered members come first.
 */
export function computeCoverage(
  employees: CoverageEmployee[],
  accepted: ReadonlyMap<string, RelationshipCounts>,
): Coverage {
  const total = (id: string) => {
    const counts = accepted.get(id);
    return counts ? RELATIONSHIPS.reduce((sum, relationship) => sum + counts[relationship], 0) : 0;
  };
  const byId = new Map(employees.map((employee) => [employee.id, employee]));
  const reports = new Map<string, CoverageEmployee[]>();
  for (const employee of employees) {
    if (employee.managerId && byId.has(employee.managerId))
      reports.set(employee.managerId, [...(reports.get(employee.managerId) ?? []), employee]);
  }

  const teams = [...reports.entries()].map(([managerId, members]): TeamCoverage => {
    const team = [managerId, ...members.map((member) => member.id)];
    const counts = none();
    for (const id of team) {
      const received = accepted.get(id);
      if (received) for (const relationship of RELATIONSHIPS) counts[relationship] += received[relationship];
    }
    return {
      managerId,
      managerName: byId.get(managerId)?.name ?? '',
      size: team.length,
      counts,
      missing: RELATIONSHIPS.filter((relationship) => counts[relationship] === 0),
      withoutRecommendation: team.filter((id) => total(id) === 0).length,
    };
  });

  return {
    withoutRecommendation: employees
      .filter((employee) => total(employee.id) === 0)
      .map((employee) => ({ employeeId: employee.id, name: employee.name })),
    teams: teams.sort(
      (a, b) =>
        b.withoutRecommendation / b.size - a.withoutRecommendation / a.size ||
        a.managerName.localeCompare(b.managerName),
    ),
  };
}
