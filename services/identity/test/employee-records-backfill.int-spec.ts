import { randomUUID } from 'node:crypto';
import { CreateMessagingTables1764028800000 } from '@vouch/messaging';
import { createTestDatabase, runMigrations, withClient, type TestDatabase } from '@vouch/testing';
import { CreateEmployees1764100000000 } from '../src/migrations/1764100000000-create-employees';
import { PublishEmployeeRecords1796500000000 } from '../src/migrations/1796500000000-publish-employee-records';

describe('the compacted topic of employee records, on an installation older than it', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('identity_backfill');
  });

  afterAll(async () => {
    await database?.drop();
  });

  const migrate = (migrations: Array<new () => object>) => runMigrations(database.url, migrations);

  it('starts with the current record of every employee registered before it existed', async () => {
    await migrate([CreateMessagingTables1764028800000, CreateEmployees1764100000000]);
    const [boss, ana] = [randomUUID(), randomUUID()];
    await withClient(database.url, async (client) => {
      const insert = `INSERT INTO employee (id, email, password_hash, name, title, location, skills, manager_id,
                                            registered_at, updated_at, deactivated_at)
                      VALUES ($1, $2, 'hash', $3, $4, $5, $6, $7, $8, $8, $9)`;
      await client.query(insert, [
        boss,
        'rui@acme.com',
        'Rui Costa',
        null,
        null,
        '[]',
        null,
        '2026-01-05T09:00:00Z',
        '2026-03-01T00:00:00Z',
      ]);
      await client.query(insert, [
        ana,
        'ana@acme.com',
        'Ana Lima',
        'Engineer',
        'Lisbon',
        '["Go"]',
        boss,
        '2026-02-01T09:00:00Z',
        null,
      ]);
    });

    await migrate([
      CreateMessagingTables1764028800000,
      CreateEmployees1764100000000,
      PublishEmployeeRecords1796500000000,
    ]);

    const outbox = await withClient(
      database.url,
      async (client) =>
        (await client.query(`SELECT event_type, topic, message_key, payload FROM outbox ORDER BY position`))
          .rows,
    );
    expect(outbox.map((row) => [row.event_type, row.topic, row.message_key])).toEqual([
      ['EmployeeRecord', 'vouch.identity.employee-records.v1', boss],
      ['EmployeeRecord', 'vouch.identity.employee-records.v1', ana],
    ]);
    expect(JSON.parse(outbox[1].payload)).toEqual({
      employeeId: ana,
      email: 'ana@acme.com',
      name: 'Ana Lima',
      title: 'Engineer',
      headline: null,
      location: 'Lisbon',
      timeZone: null,
      language: null,
      managerId: boss,
      managerSource: null,
      active: true,
      completeness: expect.any(Number),
      registeredAt: '2026-02-01T09:00:00.000Z',
      deactivatedAt: null,
      updatedAt: '2026-02-01T09:00:00.000Z',
    });
    expect(JSON.parse(outbox[0].payload)).toMatchObject({
      active: false,
      deactivatedAt: '2026-03-01T00:00:00.000Z',
    });
  });
});
