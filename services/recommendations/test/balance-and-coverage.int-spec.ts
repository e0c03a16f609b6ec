import { RecommendationsTestApp, SAMPLE_TEXT, type TestEmployee } from './support/recommendations-test-app';

interface Balance {
  counts: Record<string, number>;
  missing: string[];
  thin: string[];
  suggestions: Array<{ employeeId: string; relationship: string; reason: string }>;
}

interface Coverage {
  withoutRecommendation: Array<{ employeeId: string; name: string }>;
  teams: Array<{
    managerId: string;
    size: number;
    counts: Record<string, number>;
    missing: string[];
    withoutRecommendation: number;
  }>;
}

describe('the balance of a profile and the coverage of the company', () => {
  let service: RecommendationsTestApp;

  beforeAll(async () => {
    service = await RecommendationsTestApp.start('balance');
  });

  afterAll(async () => {
    await service?.close();
  });

  /** A manager, me, two peers of mine and two reports of mine; all connected to me. */
  async function smallOrgChart() {
    const [manager] = await service.hire({ name: 'Mia' });
    const [me] = await service.hire({ name: 'Ana', managerId: manager?.id });
    const [peer1, peer2, report1, report2] = await service.hire(
      { name: 'Ben', managerId: manager?.id },
      { name: 'Cleo', managerId: manager?.id },
      { name: 'Dev', managerId: me?.id },
      { name: 'Eli', managerId: me?.id },
    );
    const team = { manager, me, peer1, peer2, report1, report2 } as Record<string, TestEmployee>;
    const { me: self, ...others } = team;
    await service.connect(
      ...Object.values(others).map((other): [TestEmployee, TestEmployee] => [other, self as TestEmployee]),
    );
    return team;
  }

  async function recommendAndAccept(author: TestEmployee, subject: TestEmployee, relationship: string) {
    const { body } = await service.request<{ id: string }>('POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship, text: SAMPLE_TEXT },
    });
    await service.request('POST', `/v1/recommendations/${body.id}/accept`, { token: subject.token });
  }

  const balanceOf = async (employee: TestEmployee) =>
    (await service.request<Balance>('GET', '/v1/recommendations/balance', { token: employee.token })).body;

  it('suggests my manager, my peers and my reports when I have no accepted recommendation, each with a reason', async () => {
    const { manager, me, peer1, peer2, report1, report2 } = await smallOrgChart();

    const balance = await balanceOf(me as TestEmployee);

    expect(balance.counts).toEqual({ supervisor: 0, coworker: 0, subordinate: 0 });
    expect(balance.missing).toEqual(['supervisor', 'coworker', 'subordinate']);
    expect(balance.suggestions[0]).toEqual({
      employeeId: manager?.id,
      relationship: 'supervisor',
      reason: 'your manager; no supervisor recommendation yet',
    });
    expect(balance.suggestions.map((suggestion) => suggestion.employeeId).sort()).toEqual(
      [manager, peer1, peer2, report1, report2].map((employee) => employee?.id).sort(),
    );
  });

  it('leaves out whom I already asked and who already recommended me, and counts accepted ones only', async () => {
    const { manager, me, peer1, report1, report2 } = await smallOrgChart();
    await recommendAndAccept(peer1 as TestEmployee, me as TestEmployee, 'coworker');
    await recommendAndAccept(report1 as TestEmployee, me as TestEmployee, 'subordinate');
    await service.request('POST', '/v1/recommendation-requests', {
      token: me?.token,
      body: { recipientId: manager?.id, relationship: 'supervisor' },
    });
    await service.request('POST', '/v1/recommendations', {
      token: report2?.token,
      body: { subjectId: me?.id, relationship: 'subordinate', text: SAMPLE_TEXT },
    });

    const balance = await balanceOf(me as TestEmployee);

    expect(balance.counts).toEqual({ supervisor: 0, coworker: 1, subordinate: 1 });
    expect(balance.missing).toEqual(['supervisor']);
    expect(balance.suggestions).toEqual([]);
  });

  it('suggests colleagues for a thin relationship after the missing ones, saying how many there are', async () => {
    const { manager, me, peer1, peer2, report1, report2 } = await smallOrgChart();
    const [outsider] = await service.hire({ name: 'Oli' });
    await service.connect([outsider as TestEmployee, me as TestEmployee]);
    for (const colleague of [peer1, peer2, outsider])
      await recommendAndAccept(colleague as TestEmployee, me as TestEmployee, 'coworker');
    await recommendAndAccept(report1 as TestEmployee, me as TestEmployee, 'subordinate');

    const balance = await balanceOf(me as TestEmployee);

    expect(balance.counts).toEqual({ supervisor: 0, coworker: 3, subordinate: 1 });
    expect(balance.missing).toEqual(['supervisor']);
    expect(balance.thin).toEqual(['subordinate']);
    expect(balance.suggestions).toEqual([
      {
        employeeId: manager?.id,
        relationship: 'supervisor',
        reason: 'your manager; no supervisor recommendation yet',
      },
      {
        employeeId: report2?.id,
        relationship: 'subordinate',
        reason: 'reports to you; only 1 subordinate recommendation',
      },
    ]);
  });

  it('shows admins who has no accepted recommendation and the relationship mix of each team', async () => {
    const { manager, me, peer1, report1 } = await smallOrgChart();
    await recommendAndAccept(manager as TestEmployee, me as TestEmployee, 'supervisor');
    await recommendAndAccept(report1 as TestEmployee, me as TestEmployee, 'subordinate');
    await recommendAndAccept(me as TestEmployee, peer1 as TestEmployee, 'coworker');

    const answer = await service.request<Coverage>('GET', '/v1/admin/recommendations/coverage', {
      token: await service.adminToken(),
    });

    expect(answer.status).toBe(200);
    const uncovered = answer.body.withoutRecommendation.map((employee) => employee.employeeId);
    expect(uncovered).toContain(manager?.id);
    expect(uncovered).not.toContain(me?.id);
    expect(uncovered).not.toContain(peer1?.id);
    expect(answer.body.teams.find((team) => team.managerId === manager?.id)).toEqual({
      managerId: manager?.id,
      managerName: 'Mia',
      size: 4,
      counts: { supervisor: 1, coworker: 1, subordinate: 1 },
      missing: [],
      withoutRecommendation: 2,
    });
    expect(answer.body.teams.find((team) => team.managerId === me?.id)).toMatchObject({
      size: 3,
      counts: { supervisor: 1, coworker: 0, subordinate: 1 },
      missing: ['coworker'],
      withoutRecommendation: 2,
    });
  });

  it('shows HR the coverage, as it shows admins', async () => {
    const [employee] = await service.hire({});

    const answer = await service.request<Coverage>('GET', '/v1/admin/recommendations/coverage', {
      token: await service.hrToken(),
    });

    expect(answer.status).toBe(200);
    expect(answer.body.withoutRecommendation.map((uncovered) => uncovered.employeeId)).toContain(
      employee?.id,
    );
  });

  it('refuses the coverage to employees who are neither HR nor admins (403) and to anonymous callers (401)', async () => {
    const [employee] = await service.hire({});

    const asEmployee = await service.request('GET', '/v1/admin/recommendations/coverage', {
      token: employee?.token,
    });
    const anonymous = await service.request('GET', '/v1/admin/recommendations/coverage');

    expect(asEmployee.status).toBe(403);
    expect(anonymous.status).toBe(401);
  });
});
