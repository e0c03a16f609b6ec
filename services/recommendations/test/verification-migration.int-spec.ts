import { randomUUID } from 'node:crypto';
import {
  CreateEmployeeReplica1764090000000,
  ReplicaManagerSource1796900000002,
} from '@vouch/employee-replica';
import { CreateMessagingTables1764028800000 } from '@vouch/messaging';
import { createTestDatabase, runMigrations, withClient, type TestDatabase } from '@vouch/testing';
import { CreateRecommendationsSchema1764100000000 } from '../src/migrations/1764100000000-create-recommendations-schema';
import { VerificationSource1796900000000 } from '../src/migrations/1796900000000-verification-source';

describe('recommendations verified before manager links had a source', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('recommendations_verification');
  });

  afterAll(async () => {
    await database?.drop();
  });

  const migrate = (migrations: Array<new () => object>) => runMigrations(database.url, migrations);

  it('are all unverified, since a self-declared manager could have verified any of them', async () => {
    const before = [
      CreateMessagingTables1764028800000,
      CreateEmployeeReplica1764090000000,
      CreateRecommendationsSchema1764100000000,
    ];
    await migrate(before);
    const [verified, unverified] = [randomUUID(), randomUUID()];
    await withClient(database.url, async (client) => {
      const insert = `INSERT INTO recommendation (id, author_id, subject_id, relationship, status, verified,
                                                  reciprocal, revisions, created_at, updated_at)
                      VALUES ($1, $2, $3, 'supervisor', 'accepted', $4, false, '[]', now(), now())`;
      await client.query(insert, [verified, randomUUID(), randomUUID(), true]);
      await client.query(insert, [unverified, randomUUID(), randomUUID(), false]);
    });

    await migrate([...before, ReplicaManagerSource1796900000002, VerificationSource1796900000000]);

    const rows = await withClient(
      database.url,
      async (client) =>
        (await client.query(`SELECT id, verified, verified_by FROM recommendation ORDER BY verified_by, id`))
          .rows,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: verified, verified: false, verified_by: [] },
        { id: unverified, verified: false, verified_by: [] },
      ]),
    );
    // What the table now promises: verified exactly when someone the company trusts set the links.
    await expect(
      withClient(database.url, (client) =>
        client.query(`UPDATE recommendation SET verified = true WHERE id = $1`, [verified]),
      ),
    ).rejects.toThrow(/recommendation_verified_by/);
  });
});
