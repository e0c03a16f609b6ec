import { randomUUID } from 'node:crypto';
import {
  CreateEmployeeReplica1764090000000,
  ReplicaManagerSource1796900000002,
} from '@vouch/employee-replica';
import { CreateMessagingTables1764028800000 } from '@vouch/messaging';
import { createTestDatabase, runMigrations, withClient, type TestDatabase } from '@vouch/testing';
import { CreateRecommendationsSchema1764100000000 } from '../src/migrations/1764100000000-create-recommendations-schema';
import { VerificationSource1796900000000 } from '../src/migrations/1796900000000-verification-source';
import { RecommendationTakedown1798100000000 } from '../src/migrations/1798100000000-recommendation-takedown';
import { ReciprocalBothWays1798300000000 } from '../src/migrations/1798300000000-reciprocal-both-ways';

describe('reciprocal flags from before both of a pair had them', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('recommendations_reciprocal');
  });

  afterAll(async () => {
    await database?.drop();
  });

  const migrate = (migrations: Array<new () => object>) => runMigrations(database.url, migrations);

  it('are set by the rule: both of a pair while neither is withdrawn or taken down', async () => {
    const before = [
      CreateMessagingTables1764028800000,
      CreateEmployeeReplica1764090000000,
      CreateRecommendationsSchema1764100000000,
      ReplicaManagerSource1796900000002,
      VerificationSource1796900000000,
      RecommendationTakedown1798100000000,
    ];
    await migrate(before);
    const [ana, ben, cy, dan, eve] = Array.from({ length: 5 }, () => randomUUID());
    const ids = {
      anaOfBen: randomUUID(), // earlier of a mutual pair: gains the flag
      benOfAna: randomUUID(), // later of it: keeps it
      anaOfCy: randomUUID(), // alone: stays unflagged
      danOfEve: randomUUID(), // later, whose earlier was withdrawn since: loses it
      eveOfDan: randomUUID(), // withdrawn: keeps what it had
    };
    await withClient(database.url, async (client) => {
      const insert = `INSERT INTO recommendation (id, author_id, subject_id, relationship, status, verified,
                                                  reciprocal, revisions, created_at, updated_at)
                      VALUES ($1, $2, $3, 'coworker', $4, false, $5, '[]', now(), now())`;
      await client.query(insert, [ids.anaOfBen, ana, ben, 'hidden', false]);
      await client.query(insert, [ids.benOfAna, ben, ana, 'pending', true]);
      await client.query(insert, [ids.anaOfCy, ana, cy, 'accepted', false]);
      await client.query(insert, [ids.eveOfDan, eve, dan, 'withdrawn', false]);
      await client.query(insert, [ids.danOfEve, dan, eve, 'accepted', true]);
    });

    await migrate([...before, ReciprocalBothWays1798300000000]);

    const rows = await withClient(
      database.url,
      async (client) =>
        (await client.query<{ id: string; reciprocal: boolean }>(`SELECT id, reciprocal FROM recommendation`))
          .rows,
    );
    expect(Object.fromEntries(rows.map((row) => [row.id, row.reciprocal]))).toEqual({
      [ids.anaOfBen]: true,
      [ids.benOfAna]: true,
      [ids.anaOfCy]: false,
      [ids.danOfEve]: false,
      [ids.eveOfDan]: false,
    });
  });
});
