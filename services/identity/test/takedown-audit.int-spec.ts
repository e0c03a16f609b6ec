import { randomUUID } from 'node:crypto';
import { Partitioners } from 'kafkajs';
import {
  createEvent,
  RecommendationTakenDownV1,
  toKafkaRecord,
  Topics,
  type CloudEvent,
  type EventData,
} from '@vouch/contracts';
import { createTopic, testInfrastructure, testKafka, waitFor } from '@vouch/testing';
import { IdentityApp, type RegisteredEmployee } from './identity-app';

interface AuditEntryBody {
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  action: string;
  employeeId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

type Takedown = EventData<typeof RecommendationTakenDownV1>;

/** recommendations' takedowns in identity's audit log: from RecommendationTakenDown, once each. */
describe('recommendations taken down, in the audit log', () => {
  const { kafkaBrokers } = testInfrastructure();
  let identity: IdentityApp;
  let admin: RegisteredEmployee;
  let hr: RegisteredEmployee;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_takedown_audit');
    admin = await identity.admin();
    const hana = await identity.register({ name: 'Hana HR' });
    const grant = await identity.call('PUT', `/v1/admin/employees/${hana.id}/hr-role`, {
      token: admin.token,
    });
    expect(grant.status).toBe(200);
    // Signed in again, so that her token carries the role.
    hr = { ...hana, token: String((await identity.login(hana.email, hana.password)).body['accessToken']) };
  });

  afterAll(async () => {
    await identity?.stop();
  });

  function takedown(fields: Pick<Takedown, 'authorId' | 'subjectId' | 'takenDownBy'> & Partial<Takedown>) {
    const data: Takedown = {
      recommendationId: randomUUID(),
      reason: 'Names a colleague who is not part of it.',
      takenDownAt: '2026-12-07T09:30:00.000Z',
      ...fields,
    };
    return createEvent(RecommendationTakenDownV1, {
      source: '/vouch/recommendations',
      subject: data.recommendationId,
      data,
    });
  }

  /**
   * Publishes events as recommendations does, all to one partition so that they are consumed in
   * this order: an event sent again is a redelivery, as after a consumer's crash.
   */
  async function publish(...events: CloudEvent[]): Promise<void> {
    const topic = `${identity.topicPrefix}${Topics.recommendations}`;
    await createTopic(kafkaBrokers, topic);
    const producer = testKafka(kafkaBrokers).producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({
        topic,
        acks: -1,
        messages: events.map((event) => ({ ...toKafkaRecord(event), partition: 0 })),
      });
    } finally {
      await producer.disconnect();
    }
  }

  async function takedownsAbout(employeeId: string): Promise<AuditEntryBody[]> {
    const answer = await identity.call<{ items: AuditEntryBody[] }>(
      'GET',
      `/v1/admin/audit-log?employeeId=${employeeId}&action=recommendation.taken_down`,
      { token: hr.token },
    );
    expect(answer.status).toBe(200);
    return answer.body.items;
  }

  const recorded = (employeeId: string, count: number) =>
    waitFor(
      `${count} takedowns about ${employeeId} in the audit log`,
      () => takedownsAbout(employeeId),
      (entries) => entries.length >= count,
    );

  it('records a takedown about its subject, by HR or an admin as identity knows them, once even when delivered again', async () => {
    const [author, subject, other] = [
      await identity.register(),
      await identity.register(),
      await identity.register(),
    ];
    const byHr = takedown({ authorId: author.id, subjectId: subject.id, takenDownBy: hr.id });
    const byAdmin = takedown({
      authorId: other.id,
      subjectId: subject.id,
      takenDownBy: admin.id,
      reason: 'Asked for by the subject.',
      takenDownAt: '2026-12-07T10:00:00.000Z',
    });
    // The last one tells that the redelivery before it was consumed.
    const last = takedown({
      authorId: other.id,
      subjectId: subject.id,
      takenDownBy: hr.id,
      takenDownAt: '2026-12-07T11:00:00.000Z',
    });

    await publish(byHr, byAdmin, byHr, last);

    const entries = await recorded(subject.id, 3);
    expect(entries).toEqual([
      expect.objectContaining({
        actorType: 'hr',
        after: expect.objectContaining({ recommendationId: last.data.recommendationId }),
      }),
      {
        id: expect.any(String),
        occurredAt: '2026-12-07T10:00:00.000Z',
        actorType: 'admin',
        actorId: admin.id,
        action: 'recommendation.taken_down',
        employeeId: subject.id,
        before: {},
        after: {
          recommendationId: byAdmin.data.recommendationId,
          authorId: other.id,
          reason: 'Asked for by the subject.',
        },
      },
      {
        id: expect.any(String),
        occurredAt: '2026-12-07T09:30:00.000Z',
        actorType: 'hr',
        actorId: hr.id,
        action: 'recommendation.taken_down',
        employeeId: subject.id,
        before: {},
        after: {
          recommendationId: byHr.data.recommendationId,
          authorId: author.id,
          reason: 'Names a colleague who is not part of it.',
        },
      },
    ]);
    const byActor = await identity.call<{ items: AuditEntryBody[] }>(
      'GET',
      `/v1/admin/audit-log?actorType=admin&action=recommendation.taken_down&employeeId=${subject.id}`,
      { token: admin.token },
    );
    expect(byActor.body.items.map((entry) => entry.actorId)).toEqual([admin.id]);
  });

  it("redacts a takedown's reason when its subject or its author is erased, and keeps the ids", async () => {
    const [author, subject, bystander] = [
      await identity.register(),
      await identity.register(),
      await identity.register(),
    ];
    const aboutErasedSubject = takedown({
      authorId: bystander.id,
      subjectId: subject.id,
      takenDownBy: hr.id,
    });
    const byErasedAuthor = takedown({ authorId: author.id, subjectId: bystander.id, takenDownBy: hr.id });
    const untouched = takedown({
      authorId: bystander.id,
      subjectId: bystander.id,
      takenDownBy: hr.id,
      reason: 'Off topic.',
    });
    await publish(aboutErasedSubject, byErasedAuthor, untouched);
    await recorded(subject.id, 1);
    await recorded(bystander.id, 2);

    for (const person of [subject, author])
      expect(
        (
          await identity.call('POST', `/v1/admin/employees/${person.id}/erasure`, {
            token: admin.token,
            body: { reason: 'DSR-77' },
          })
        ).status,
      ).toBe(202);

    expect((await takedownsAbout(subject.id)).map((entry) => entry.after)).toEqual([
      {
        recommendationId: aboutErasedSubject.data.recommendationId,
        authorId: bystander.id,
        reason: '[redacted]',
      },
    ]);
    const aboutBystander = await takedownsAbout(bystander.id);
    expect(aboutBystander.map((entry) => entry.after)).toEqual(
      expect.arrayContaining([
        { recommendationId: byErasedAuthor.data.recommendationId, authorId: author.id, reason: '[redacted]' },
        { recommendationId: untouched.data.recommendationId, authorId: bystander.id, reason: 'Off topic.' },
      ]),
    );
  });
});
