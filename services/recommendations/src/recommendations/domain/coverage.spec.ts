import { computeCoverage } from './coverage';

describe('recommendation coverage of a company', () => {
  // Mia manages Ana and Ben; Ana manages Cy.
  const employees = [
    { id: 'mia', name: 'Mia', managerId: null },
    { id: 'ana', name: 'Ana', managerId: 'mia' },
    { id: 'ben', name: 'Ben', managerId: 'mia' },
    { id: 'cy', name: 'Cy', managerId: 'ana' },
  ];

  it('lists the employees with no accepted recommendation', () => {
    const coverage = computeCoverage(
      employees,
      new Map([['ana', { supervisor: 1, coworker: 0, subordinate: 0 }]]),
    );

    expect(coverage.withoutRecommendation.map((employee) => employee.employeeId)).toEqual([
      'mia',
      'ben',
      'cy',
    ]);
  });

  it('gives each team, a manager and their reports, its mix of relationships and its uncovered members', () => {
    const coverage = computeCoverage(
      employees,
      new Map([
        ['ana', { supervisor: 1, coworker: 2, subordinate: 0 }],
        ['mia', { supervisor: 0, coworker: 0, subordinate: 1 }],
      ]),
    );

    expect(coverage.teams).toEqual([
      {
        managerId: 'ana',
        managerName: 'Ana',
        size: 2,
        counts: { supervisor: 1, coworker: 2, subordinate: 0 },
        missing: ['subordinate'],
        withoutRecommendation: 1,
      },
      {
        managerId: 'mia',
        managerName: 'Mia',
        size: 3,
        counts: { supervisor: 1, coworker: 2, subordinate: 1 },
        missing: [],
        withoutRecommendation: 1,
      },
    ]);
  });
});
