import { randomUUID } from 'node:crypto';
import { IdentityApp, type RegisteredEmployee } from './identity-app';

describe('searching people by status', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_employee_search');
  });

  afterAll(async () => {
    await identity?.stop();
  });

  /** Three people of one unique surname: one active, one deactivated, one erased. */
  async function threePeople(): Promise<{
    surname: string;
    active: RegisteredEmployee;
    deactivated: RegisteredEmployee;
  }> {
    const admin = await identity.admin();
    const surname = `Q${randomUUID().slice(0, 8)}`;
    const active = await identity.register({ name: `Ana ${surname}` });
    const deactivated = await identity.register({ name: `Bea ${surname}` });
    const erased = await identity.register({ name: `Cleo ${surname}` });
    expect(
      (await identity.call('POST', `/v1/employees/${deactivated.id}/deactivate`, { token: admin.token }))
        .status,
    ).toBe(200);
    expect(
      (
        await identity.call('POST', `/v1/admin/employees/${erased.id}/erasure`, {
          token: admin.token,
          body: { reason: 'DSR-search' },
        })
      ).status,
    ).toBe(202);
    return { surname, active, deactivated };
  }

  async function hrMember(): Promise<RegisteredEmployee> {
    const admin = await identity.admin();
    const hr = await identity.register({ name: 'Hana HR' });
    expect(
      (await identity.call('PUT', `/v1/admin/employees/${hr.id}/hr-role`, { token: admin.token })).status,
    ).toBe(200);
    const login = await identity.login(hr.email, hr.password);
    return { ...hr, token: String(login.body.accessToken) };
  }

  const search = (token: string, q: string, status?: string) =>
    identity.call<{ items: Array<{ id: string; active: boolean }> }>(
      'GET',
      `/v1/employees?${new URLSearchParams({ q, ...(status ? { status } : {}) }).toString()}`,
      { token },
    );

  it('lists HR the deactivated, or everyone, never the erased; the active only by default', async () => {
    const { surname, active, deactivated } = await threePeople();
    const hr = await hrMember();

    const byDefault = await search(hr.token, surname);
    const onlyDeactivated = await search(hr.token, surname, 'deactivated');
    const everyone = await search(hr.token, surname, 'all');

    expect(byDefault.body.items).toEqual([expect.objectContaining({ id: active.id, active: true })]);
    expect(onlyDeactivated.status).toBe(200);
    expect(onlyDeactivated.body.items).toEqual([
      expect.objectContaining({ id: deactivated.id, active: false }),
    ]);
    expect(everyone.body.items.map((employee) => employee.id)).toEqual([active.id, deactivated.id]);
  });

  it('lists an admin the deactivated too', async () => {
    const { surname, deactivated } = await threePeople();
    const admin = await identity.admin();

    const answer = await search(admin.token, surname, 'deactivated');

    expect(answer.body.items.map((employee) => employee.id)).toEqual([deactivated.id]);
  });

  it('refuses an employee who is neither HR nor an admin any status but active: 403', async () => {
    const { surname, active } = await threePeople();
    const employee = await identity.register();

    const deactivated = await search(employee.token, surname, 'deactivated');
    const everyone = await search(employee.token, surname, 'all');
    const activeOnly = await search(employee.token, surname, 'active');

    expect(deactivated.status).toBe(403);
    expect(deactivated.headers.get('content-type')).toContain('application/problem+json');
    expect(everyone.status).toBe(403);
    expect(activeOnly.body.items.map((person) => person.id)).toEqual([active.id]);
  });

  it('answers 400 for a status it does not know', async () => {
    const admin = await identity.admin();

    expect((await search(admin.token, 'x', 'erased')).status).toBe(400);
  });
});
