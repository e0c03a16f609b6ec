import { randomUUID } from 'node:crypto';
import { RecommendationsTestApp, SAMPLE_TEXT, type TestEmployee } from './support/recommendations-test-app';

interface Team {
  managerId: string;
  managerName: string;
  parentManagerId: string | null;
  depth: number;
  size: number;
  subTeams: number;
  counts: Record<string, number>;
  withoutRecommendation: number;
}

interface NumberedPage<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
}

const COVERAGE = '/v1/admin/recommendations/coverage';

describe('coverage rolled up through the org chart, for HR', () => {
  let service: RecommendationsTestApp;

  beforeAll(async () => {
    service = await RecommendationsTestApp.start('coverage_roll_up');
  });

  afterAll(async () => {
    await service?.close();
  });

  async function recommendAndAccept(author: TestEmployee, subject: TestEmployee, relationship: string) {
    await service.connect([author, subject]);
    const { body } = await service.request<{ id: string }>('POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship, text: SAMPLE_TEXT },
    });
    await service.request('POST', `/v1/recommendations/${body.id}/accept`, { token: subject.token });
  }

  /**
   * `=Mia` (a name a spreadsheet would run) manages Ana and Ben; Ana manages Dev and Eli; Dev manages Fay.
   * Accepted: Mia → Ana (supervisor), Dev → Ana (subordinate), Eli → Dev (coworker), Dev → Fay (supervisor).
   */
  async function smallOrgTree() {
    const [mia] = (await service.hire({ name: '=Mia' })) as [TestEmployee];
    const [ana, ben] = (await service.hire(
      { name: 'Ana', managerId: mia.id },
      { name: 'Ben', managerId: mia.id },
    )) as [TestEmployee, TestEmployee];
    const [dev, eli] = (await service.hire(
      { name: 'Dev', managerId: ana.id },
      { name: 'Eli', managerId: ana.id },
    )) as [TestEmployee, TestEmployee];
    const [fay] = (await service.hire({ name: 'Fay', managerId: dev.id })) as [TestEmployee];
    await recommendAndAccept(mia, ana, 'supervisor');
    await recommendAndAccept(dev, ana, 'subordinate');
    await recommendAndAccept(eli, dev, 'coworker');
    await recommendAndAccept(dev, fay, 'supervisor');
    return { mia, ana, ben, dev, eli, fay };
  }

  it("rolls each manager's whole subtree into their team, and drills down one level at a time", async () => {
    const { mia, ana, dev } = await smallOrgTree();
    const token = await service.hrToken();

    const top = await service.request<NumberedPage<Team> & { team: Team }>(
      'GET',
      `${COVERAGE}/teams?managerId=${mia.id}`,
      { token },
    );
    const below = await service.request<NumberedPage<Team> & { team: Team }>(
      'GET',
      `${COVERAGE}/teams?managerId=${ana.id}`,
      { token },
    );

    expect(top.status).toBe(200);
    expect(top.body.team).toEqual({
      managerId: mia.id,
      managerName: '=Mia',
      parentManagerId: null,
      depth: 0,
      size: 6,
      subTeams: 1,
      counts: { supervisor: 2, coworker: 1, subordinate: 1 },
      withoutRecommendation: 3,
    });
    expect(top.body).toMatchObject({ page: 1, limit: 20, total: 1 });
    expect(top.body.items).toEqual([
      expect.objectContaining({ managerId: ana.id, parentManagerId: mia.id, depth: 1, size: 4, subTeams: 1 }),
    ]);
    expect(below.body.items).toEqual([
      expect.objectContaining({
        managerId: dev.id,
        depth: 2,
        size: 2,
        counts: { supervisor: 1, coworker: 1, subordinate: 0 },
        withoutRecommendation: 0,
      }),
    ]);
  });

  it('pages who has no recommendation yet in a team, by name, and spreads the team by how many each has', async () => {
    const { mia, ben, eli } = await smallOrgTree();
    const token = await service.hrToken();

    const first = await service.request<NumberedPage<{ employeeId: string; name: string }>>(
      'GET',
      `${COVERAGE}/without-recommendation?managerId=${mia.id}&limit=2`,
      { token },
    );
    const second = await service.request<NumberedPage<{ employeeId: string; name: string }>>(
      'GET',
      `${COVERAGE}/without-recommendation?managerId=${mia.id}&limit=2&page=2`,
      { token },
    );
    const spread = await service.request<{ buckets: Array<{ recommendations: string; people: number }> }>(
      'GET',
      `${COVERAGE}/spread?managerId=${mia.id}`,
      { token },
    );

    expect(first.body).toMatchObject({ page: 1, limit: 2, total: 3 });
    expect(first.body.items.map((employee) => employee.name)).toEqual(['=Mia', 'Ben']);
    expect(second.body.items.map((employee) => employee.employeeId)).toEqual([eli.id]);
    expect(first.body.items[1]?.employeeId).toBe(ben.id);
    expect(spread.body.buckets).toEqual([
      { recommendations: '0', people: 3 },
      { recommendations: '1', people: 2 },
      { recommendations: '2', people: 1 },
      { recommendations: '3', people: 0 },
      { recommendations: '4', people: 0 },
      { recommendations: '5+', people: 0 },
    ]);
  });

  it('downloads every team of the scope as CSV, a formula-like name made harmless', async () => {
    const { mia, ana, dev } = await smallOrgTree();

    const response = await fetch(`${service.baseUrl}${COVERAGE}/teams.csv?managerId=${mia.id}`, {
      headers: { authorization: `Bearer ${await service.hrToken()}` },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="team-coverage.csv"');
    expect((await response.text()).split('\r\n')).toEqual([
      'manager_id,manager_name,parent_manager_id,depth,size,supervisor,coworker,subordinate,without_recommendation',
      `${mia.id},'=Mia,,0,6,2,1,1,3`,
      `${ana.id},Ana,${mia.id},1,4,2,1,1,1`,
      `${dev.id},Dev,${ana.id},2,2,1,1,0,0`,
      '',
    ]);
  });

  it('answers 404 for a manager who is not an active employee, as problem details even for the CSV, and 400 for one that is not a UUID', async () => {
    const token = await service.hrToken();

    const unknown = await service.request('GET', `${COVERAGE}/teams?managerId=${randomUUID()}`, {
      token,
    });
    const malformed = await service.request('GET', `${COVERAGE}/spread?managerId=mia`, { token });

    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ title: 'Unknown manager' });
    expect(malformed.status).toBe(400);
    const csv = await fetch(`${service.baseUrl}${COVERAGE}/teams.csv?managerId=${randomUUID()}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(csv.status).toBe(404);
    expect(csv.headers.get('content-type')).toContain('application/problem+json');
  });

  it('gives the roll-up, the list, the spread and the CSV to HR and admins only: 403 to employees', async () => {
    const [employee] = (await service.hire({})) as [TestEmployee];
    const paths = ['teams', 'teams.csv', 'without-recommendation', 'spread'].map(
      (path) => `${COVERAGE}/${path}`,
    );

    for (const path of paths) {
      expect([path, (await service.request('GET', path, { token: employee.token })).status]).toEqual([
        path,
        403,
      ]);
      const asHr = await fetch(`${service.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${await service.hrToken()}` },
      });
      const asAdmin = await fetch(`${service.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${await service.adminToken()}` },
      });
      expect([path, asHr.status, asAdmin.status]).toEqual([path, 200, 200]);
    }
  });
});
