import { DataSource } from 'typeorm';
import { UnitOfWork } from '@vouch/messaging';
import { PurgeExpiredAuditEntries } from '../src/audit/application/purge-expired-audit-entries.use-case';
import { AuditLog } from '../src/audit/infrastructure/audit-log.repository';
import { EmployeeRepository } from '../src/employees/infrastructure/employee.repository';
import { IdentityApp, newEmail, type RegisteredEmployee } from './identity-app';
import { newScimToken, PATCH_OP, ScimProvider } from './scim-provider';

const DAY_MS = 86_400_000;

interface AuditEntryBody {
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  action: string;
  employeeId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

interface AuditPage {
  items: AuditEntryBody[];
  nextCursor: string | null;
}

describe('the audit log of changes to people', () => {
  let identity: IdentityApp;
  let provider: ScimProvider;
  let admin: RegisteredEmployee;
  const token = newScimToken();

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_audit', { SCIM_TOKEN: token, AUDIT_RETENTION_DAYS: '30' });
    provider = new ScimProvider(identity, token);
    admin = await identity.admin();
  });

  afterAll(async () => {
    await identity?.stop();
  });

  async function auditLog(query: Record<string, string>): Promise<AuditPage> {
    const answer = await identity.call<AuditPage>(
      'GET',
      `/v1/admin/audit-log?${new URLSearchParams(query)}`,
      {
        token: admin.token,
      },
    );
    if (answer.status !== 200)
      throw new Error(`audit log answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  describe("an admin's changes", () => {
    it('records a manager change with the admin, and the manager before and after', async () => {
      const boss = await identity.register();
      const ana = await identity.register();
      const answer = await identity.call('PUT', `/v1/employees/${ana.id}/manager`, {
        token: admin.token,
        body: { managerId: boss.id },
      });
      expect(answer.status).toBe(200);

      const { items } = await auditLog({ employeeId: ana.id });
      expect(items).toEqual([
        expect.objectContaining({
          actorType: 'admin',
          actorId: admin.id,
          action: 'employee.manager_changed',
          employeeId: ana.id,
          before: { managerId: null, managerSource: null },
          after: { managerId: boss.id, managerSource: 'admin' },
        }),
      ]);
    });

    it('records a deactivation and a reactivation once each, and nothing for one that changes nothing', async () => {
      const ana = await identity.register();
      for (const path of ['deactivate', 'deactivate', 'reactivate', 'reactivate']) {
        const answer = await identity.call('POST', `/v1/employees/${ana.id}/${path}`, { token: admin.token });
        expect(answer.status).toBe(200);
      }

      const { items } = await auditLog({ employeeId: ana.id });
      expect(items).toEqual([
        expect.objectContaining({
          actorType: 'admin',
          actorId: admin.id,
          action: 'employee.reactivated',
          before: { active: false },
          after: { active: true },
        }),
        expect.objectContaining({
          actorType: 'admin',
          actorId: admin.id,
          action: 'employee.deactivated',
          before: { active: true },
          after: { active: false },
        }),
      ]);
    });
  });

  it("does not record an employee's changes to their own profile", async () => {
    const ana = await identity.register();
    const answer = await identity.call('PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { headline: 'Makes payments boring' },
    });
    expect(answer.status).toBe(200);
    expect((await auditLog({ employeeId: ana.id })).items).toEqual([]);
  });

  describe("the identity provider's changes over SCIM", () => {
    it('records a user created, with everything it was created with', async () => {
      const userName = newEmail();
      const created = await provider.create({ userName, displayName: 'Rui Costa', title: 'Engineer' });

      const { items } = await auditLog({ employeeId: created.id });
      expect(items).toEqual([
        expect.objectContaining({
          actorType: 'scim',
          actorId: null,
          action: 'employee.created',
          before: {},
          after: expect.objectContaining({
            email: userName,
            name: 'Rui Costa',
            title: 'Engineer',
            active: true,
          }),
        }),
      ]);
    });

    it('records a patch as the fields it changed', async () => {
      const created = await provider.create({
        userName: newEmail(),
        displayName: 'Rui Costa',
        title: 'Engineer',
      });
      const patched = await provider.call('PATCH', `/Users/${created.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'title', value: 'Staff engineer' }],
      });
      expect(patched.status).toBe(200);

      const { items } = await auditLog({ employeeId: created.id, action: 'employee.profile_changed' });
      expect(items).toEqual([
        expect.objectContaining({
          actorType: 'scim',
          before: { title: 'Engineer' },
          after: { title: 'Staff engineer' },
        }),
      ]);
    });

    it('records a user deleted as deleted from SCIM, once', async () => {
      const created = await provider.create({ userName: newEmail(), displayName: 'Rui Costa' });
      expect((await provider.call('DELETE', `/Users/${created.id}`)).status).toBe(204);

      const { items } = await auditLog({ employeeId: created.id });
      expect(items.map((entry) => entry.action)).toEqual(['employee.deleted_from_scim', 'employee.created']);
      expect(items[0]).toMatchObject({
        actorType: 'scim',
        before: { active: true },
        after: { active: false },
      });
    });

    it('records a user deleted after the provider disabled them, as the disabling and the deletion', async () => {
      const created = await provider.create({ userName: newEmail(), displayName: 'Rui Costa' });
      const disabled = await provider.call('PATCH', `/Users/${created.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'replace', path: 'active', value: false }],
      });
      expect(disabled.status).toBe(200);
      expect((await provider.call('DELETE', `/Users/${created.id}`)).status).toBe(204);

      const { items } = await auditLog({ employeeId: created.id });
      expect(items.map((entry) => [entry.action, entry.before, entry.after])).toEqual([
        ['employee.deleted_from_scim', {}, {}],
        ['employee.deactivated', { active: true }, { active: false }],
        ['employee.created', {}, expect.objectContaining({ active: true })],
      ]);
    });
  });

  describe('reading it', () => {
    it('filters by employee, actor, action and time, and pages newest first', async () => {
      const ana = await identity.register();
      for (const path of ['deactivate', 'reactivate', 'deactivate']) {
        await identity.call('POST', `/v1/employees/${ana.id}/${path}`, { token: admin.token });
      }

      const first = await auditLog({ employeeId: ana.id, limit: '2' });
      expect(first.items.map((entry) => entry.action)).toEqual([
        'employee.deactivated',
        'employee.reactivated',
      ]);
      expect(first.nextCursor).not.toBeNull();
      const second = await auditLog({ employeeId: ana.id, limit: '2', cursor: String(first.nextCursor) });
      expect(second.items.map((entry) => entry.action)).toEqual(['employee.deactivated']);
      expect(second.nextCursor).toBeNull();

      const [newest, middle, oldest] = [...first.items, ...second.items];
      expect((await auditLog({ employeeId: ana.id, action: 'employee.reactivated' })).items).toEqual([
        middle,
      ]);
      expect((await auditLog({ employeeId: ana.id, actorType: 'scim' })).items).toEqual([]);
      expect((await auditLog({ employeeId: ana.id, actorType: 'admin' })).items).toHaveLength(3);
      expect(
        (
          await auditLog({
            employeeId: ana.id,
            from: String(middle?.occurredAt),
            to: String(newest?.occurredAt),
          })
        ).items,
      ).toEqual([middle]);
      expect((await auditLog({ employeeId: ana.id, to: String(middle?.occurredAt) })).items).toEqual([
        oldest,
      ]);
    });

    it('is for HR and admins only, and refuses filters it does not know', async () => {
      const ana = await identity.register();
      expect((await identity.call('GET', '/v1/admin/audit-log', { token: ana.token })).status).toBe(403);
      expect((await identity.call('GET', '/v1/admin/audit-log')).status).toBe(401);
      for (const query of [
        'actorType=robot',
        'action=employee.renamed',
        'from=yesterday',
        'cursor=nonsense',
      ]) {
        const answer = await identity.call('GET', `/v1/admin/audit-log?${query}`, { token: admin.token });
        expect(answer.status).toBe(400);
      }
    });
  });

  describe('keeping it', () => {
    async function plantEntry(employeeId: string, ageDays: number): Promise<void> {
      const employee = await identity.get(EmployeeRepository).findById(employeeId);
      if (!employee) throw new Error(`no employee ${employeeId}`);
      await identity.get(UnitOfWork).run(() =>
        identity.get(AuditLog).record(
          { type: 'system' },
          {
            action: 'employee.profile_changed',
            at: new Date(Date.now() - ageDays * DAY_MS),
            before: employee.snapshot(),
            after: employee.snapshot(),
          },
        ),
      );
    }

    it('purges the entries older than AUDIT_RETENTION_DAYS and keeps the newer ones', async () => {
      const ana = await identity.register();
      await plantEntry(ana.id, 31);
      await plantEntry(ana.id, 29);

      expect(await identity.get(PurgeExpiredAuditEntries).execute(new Date())).toBeGreaterThanOrEqual(1);

      const { items } = await auditLog({ employeeId: ana.id });
      expect(items).toHaveLength(1);
      expect(Date.now() - new Date(String(items[0]?.occurredAt)).getTime()).toBeLessThan(30 * DAY_MS);
    });

    it('refuses to change an entry once written', async () => {
      const ana = await identity.register();
      await plantEntry(ana.id, 1);
      await expect(
        identity
          .get(DataSource)
          .query(`UPDATE audit_entry SET action = 'employee.created' WHERE employee_id = $1`, [ana.id]),
      ).rejects.toThrow(/append-only/);
    });
  });
});
