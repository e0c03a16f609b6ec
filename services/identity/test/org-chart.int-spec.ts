import { randomUUID } from 'node:crypto';
import { waitFor } from '@vouch/testing';
import { IdentityApp, newEmail } from './identity-app';
import { ENTERPRISE_USER, newScimToken, PATCH_OP, ScimProvider } from './scim-provider';

describe('the org chart and offboarding', () => {
  let identity: IdentityApp;
  let provider: ScimProvider;

  beforeAll(async () => {
    const token = newScimToken();
    identity = await IdentityApp.start('identity_org_chart', { SCIM_TOKEN: token });
    provider = new ScimProvider(identity, token);
  });

  afterAll(async () => {
    await identity?.stop();
  });

  const setManager = (token: string, employeeId: string, managerId: string | null) =>
    identity.call('PUT', `/v1/employees/${employeeId}/manager`, { token, body: { managerId } });

  /** The identity provider takes over `employee`, who signed up, and places them under `managerId`. */
  const adoptUnder = (employee: { email: string; body: Record<string, unknown> }, managerId?: string) =>
    provider.call('POST', '/Users', {
      userName: employee.email,
      displayName: employee.body['name'],
      ...(managerId ? { [ENTERPRISE_USER]: { manager: { value: managerId } } } : {}),
    });

  it('answers 400 naming managerEmail to a sign-up that names its own manager, and registers no one', async () => {
    const boss = await identity.register({ name: 'Rui Costa' });
    const email = newEmail();
    const answer = await identity.call<{ errors?: Array<{ field: string }> }>('POST', '/v1/auth/register', {
      body: { email, password: 'a long enough secret', name: 'Ana', managerEmail: boss.email },
    });

    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.errors?.map((error) => error.field)).toContain('managerEmail');
    const signedUp = await identity.register({ email, name: 'Ana' });
    expect(signedUp.body).toMatchObject({ managerId: null });
  });

  it('places an employee who signed up under the manager the identity provider names', async () => {
    const boss = await identity.register({ name: 'Rui Costa' });
    const ana = await identity.register();

    const adopted = await adoptUnder(ana, boss.id);

    expect(adopted.status).toBe(201);
    expect(adopted.body).toMatchObject({ id: ana.id, [ENTERPRISE_USER]: { manager: { value: boss.id } } });
    expect(
      (await identity.call('GET', `/v1/employees/${ana.id}`, { token: boss.token })).body['managerId'],
    ).toBe(boss.id);
    expect((await identity.login(ana.email, ana.password)).status).toBe(200);
  });

  it('lets an admin set and clear a manager', async () => {
    const admin = await identity.admin();
    const boss = await identity.register();
    const ana = await identity.register();

    const set = await setManager(admin.token, ana.id, boss.id);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: ana.id, managerId: boss.id });

    const cleared = await setManager(admin.token, ana.id, null);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ managerId: null });
  });

  it('answers 403 when an employee who is neither HR nor an admin sets a manager', async () => {
    const ana = await identity.register();
    const bea = await identity.register();
    const answer = await setManager(ana.token, ana.id, bea.id);
    expect(answer.status).toBe(403);
    expect(
      (await identity.call('GET', `/v1/employees/${ana.id}`, { token: ana.token })).body['managerId'],
    ).toBeNull();
  });

  it('answers 400 to a change that would make a cycle, directly or through several levels', async () => {
    const admin = await identity.admin();
    const ceo = await identity.register();
    const vp = await identity.register();
    const lead = await identity.register();
    expect((await adoptUnder(ceo)).status).toBe(201);
    expect((await adoptUnder(vp, ceo.id)).status).toBe(201);
    expect((await adoptUnder(lead, vp.id)).status).toBe(201);

    const throughLevels = await setManager(admin.token, ceo.id, lead.id);
    expect(throughLevels.status).toBe(400);
    expect(throughLevels.body).toMatchObject({ title: 'Org chart cycle' });
    expect((await setManager(admin.token, vp.id, vp.id)).status).toBe(400);
    const fromProvider = await provider.call('PATCH', `/Users/${ceo.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: `${ENTERPRISE_USER}:manager`, value: lead.id }],
    });
    expect(fromProvider.status).toBe(400);
    expect(fromProvider.body).toMatchObject({ scimType: 'invalidValue' });
    expect(
      (await identity.call('GET', `/v1/employees/${ceo.id}`, { token: ceo.token })).body['managerId'],
    ).toBeNull();
  });

  it('answers 404 for an unknown employee and 400 for an unknown manager', async () => {
    const admin = await identity.admin();
    const ana = await identity.register();
    expect((await setManager(admin.token, randomUUID(), ana.id)).status).toBe(404);
    expect((await setManager(admin.token, ana.id, randomUUID())).status).toBe(400);
  });

  it("lists a manager's active direct reports in the directory, by name", async () => {
    const admin = await identity.admin();
    const boss = await identity.register({ name: 'Rui Costa' });
    const [zoe, ana, leaver, skip] = [
      await identity.register({ name: 'Zoe Lima' }),
      await identity.register({ name: 'Ana Reis' }),
      await identity.register({ name: 'Lea Ver' }),
      await identity.register({ name: 'Sky Level' }),
    ];
    for (const report of [zoe, ana, leaver]) await setManager(admin.token, report.id, boss.id);
    await setManager(admin.token, skip.id, zoe.id);
    await identity.call('POST', `/v1/employees/${leaver.id}/deactivate`, { token: admin.token });

    const reports = await identity.call<{ items: Array<{ id: string }> }>(
      'GET',
      `/v1/employees?managerId=${boss.id}`,
      { token: boss.token },
    );
    const malformed = await identity.call('GET', '/v1/employees?managerId=boss', { token: boss.token });

    expect(reports.status).toBe(200);
    expect(reports.body.items.map((employee) => employee.id)).toEqual([ana.id, zoe.id]);
    expect(malformed.status).toBe(400);
  });

  it('answers 400 when managerId is missing or not a UUID', async () => {
    const admin = await identity.admin();
    const ana = await identity.register();
    const missing = await identity.call('PUT', `/v1/employees/${ana.id}/manager`, {
      token: admin.token,
      body: {},
    });
    expect(missing.status).toBe(400);
    expect((await setManager(admin.token, ana.id, 'boss')).status).toBe(400);
  });

  it('deactivates an employee: they can no longer log in, nor show in the directory', async () => {
    const admin = await identity.admin();
    const ana = await identity.register({ name: `Leaver ${randomUUID().slice(0, 8)}` });

    const answer = await identity.call('POST', `/v1/employees/${ana.id}/deactivate`, { token: admin.token });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: ana.id, active: false });
    const login = await identity.login(ana.email, ana.password);
    expect(login.status).toBe(401);
    expect(login.body).toEqual((await identity.login(`${randomUUID()}@acme.com`, ana.password)).body);
    const search = await identity.call<{ items: unknown[] }>(
      'GET',
      `/v1/employees?q=${encodeURIComponent(String(ana.body['name']))}`,
      { token: admin.token },
    );
    expect(search.body.items).toEqual([]);
  });

  it('refuses a deactivated employee’s profile change with a token issued before: 403, then 401 once every instance knows', async () => {
    const admin = await identity.admin();
    const ana = await identity.register();
    await identity.call('POST', `/v1/employees/${ana.id}/deactivate`, { token: admin.token });
    const change = () =>
      identity.call('PATCH', '/v1/employees/me', { token: ana.token, body: { headline: 'Bye' } });
    // The profile itself refuses at once; the token is refused outright within a second.
    expect([401, 403]).toContain((await change()).status);
    await waitFor('the token to be refused', change, (answer) => answer.status === 401, { timeoutMs: 5_000 });
    expect(
      (await identity.call('GET', `/v1/employees/${ana.id}`, { token: admin.token })).body,
    ).toMatchObject({
      headline: null,
    });
  });

  it('answers 403 when an employee who is neither HR nor an admin deactivates someone', async () => {
    const ana = await identity.register();
    const bea = await identity.register();
    expect(
      (await identity.call('POST', `/v1/employees/${bea.id}/deactivate`, { token: ana.token })).status,
    ).toBe(403);
    expect((await identity.login(bea.email, bea.password)).status).toBe(200);
  });

  it('reactivates a deactivated employee: they can log in and show in the directory again', async () => {
    const admin = await identity.admin();
    const ana = await identity.register({ name: `Returner ${randomUUID().slice(0, 8)}` });
    await identity.call('POST', `/v1/employees/${ana.id}/deactivate`, { token: admin.token });

    const answer = await identity.call('POST', `/v1/employees/${ana.id}/reactivate`, { token: admin.token });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: ana.id, active: true });
    expect((await identity.login(ana.email, ana.password)).status).toBe(200);
    const search = await identity.call<{ items: Array<{ id: string }> }>(
      'GET',
      `/v1/employees?q=${encodeURIComponent(String(ana.body['name']))}`,
      { token: admin.token },
    );
    expect(search.body.items.map((employee) => employee.id)).toEqual([ana.id]);
  });

  it('answers 403 when an employee who is neither HR nor an admin reactivates someone, and 404 for no one', async () => {
    const admin = await identity.admin();
    const ana = await identity.register();
    const bea = await identity.register();
    await identity.call('POST', `/v1/employees/${bea.id}/deactivate`, { token: admin.token });

    expect(
      (await identity.call('POST', `/v1/employees/${bea.id}/reactivate`, { token: ana.token })).status,
    ).toBe(403);
    expect((await identity.login(bea.email, bea.password)).status).toBe(401);
    expect(
      (await identity.call('POST', `/v1/employees/${randomUUID()}/reactivate`, { token: admin.token }))
        .status,
    ).toBe(404);
  });

  it('refuses to place anyone under a deactivated manager', async () => {
    const admin = await identity.admin();
    const leaver = await identity.register();
    const ana = await identity.register();
    await identity.call('POST', `/v1/employees/${leaver.id}/deactivate`, { token: admin.token });

    expect((await setManager(admin.token, ana.id, leaver.id)).status).toBe(400);
    expect((await adoptUnder(ana, leaver.id)).status).toBe(400);
    expect(
      (await identity.call('GET', `/v1/employees/${ana.id}`, { token: ana.token })).body['managerId'],
    ).toBeNull();
  });
});
