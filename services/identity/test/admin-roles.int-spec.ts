import { IdentityApp } from './identity-app';

const rolesIn = (token: unknown): unknown => {
  const [, payload] = String(token).split('.');
  return (JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as { roles?: unknown }).roles;
};

/** The admin role an existing admin gives another employee, and takes back: audit-logged. */
describe('admin roles given by an admin', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_admin_roles');
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('makes an employee an admin from their next sign-in, and takes it back, each change in the audit log', async () => {
    const admin = await identity.admin();
    const ana = await identity.register();
    const path = `/v1/admin/employees/${ana.id}/admin-role`;

    const granted = await identity.call('PUT', path, { token: admin.token });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ employeeId: ana.id, grantedBy: admin.id });
    const again = await identity.call('PUT', path, { token: admin.token });
    expect(again.body).toEqual(granted.body);
    expect(rolesIn((await identity.login(ana.email, ana.password)).body.accessToken)).toEqual([
      'employee',
      'admin',
    ]);

    expect((await identity.call('DELETE', path, { token: admin.token })).status).toBe(204);
    expect((await identity.call('DELETE', path, { token: admin.token })).status).toBe(204);
    expect(rolesIn((await identity.login(ana.email, ana.password)).body.accessToken)).toEqual(['employee']);

    const log = await identity.call<{ items: Array<Record<string, unknown>> }>(
      'GET',
      `/v1/admin/audit-log?employeeId=${ana.id}`,
      { token: admin.token },
    );
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
        action: 'employee.admin_role_revoked',
        actorType: 'admin',
        actorId: admin.id,
        before: { adminGrant: true },
        after: { adminGrant: false },
      },
      {
        action: 'employee.admin_role_granted',
        actorType: 'admin',
        actorId: admin.id,
        before: { adminGrant: false },
        after: { adminGrant: true },
      },
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

  it('lets only admins give the role, to employees who exist', async () => {
    const admin = await identity.admin();
    const ana = await identity.register();
    const ben = await identity.register();
    expect(
      (await identity.call('PUT', `/v1/admin/employees/${ben.id}/admin-role`, { token: ana.token })).status,
    ).toBe(403);
    expect(
      (
        await identity.call('PUT', '/v1/admin/employees/6f1c2f4e-0000-4000-8000-000000000000/admin-role', {
          token: admin.token,
        })
      ).status,
    ).toBe(404);
  });
});
