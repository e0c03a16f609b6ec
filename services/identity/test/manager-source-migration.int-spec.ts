import { randomUUID } from 'node:crypto';
import { CreateMessagingTables1764028800000, OutboxEventVersions1796890000000 } from '@vouch/messaging';
import { createTestDatabase, runMigrations, withClient, type TestDatabase } from '@vouch/testing';
import { CreateEmployees1764100000000 } from '../src/migrations/1764100000000-create-employees';
import { PublishEmployeeRecords1796500000000 } from '../src/migrations/1796500000000-publish-employee-records';
import { ScimUsers1796600000000 } from '../src/migrations/1796600000000-scim-users';
import { ScimGroups1796700000000 } from '../src/migrations/1796700000000-scim-groups';
import { AuditLog1796800000000 } from '../src/migrations/1796800000000-audit-log';
import { ManagerSource1796900000000 } from '../src/migrations/1796900000000-manager-source';

describe('manager links on an installation older than their source', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('identity_manager_source');
  });

  afterAll(async () => {
    await database?.drop();
  });

  const migrate = (migrations: Array<new () => object>) => runMigrations(database.url, migrations);

  it('keeps the source the audit log tells, leaves self-declared links without one, and republishes', async () => {
    const before = [
      CreateMessagingTables1764028800000,
      CreateEmployees1764100000000,
      PublishEmployeeRecords1796500000000,
      ScimUsers1796600000000,
      ScimGroups1796700000000,
      AuditLog1796800000000,
    ];
    await migrate(before);
    const [boss, declared, byAdmin, byScim, movedAway] = [1, 2, 3, 4, 5].map(() => randomUUID());
    const other = randomUUID();
    await withClient(database.url, async (client) => {
      const insert = `INSERT INTO employee (id, email, password_hash, name, manager_id, registered_at, updated_at)
                      VALUES ($1, $2, NULL, $3, $4, now(), now())`;
      await client.query(insert, [boss, 'rui@acme.com', 'Rui Costa', null]);
      await client.query(insert, [other, 'oli@acme.com', 'Oli Berg', null]);
      await client.query(insert, [declared, 'dee@acme.com', 'Dee Self', boss]);
      await client.query(insert, [byAdmin, 'ana@acme.com', 'Ana Lima', boss]);
      await client.query(insert, [byScim, 'cy@acme.com', 'Cy Park', boss]);
      await client.query(insert, [movedAway, 'max@acme.com', 'Max Ode', boss]);
      const audit = `INSERT INTO audit_entry (id, occurred_at, actor_type, actor_id, action, employee_id, before, after)
                     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, '{}', $6)`;
      await client.query(audit, [
        '2026-11-01T00:00:00Z',
        'admin',
        boss,
        'employee.manager_changed',
        byAdmin,
        { managerId: boss },
      ]);
      await client.query(audit, [
        '2026-11-01T00:00:00Z',
        'scim',
        null,
        'employee.created',
        byScim,
        { name: 'Cy Park', managerId: boss },
      ]);
      await client.query(audit, [
        '2026-11-02T00:00:00Z',
        'scim',
        null,
        'employee.profile_changed',
        byScim,
        { title: 'Lead' },
      ]);
      // An admin set another manager once; the link there now was declared at sign-up after that.
      await client.query(audit, [
        '2026-11-01T00:00:00Z',
        'admin',
        boss,
        'employee.manager_changed',
        movedAway,
        { managerId: other },
      ]);
      await client.query(
        `INSERT INTO scim_user (employee_id, department, employee_number, locale, provisioned_at, updated_at)
         VALUES ($1, 'Payments', 'E-7', 'pt_BR', now(), now())`,
        [byScim],
      );
      await client.query(`DELETE FROM outbox`);
    });

    await migrate([...before, OutboxEventVersions1796890000000, ManagerSource1796900000000]);

    const { employees, outbox } = await withClient(database.url, async (client) => ({
      employees: (
        await client.query(`SELECT id, manager_source, department, employee_number, language FROM employee`)
      ).rows,
      outbox: (
        await client.query(
          `SELECT event_id, event_type, message_key, headers ->> 'ce_schemaversion' AS version, payload
             FROM outbox ORDER BY position`,
        )
      ).rows,
    }));
    const sourceOf = Object.fromEntries(employees.map((row) => [row.id, row.manager_source]));
    expect(sourceOf).toEqual({
      [boss]: null,
      [other]: null,
      [declared]: null,
      [byAdmin]: 'admin',
      [byScim]: 'scim',
      [movedAway]: null,
    });
    expect(employees.find((row) => row.id === byScim)).toMatchObject({
      department: 'Payments',
      employee_number: 'E-7',
      language: 'pt-BR',
    });

    const changes = outbox.filter((row) => row.event_type === 'EmployeeManagerChanged');
    expect(changes.map((row) => [row.message_key, row.version])).toEqual(
      expect.arrayContaining([
        [byAdmin, '1'],
        [byAdmin, '2'],
        [byScim, '1'],
        [byScim, '2'],
      ]),
    );
    expect(changes).toHaveLength(4);
    const versionsByEvent = new Map<string, string[]>();
    for (const row of changes)
      versionsByEvent.set(row.event_id, [...(versionsByEvent.get(row.event_id) ?? []), row.version]);
    expect([...versionsByEvent.values()]).toEqual([
      ['1', '2'],
      ['1', '2'],
    ]);
    const adminV2 = changes.find((row) => row.message_key === byAdmin && row.version === '2');
    expect(JSON.parse(adminV2.payload)).toMatchObject({
      employeeId: byAdmin,
      managerId: boss,
      previousManagerId: boss,
      managerSource: 'admin',
    });
    const records = outbox.filter((row) => row.event_type === 'EmployeeRecord');
    expect(records.map((row) => JSON.parse(row.payload).managerSource).sort()).toEqual(['admin', 'scim']);
  });
});
