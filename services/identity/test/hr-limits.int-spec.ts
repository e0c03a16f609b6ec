import { IdentityApp, type RegisteredEmployee } from './identity-app';
import { ENTERPRISE_USER, newScimToken, ScimProvider } from './scim-provider';

interface Problem {
  title: string;
  detail: string;
}

/** What HR may not do that admins may: override HR data's manager links, and deactivate or reactivate an admin. */
describe("HR's limits", () => {
  const scimToken = newScimToken();
  let identity: IdentityApp;
  let provider: ScimProvider;
  let admin: RegisteredEmployee;
  let hr: RegisteredEmployee;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_hr_limits', { SCIM_TOKEN: scimToken });
    provider = new ScimProvider(identity, scimToken);
    admin = await identity.admin();
    hr = await withRole('hr', await identity.register({ name: 'Hana HR' }));
  });

  afterAll(async () => {
    await identity?.stop();
  });

  /** Grants the role, and signs them in again so that their token carries it. */
  async function withRole(role: 'admin' | 'hr', employee: RegisteredEmployee): Promise<RegisteredEmployee> {
    const grant = await identity.call('PUT', `/v1/admin/employees/${employee.id}/${role}-role`, {
      token: admin.token,
    });
    expect(grant.status).toBe(200);
    const login = await identity.login(employee.email, employee.password);
    return { ...employee, token: String(login.body['accessToken']) };
  }

  const setManager = (token: string, employeeId: string, managerId: string | null) =>
    identity.call<Problem & Record<string, unknown>>('PUT', `/v1/employees/${employeeId}/manager`, {
      token,
      body: { managerId },
    });
  const deactivate = (token: string, employeeId: string) =>
    identity.call<Problem & Record<string, unknown>>('POST', `/v1/employees/${employeeId}/deactivate`, {
      token,
    });
  const reactivate = (token: string, employeeId: string) =>
    identity.call<Problem & Record<string, unknown>>('POST', `/v1/employees/${employeeId}/reactivate`, {
      token,
    });
  const employee = async (id: string) =>
    (await identity.call('GET', `/v1/employees/${id}`, { token: admin.token })).body;

  async function importManagerLink(ana: RegisteredEmployee, boss: RegisteredEmployee): Promise<void> {
    const file = [
      'email,name,title,department,employee number,manager email,language,time zone',
      `${ana.email},Ana Lima,,,,${boss.email},,`,
      '',
    ].join('\n');
    const answer = await fetch(`${identity.baseUrl}/v1/admin/people-import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/csv' },
      body: file,
    });
    expect(answer.status).toBe(200);
  }

  it('answers HR 409 for a manager link the identity provider set, and leaves the link as it was', async () => {
    const boss = await identity.register();
    const other = await identity.register();
    const ana = await identity.register();
    const adopted = await provider.call('POST', '/Users', {
      userName: ana.email,
      displayName: 'Ana Lima',
      [ENTERPRISE_USER]: { manager: { value: boss.id } },
    });
    expect(adopted.status).toBe(201);

    for (const managerId of [other.id, boss.id, null]) {
      const refused = await setManager(hr.token, ana.id, managerId);
      expect(refused.status).toBe(409);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.title).toBe('Manager set by HR data');
      expect(refused.body.detail).toBe(
        'the manager link was set by the identity provider (SCIM): change it in the HR system',
      );
    }
    expect(await employee(ana.id)).toMatchObject({ managerId: boss.id, managerSource: 'scim' });
  });

  it('answers HR 409 for a manager link the people import set', async () => {
    const boss = await identity.register();
    const other = await identity.register();
    const ana = await identity.register();
    await importManagerLink(ana, boss);

    const refused = await setManager(hr.token, ana.id, other.id);

    expect(refused.status).toBe(409);
    expect(refused.body.detail).toBe(
      'the manager link was set by the people import (CSV): change it in the people file',
    );
    expect(await employee(ana.id)).toMatchObject({ managerId: boss.id, managerSource: 'csv' });
  });

  it("lets an admin override HR data's link, and HR then change the link set in Vouch", async () => {
    const boss = await identity.register();
    const other = await identity.register();
    const ana = await identity.register();
    await importManagerLink(ana, boss);

    const overridden = await setManager(admin.token, ana.id, other.id);
    expect(overridden.status).toBe(200);
    expect(overridden.body).toMatchObject({ managerId: other.id, managerSource: 'admin' });

    const byHr = await setManager(hr.token, ana.id, boss.id);
    expect(byHr.status).toBe(200);
    expect(byHr.body).toMatchObject({ managerId: boss.id, managerSource: 'admin' });
  });

  it('answers HR 403 when deactivating an admin, whether named in ADMIN_EMAILS or granted the role', async () => {
    const granted = await withRole('admin', await identity.register({ name: 'Gil Granted' }));

    for (const target of [admin, granted]) {
      const refused = await deactivate(hr.token, target.id);
      expect(refused.status).toBe(403);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body.title).toBe('Employee is an admin');
      expect(refused.body.detail).toBe('only an admin may deactivate an admin');
      expect(await employee(target.id)).toMatchObject({ active: true });
    }
    expect((await identity.login(granted.email, granted.password)).status).toBe(200);
  });

  it('lets an admin deactivate an admin, and keeps reactivating them to admins', async () => {
    const granted = await withRole('admin', await identity.register({ name: 'Gil Granted' }));
    expect((await deactivate(admin.token, granted.id)).status).toBe(200);

    const refused = await reactivate(hr.token, granted.id);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('only an admin may reactivate an admin');
    expect(await employee(granted.id)).toMatchObject({ active: false });

    expect((await reactivate(admin.token, granted.id)).status).toBe(200);
    expect(await employee(granted.id)).toMatchObject({ active: true });
  });

  it('lets HR deactivate and reactivate anyone who is not an admin, HR included, and set an admin’s manager', async () => {
    const ana = await identity.register();
    const otherHr = await withRole('hr', await identity.register({ name: 'Hugo HR' }));
    for (const target of [ana, otherHr]) {
      expect((await deactivate(hr.token, target.id)).status).toBe(200);
      expect((await reactivate(hr.token, target.id)).status).toBe(200);
    }
    const boss = await identity.register();
    const granted = await withRole('admin', await identity.register({ name: 'Gil Granted' }));
    const placed = await setManager(hr.token, granted.id, boss.id);
    expect(placed.status).toBe(200);
    expect(placed.body).toMatchObject({ managerId: boss.id, managerSource: 'admin' });
  });

  it("answers HR 403 when deactivating a member of the company's admin group (SCIM_ADMIN_GROUP)", async () => {
    const member = await identity.register({ name: 'Gro Group' });
    const group = await provider.call('POST', '/Groups', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'],
      displayName: 'Vouch Admins',
      members: [{ value: member.id }],
    });
    expect(group.status).toBe(201);

    const refused = await deactivate(hr.token, member.id);

    expect(refused.status).toBe(403);
    expect(await employee(member.id)).toMatchObject({ active: true });
  });

  it('lets HR deactivate someone whose admin grant was taken back', async () => {
    const former = await withRole('admin', await identity.register({ name: 'Fay Former' }));
    expect(
      (await identity.call('DELETE', `/v1/admin/employees/${former.id}/admin-role`, { token: admin.token }))
        .status,
    ).toBe(204);

    expect((await deactivate(hr.token, former.id)).status).toBe(200);
  });
});
