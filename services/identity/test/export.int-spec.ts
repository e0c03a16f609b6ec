import type { IdentityExportView } from '@vouch/contracts';
import { IdentityApp, type RegisteredEmployee } from './identity-app';

describe('exporting my data from identity', () => {
  let identity: IdentityApp;
  let admin: RegisteredEmployee;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_export');
    admin = await identity.admin();
  });

  afterAll(async () => {
    await identity?.stop();
  });

  const exportOf = (token: string) => identity.call<IdentityExportView>('GET', '/v1/me/export', { token });

  it('gives me my record, manager, sign-in methods, sessions, account emails and audit entries, and no secret', async () => {
    const boss = await identity.register({ name: 'Bea Boss' });
    const ana = await identity.register({ name: 'Ana Lima' });
    expect(
      (
        await identity.call('PUT', `/v1/employees/${ana.id}/manager`, {
          token: admin.token,
          body: { managerId: boss.id },
        })
      ).status,
    ).toBe(200);
    const login = await identity.login(ana.email, ana.password);
    expect(login.status).toBe(200);
    const refreshCookie = login.headers.getSetCookie().find((cookie) => cookie.startsWith('vouch_refresh='));
    expect(refreshCookie).toBeDefined();
    const token = String(login.body.accessToken);

    const answer = await exportOf(token);

    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toMatchObject({
      service: 'identity',
      employeeId: ana.id,
      exportedAt: expect.any(String),
      profile: { id: ana.id, email: ana.email, name: 'Ana Lima', managerId: boss.id, active: true },
      manager: { employeeId: boss.id, name: 'Bea Boss', email: boss.email },
      roles: ['employee'],
      roleGrants: [],
      signInMethods: { password: true, singleSignOn: [] },
      provenEmails: [{ email: ana.email, provenBy: 'email_confirmation', provenAt: expect.any(String) }],
      invitations: [],
    });
    expect(answer.body.sessions.length).toBeGreaterThanOrEqual(1);
    expect(answer.body.sessions).toContainEqual({
      startedAt: expect.any(String),
      lastUsedAt: expect.any(String),
      expiresAt: expect.any(String),
      endedAt: null,
      endedBecause: null,
    });
    expect(answer.body.accountEmails).toContainEqual({
      kind: expect.any(String),
      sentAt: expect.any(String),
    });
    expect(answer.body.auditLog).toContainEqual({
      occurredAt: expect.any(String),
      action: 'employee.manager_changed',
      changedBy: 'admin',
      before: { managerId: null, managerSource: null },
      after: { managerId: boss.id, managerSource: 'admin' },
    });
    const text = JSON.stringify(answer.body);
    expect(text).not.toMatch(/password_?hash|token_?hash|\$argon2|\$2[aby]\$/i);
    expect(text).not.toContain(ana.password);
    expect(text).not.toContain(token);
    expect(text).not.toContain(ana.token);
    expect(text).not.toContain(refreshCookie?.split(';')[0]?.split('=')[1]);
    // Who among the admins changed me is not mine to know; that an admin did is.
    expect(text).not.toContain(admin.id);
  });

  it("gives each employee their own record, never another's", async () => {
    const ana = await identity.register({ name: 'Ana Lima' });
    const ben = await identity.register({ name: 'Ben Ode' });

    const answer = await exportOf(ben.token);

    expect(answer.body.employeeId).toBe(ben.id);
    expect(answer.body.profile).toMatchObject({ id: ben.id, name: 'Ben Ode' });
    expect(JSON.stringify(answer.body)).not.toContain(ana.id);
    expect(JSON.stringify(answer.body)).not.toContain(ana.email);
  });

  it('answers 401 without a token', async () => {
    const answer = await identity.call('GET', '/v1/me/export');

    expect(answer.status).toBe(401);
  });
});
