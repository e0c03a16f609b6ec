import { RELATIONSHIPS, type RelationshipCounts } from './balance';
import type { CoverageEmployee } from './coverage';

/** A manager's whole part of the org chart: them and everyone below them, however deep. */
export interface TeamRollUp {
  managerId: string;
  managerName: string;
  /** The manager's own manager, when active: the team one level up, for drilling back. */
  parentManagerId: string | null;
  /** How many levels below the top of the org chart the manager is (0 at the top). */
  depth: number;
  /** The manager and every active employee below them. */
  size: number;
  /** The manager's direct reports who manage someone: the teams one level down. */
  subTeams: number;
  /** Accepted recommendations the members received, by relationship. */
  counts: RelationshipCounts;
  /** Members with no accepted recommendation at all. */
  withoutRecommendation: number;
}

/** One bar of the spread: how many people have this many accepted recommendations. */
export interface SpreadBucket {
  /** `0` … `4`, then `5+`. */
  recommendations: string;
  people: number;
}

export interface UncoveredEmployee {
  employeeId: string;
  name: string;
  managerId: string | null;
}

/** The unknown manager a drill-down named: not an active employee here. */
export class UnknownManagerError extends Error {
  override readonly name = 'UnknownManagerError';
}

const SPREAD_TOP = 5;

const none = (): RelationshipCounts => ({ supervisor: 0, coworker: 0, subordinate: 0 });

/**
 * The coverage of active employees rolled up through the org chart: every manager's team is their
 * whole subtree. Deactivated employees are not in it (the caller passes active ones only), so an
 * active employee whose manager is deactivated, or unknown here, starts a tree of their own. Identity
 * refuses cycles, but the replica may briefly hold one while events arrive: an employee met again on
 * the way up is treated as the top, so nobody is counted twice and nothing loops.
 */
export class OrgCoverage {
  private readonly byId: Map<string, CoverageEmployee>;
  private readonly reports = new Map<string, CoverageEmployee[]>();
  private readonly parentOf = new Map<string, string | null>();
  private readonly teams = new Map<string, TeamRollUp>();

  constructor(
    employees: readonly CoverageEmployee[],
    private readonly accepted: ReadonlyMap<string, RelationshipCounts>,
  ) {
    this.byId = new Map(employees.map((employee) => [employee.id, employee]));
    for (const employee of employees) this.parentOf.set(employee.id, this.acyclicManagerOf(employee));
    for (const employee of employees) {
      const managerId = this.parentOf.get(employee.id);
      if (managerId) this.reports.set(managerId, [...(this.reports.get(managerId) ?? []), employee]);
    }
    for (const root of employees.filter((employee) => this.parentOf.get(employee.id) === null))
      this.rollUp(root, 0);
  }

  /** The teams whose manager reports to `managerId`, or the top teams without one; neediest first. */
  teamsUnder(managerId: string | null): TeamRollUp[] {
    const leaders =
      managerId === null
        ? [...this.byId.values()].filter((employee) => this.parentOf.get(employee.id) === null)
        : (this.reports.get(this.known(managerId)) ?? []);
    return leaders.flatMap((leader) => this.teamOf(leader.id) ?? []).sort(neediestFirst);
  }

  /** The manager's own team, or null for someone who manages nobody. */
  teamOf(managerId: string): TeamRollUp | null {
    const team = this.teams.get(this.known(managerId));
    return team && team.size > 1 ? team : null;
  }

  /** Every team in the scope (the manager's subtree, or the company), from the top down. */
  allTeams(managerId: string | null): TeamRollUp[] {
    return this.membersOf(managerId).flatMap((member) => this.teamOf(member.id) ?? []);
  }

  /** The scope's members with no accepted recommendation, by name. */
  withoutRecommendation(managerId: string | null): UncoveredEmployee[] {
    return this.membersOf(managerId)
      .filter((member) => this.total(member.id) === 0)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
      .map((member) => ({
        employeeId: member.id,
        name: member.name,
        managerId: this.parentOf.get(member.id) ?? null,
      }));
  }

  /** How many of the scope's members have 0, 1, 2, 3, 4 and 5 or more accepted recommendations. */
  spread(managerId: string | null): SpreadBucket[] {
    const people = new Array<number>(SPREAD_TOP + 1).fill(0);
    for (const member of this.membersOf(managerId)) people[Math.min(this.total(member.id), SPREAD_TOP)]++;
    return people.map((count, index) => ({
      recommendations: index === SPREAD_TOP ? `${SPREAD_TOP}+` : String(index),
      people: count,
    }));
  }

  /** The manager and everyone below them, depth first; the whole company without a manager. */
  private membersOf(managerId: string | null): CoverageEmployee[] {
    const roots =
      managerId === null
        ? [...this.byId.values()].filter((employee) => this.parentOf.get(employee.id) === null)
        : [this.byId.get(this.known(managerId)) as CoverageEmployee];
    const members: CoverageEmployee[] = [];
    const visit = (employee: CoverageEmployee) => {
      members.push(employee);
      for (const report of this.reports.get(employee.id) ?? []) visit(report);
    };
    roots.forEach(visit);
    return members;
  }

  private known(managerId: string): string {
    if (!this.byId.has(managerId)) throw new UnknownManagerError(`no active employee ${managerId}`);
    return managerId;
  }

  /** The employee's manager, unless inactive, unknown, or part of a cycle through the employee. */
  private acyclicManagerOf(employee: CoverageEmployee): string | null {
    const seen = new Set<string>();
    for (let current = employee.managerId; current && this.byId.has(current);) {
      if (current === employee.id) return null;
      // A cycle above the employee, not through them: theirs is the top of it.
      if (seen.has(current)) break;
      seen.add(current);
      current = this.byId.get(current)?.managerId ?? null;
    }
    return employee.managerId && this.byId.has(employee.managerId) ? employee.managerId : null;
  }

  private rollUp(manager: CoverageEmployee, depth: number): TeamRollUp {
    const own = this.accepted.get(manager.id);
    const team: TeamRollUp = {
      managerId: manager.id,
      managerName: manager.name,
      parentManagerId: this.parentOf.get(manager.id) ?? null,
      depth,
      size: 1,
      subTeams: 0,
      counts: own ? { ...own } : none(),
      withoutRecommendation: this.total(manager.id) === 0 ? 1 : 0,
    };
    for (const report of this.reports.get(manager.id) ?? []) {
      const below = this.rollUp(report, depth + 1);
      team.size += below.size;
      team.withoutRecommendation += below.withoutRecommendation;
      for (const relationship of RELATIONSHIPS) team.counts[relationship] += below.counts[relationship];
      if (below.size > 1) team.subTeams++;
    }
    this.teams.set(manager.id, team);
    return team;
  }

  private total(id: string): number {
    const counts = this.accepted.get(id);
    return counts ? RELATIONSHIPS.reduce((sum, relationship) => sum + counts[relationship], 0) : 0;
  }
}

function neediestFirst(a: TeamRollUp, b: TeamRollUp): number {
  return (
    b.withoutRecommendation / b.size - a.withoutRecommendation / a.size ||
    a.managerName.localeCompare(b.managerName) ||
    a.managerId.localeCompare(b.managerId)
  );
}
