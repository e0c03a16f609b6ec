import { IdentityApp } from './identity-app';

const rolesIn = (token: unknown): unknown => {
  const [, payload] = String(token).split('.');
  return (JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { roles?: unknown }).roles;
};

/** The admin and HR roles an existing admin gives another employee, and takes back: audit-logged. */
describe('roles given by an admin', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_role_grants');
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it.each(['admin', 'hr'] as const)(
    'makes an employee %s from their next sign-in, and takes it back, each change in the audit log',
    async (role) => {
      const admin = await identity.admin();
      const ana = await identity.register();
      const path = `/v1/admin/employees/${ana.id}/${role}-role`;

      const granted = await identity.call('PUT', path, { token: admin.token });
      expect(granted.status).toBe(200);
      expect(granted.body).toMatchObject({ employeeId: ana.id, grantedBy: admin.id });
      const again = await identity.call('PUT', path, { token: admin.token });
      expect(again.body).toEqual(granted.body);
      expect(rolesIn((await identity.login(ana.email, ana.password)).body.accessToken)).toEqual([
        'employee',
        role,
      ]);

      expect((await identity.call('DELETE', path, { token: admin.token })).status).toBe(204);
      expect((await identity.call('DELETE', path, { token: admin.token })).status).toBe(204);
      expect(rolesIn((await identity.login(ana.email, ana.password)).body.accessToken)).toEqual(['employee']);

      const log = await identity.call<{ items: Array<Record<string, unknown>> }>(
        'GET',
        `/v1/admin/audit-log?employeeId=${ana.id}`,
        { token: admin.token },
      );
      const grant = `${role}Grant`;
      expect(
        log.body.items.map(({ action, actorType, actorId, before, after }) => ({
          action,
          actorType,
          actorId,
          before,
          after,
        })),
      ).toEqual([
        {
          action: `employee.${role}_role_revoked`,
          actorType: 'admin',
          actorId: admin.id,
          before: { [grant]: true },
          after: { [grant]: false },
        },
        {
          action: `employee.${role}_role_granted`,
          actorType: 'admin',
          actorId: admin.id,
          before: { [grant]: false },
          after: { [grant]: true },
        },
      ]);
    },
  );

  it('keeps each role to its own grant: taking back HR leaves an admin grant, and the token names both', async () => {
    const admin = await identity.admin();
    const ana = await identity.register();
    const roleOf = (role: string) => `/v1/admin/employees/${ana.id}/${role}-role`;

    for (const role of ['admin', 'hr'])
      expect((await identity.call('PUT', roleOf(role), { token: admin.token })).status).toBe(200);
    expect(rolesIn((await identity.login(ana.email, ana.password)).body.accessToken)).toEqual([
      'employee',
      'admin',
      'hr',
    ]);
    expect((await identity.call('DELETE', roleOf('hr'), { token: admin.token })).status).toBe(204);
    expect(rolesIn((await identity.login(ana.email, ana.password)).body.accessToken)).toEqual([
      'employee',
      'admin',
    ]);
  });

  it('grants the role once, and answers that grant, when it is given several times at the same moment', async () => {
    const admin = await identity.admin();
    const ana = await identity.register();
    const path = `/v1/admin/employees/${ana.id}/admin-role`;

    const answers = await Promise.all(
      Array.from({ length: 6 }, () => identity.call('PUT', path, { token: admin.token })),
    );

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
  });

  it('keeps roles, invitations and the people import to admins: 403 to HR and to employees, 404 for no one', async () => {
    const admin = await identity.admin();
    const ana = await identity.register();
    const ben = await identity.register();
    const hana = await identity.register();
    expect(
      (await identity.call('PUT', `/v1/admin/employees/${hana.id}/hr-role`, { token: admin.token })).status,
    ).toBe(200);
    const hr = String((await identity.login(hana.email, hana.password)).body.accessToken);
    expect(rolesIn(hr)).toEqual(['employee', 'hr']);

    for (const token of [ana.token, hr]) {
      for (const [method, path] of [
        ['PUT', `/v1/admin/employees/${ben.id}/admin-role`],
        ['DELETE', `/v1/admin/employees/${ben.id}/admin-role`],
        ['PUT', `/v1/admin/employees/${ben.id}/hr-role`],
        ['DELETE', `/v1/admin/employees/${ben.id}/hr-role`],
        ['POST', `/v1/admin/employees/${ben.id}/invitation`],
      ])
        expect((await identity.call(String(method), String(path), { token })).status).toBe(403);
      const peopleImport = await fetch(`${identity.baseUrl}/v1/admin/people-import?dryRun=true`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: 'email,name\n',
      });
      expect(peopleImport.status).toBe(403);
    }
    expect(rolesIn((await identity.login(ben.email, ben.password)).body.accessToken)).toEqual(['employee']);
    for (const role of ['admin', 'hr'])
      expect(
        (
          await identity.call(
            'PUT',
            `/v1/admin/employees/6f1c2f4e-0000-4000-8000-000000000000/${role}-role`,
            {
              token: admin.token,
            },
          )
        ).status,
      ).toBe(404);
  });
});
