import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Topics } from '@vouch/contracts';
import {
  Platform,
  findValuesInDatabase,
  readTopicToEnd,
  testInfrastructure,
  waitFor,
  waitForEmails,
  type Employee,
  type FoundValue,
  type ServiceName,
} from '@vouch/testing';

const SERVICES: readonly ServiceName[] = ['identity', 'connections', 'recommendations', 'notifications'];

interface ErasureBody {
  id: string;
  services: Record<string, { completedAt: string | null }>;
  completedAt: string | null;
}

/**
 * An erasure across the platform: identity erases its own data and publishes EmployeeErased, every
 * other service removes or anonymises what it holds and reports it done, and afterwards no table of
 * any service holds the person's name or email, but for what others wrote about them.
 */
describe('erasing a person across every service', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await Platform.start('e2e_erasure', SERVICES, {
      notifications: { SENDER_POLL_INTERVAL_MS: '100' },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function recommend(author: Employee, subject: Employee, text: string) {
    return platform.eventually<{ id: string }>(201, 'recommendations', 'POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship: 'coworker', text },
    });
  }

  it("leaves no table holding the person's name or email but others' words about them, and tombstones their record", async () => {
    const zoe = await platform.register(`Zoe ${randomUUID().slice(0, 8)} Quill`);
    const ben = await platform.register('Ben Ortiz');
    const cy = await platform.register('Cy Adebayo');
    await platform.setManager(zoe, ben);
    await platform.connect(ben, zoe);
    await platform.connect(zoe, cy);
    const aboutZoe = await recommend(
      ben,
      zoe,
      `${zoe.name} rebuilt our billing pipeline and taught the whole team how it works.`,
    );
    await recommend(zoe, ben, 'A patient reviewer whose feedback made every change I shipped better.');
    await platform.eventually(201, 'recommendations', 'POST', '/v1/recommendation-requests', {
      token: zoe.token,
      body: { recipientId: cy.id, relationship: 'coworker', message: 'Could you write about our migration?' },
    });
    // Emails went both ways: notifications has delivered to her and about her.
    await waitForEmails(zoe.email.toLowerCase(), 2);
    await waitForEmails(ben.email.toLowerCase(), 2);
    await waitForEmails(cy.email.toLowerCase(), 2);

    const admin = await platform.admin();
    const erasure = await platform.expectCall<ErasureBody>(
      202,
      'identity',
      'POST',
      `/v1/admin/employees/${zoe.id}/erasure`,
      { token: admin.token, body: { reason: 'DSR-2026-0042' } },
    );
    const done = await waitFor(
      'every service to report its part of the erasure',
      async () =>
        (
          await platform.call<ErasureBody>('identity', 'GET', `/v1/admin/erasures/${erasure.id}`, {
            token: admin.token,
          })
        ).body,
      (body) => body.completedAt !== null,
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    for (const service of SERVICES) expect(done.services[service]?.completedAt).toEqual(expect.any(String));

    const personal = [zoe.name, zoe.email.toLowerCase()];
    const found: Array<FoundValue & { service: ServiceName }> = [];
    for (const service of SERVICES)
      for (const value of await findValuesInDatabase(platform.databaseUrl(service), personal))
        found.push({ service, ...value });
    const othersWords = await othersWordsAbout(zoe, aboutZoe.id);
    expect(found.filter((value) => !othersWords(value))).toEqual([]);

    const records = (
      await readTopicToEnd(
        testInfrastructure().kafkaBrokers,
        `${platform.topicPrefix}${Topics.employeeRecords}`,
      )
    ).filter((message) => message.key?.toString() === zoe.id);
    expect(records.length).toBeGreaterThan(1);
    expect(records.at(-1)?.value).toBeNull();
  });

  /**
   * Whether a finding is the text Ben wrote about Zoe: her name (never her email) in the
   * recommendation's revisions, or in the outbox events of that recommendation, in recommendations.
   */
  async function othersWordsAbout(
    subject: Employee,
    recommendationId: string,
  ): Promise<(value: FoundValue & { service: ServiceName }) => boolean> {
    const client = new Client({ connectionString: platform.databaseUrl('recommendations') });
    await client.connect();
    try {
      const recommendations = await client.query<{ id: string; author_id: string; subject_id: string }>(
        `SELECT id, author_id, subject_id FROM recommendation WHERE strpos(revisions::text, $1) > 0`,
        [subject.name],
      );
      const events = await client.query<{ message_key: string }>(
        `SELECT message_key FROM outbox WHERE strpos(payload, $1) > 0`,
        [subject.name],
      );
      const onlyTheirWords =
        recommendations.rows.every((row) => row.id === recommendationId && row.author_id !== subject.id) &&
        events.rows.every((row) => row.message_key === recommendationId);
      return (value) =>
        onlyTheirWords &&
        value.service === 'recommendations' &&
        value.value === subject.name &&
        ((value.table === 'recommendation' && value.column === 'revisions') ||
          (value.table === 'outbox' && value.column === 'payload'));
    } finally {
      await client.end();
    }
  }
});
