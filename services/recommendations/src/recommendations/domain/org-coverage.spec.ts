import type { RelationshipCounts } from './balance';
import { OrgCoverage, UnknownManagerError } from './org-coverage';

const received = (supervisor: number, coworker: number, subordinate: number): RelationshipCounts => ({
  supervisor,
  coworker,
  subordinate,
});

describe('coverage rolled up through the org chart', () => {
  // Mia manages Ana and Ben; Ana manages Cy; Cy manages Dee; Dee manages Eve. Lou is on her own.
  const employees = [
    { id: 'mia', name: 'Mia', managerId: null },
    { id: 'ana', name: 'Ana', managerId: 'mia' },
    { id: 'ben', name: 'Ben', managerId: 'mia' },
    { id: 'cy', name: 'Cy', managerId: 'ana' },
    { id: 'dee', name: 'Dee', managerId: 'cy' },
    { id: 'eve', name: 'Eve', managerId: 'dee' },
    { id: 'lou', name: 'Lou', managerId: null },
  ];
  const accepted = new Map([
    ['ana', received(1, 2, 0)],
    ['eve', received(0, 0, 3)],
    ['ben', received(1, 1, 1)],
    ['dee', received(4, 1, 0)],
  ]);

  it("counts a manager's whole subtree in their team, however deep", () => {
    const coverage = new OrgCoverage(employees, accepted);

    expect(coverage.teamOf('mia')).toEqual({
      managerId: 'mia',
      managerName: 'Mia',
      parentManagerId: null,
      depth: 0,
      size: 6,
      subTeams: 1,
      counts: { supervisor: 6, coworker: 4, subordinate: 4 },
      withoutRecommendation: 2,
    });
    expect(coverage.teamOf('cy')).toMatchObject({
      parentManagerId: 'ana',
      depth: 2,
      size: 3,
      counts: { supervisor: 4, coworker: 1, subordinate: 3 },
      withoutRecommendation: 1,
    });
    expect(coverage.teamOf('eve')).toBeNull();
  });

  it('lists the top teams of the company, then the teams one level below a manager to drill down', () => {
    const coverage = new OrgCoverage(employees, accepted);

    expect(coverage.teamsUnder(null).map((team) => team.managerId)).toEqual(['mia']);
    expect(coverage.teamsUnder('mia').map((team) => team.managerId)).toEqual(['ana']);
    expect(coverage.teamsUnder('ana').map((team) => team.managerId)).toEqual(['cy']);
    expect(coverage.allTeams('ana').map((team) => team.managerId)).toEqual(['ana', 'cy', 'dee']);
  });

  it('says who has no accepted recommendation in a scope, by name', () => {
    const coverage = new OrgCoverage(employees, accepted);

    expect(coverage.withoutRecommendation(null).map((employee) => employee.employeeId)).toEqual([
      'cy',
      'lou',
      'mia',
    ]);
    expect(coverage.withoutRecommendation('ana')).toEqual([
      { employeeId: 'cy', name: 'Cy', managerId: 'ana' },
    ]);
  });

  it('spreads people by how many accepted recommendations they have, 5 and more together', () => {
    const coverage = new OrgCoverage(employees, accepted);

    expect(coverage.spread(null)).toEqual([
      { recommendations: '0', people: 3 },
      { recommendations: '1', people: 0 },
      { recommendations: '2', people: 0 },
      { recommendations: '3', people: 3 },
      { recommendations: '4', people: 0 },
      { recommendations: '5+', people: 1 },
    ]);
    expect(coverage.spread('dee').map((bucket) => bucket.people)).toEqual([0, 0, 0, 1, 0, 1]);
  });

  it('leaves deactivated people out: the reports of a deactivated manager start a tree of their own', () => {
    // Ana was deactivated: the caller passes active employees only.
    const coverage = new OrgCoverage(
      employees.filter((employee) => employee.id !== 'ana'),
      accepted,
    );

    expect(coverage.teamOf('mia')).toMatchObject({
      size: 2,
      counts: { supervisor: 1, coworker: 1, subordinate: 1 },
    });
    expect(coverage.teamsUnder(null).map((team) => team.managerId)).toEqual(['mia', 'cy']);
    expect(() => coverage.teamOf('ana')).toThrow(UnknownManagerError);
  });

  it('counts nobody twice and never loops when the org chart it was handed has a cycle', () => {
    const cycle = [
      { id: 'a', name: 'A', managerId: 'b' },
      { id: 'b', name: 'B', managerId: 'a' },
      { id: 'c', name: 'C', managerId: 'a' },
    ];

    const coverage = new OrgCoverage(cycle, new Map());

    expect(coverage.spread(null)[0]).toEqual({ recommendations: '0', people: 3 });
    expect(coverage.withoutRecommendation(null).map((employee) => employee.employeeId)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(coverage.teamOf('a')).toMatchObject({ parentManagerId: null, size: 2 });
    expect(coverage.teamOf('b')).toBeNull();
  });
});
