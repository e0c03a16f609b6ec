import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KafkaMessage } from 'kafkajs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { TopicDefinitions } from '@vouch/contracts';
import { Platform, testInfrastructure, testKafka, uniqueName, waitFor, type Employee } from '@vouch/testing';
import { EventContractValidator, messageNameOf } from './event-contract-support/event-contract-validator';

const ROOT = join(__dirname, '..');

/** What the scenario below makes the services publish: each must come off the topics, valid. */
const EXPECTED_MESSAGES = [
  'EmployeeRegistered.v1',
  'EmployeeProfileUpdated.v1',
  'EmployeeManagerChanged.v1',
  'EmployeeManagerChanged.v2',
  'EmployeeDeactivated.v1',
  'EmployeeReactivated.v1',
  'EmployeeRecord.v1',
  'ConnectionRequested.v1',
  'ConnectionAccepted.v1',
  'ConnectionDeclined.v1',
  'ConnectionRequestWithdrawn.v1',
  'ConnectionRequestCancelled.v1',
  'ConnectionRemoved.v1',
  'RecommendationRequested.v1',
  'RecommendationRequestDeclined.v1',
  'RecommendationRequestWithdrawn.v1',
  'RecommendationRequestExpired.v1',
  'RecommendationRequestFulfilled.v1',
  'RecommendationGiven.v1',
  'RecommendationRevisionRequested.v1',
  'RecommendationRevised.v1',
  'RecommendationAccepted.v1',
  'RecommendationHidden.v1',
  'RecommendationWithdrawn.v1',
  'RecommendationTakenDown.v1',
  'RecommendationReciprocated.v1',
  'RecommendationReciprocityEnded.v1',
  'EmailSent.v1',
];

interface Received {
  topic: string;
  message: KafkaMessage;
}

/**
 * The four services publish, through HTTP, as many kinds of events as a short scenario makes; every
 * message on their topics is then checked as a consumer written in another language would check it:
 * against the committed docs/asyncapi.yaml and docs/events/ alone.
 */
describe('the events the platform publishes, against the committed contract documents', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await Platform.start(
      'e2e_event_contract',
      ['identity', 'connections', 'recommendations', 'notifications'],
      { notifications: { SENDER_POLL_INTERVAL_MS: '100' } },
    );
  });

  afterAll(async () => {
    await platform?.stop();
  });

  function text(author: Employee): string {
    return `${author.name} here: a calm, careful colleague who explains their choices and follows through.`;
  }

  /** A connection request, made as soon as connections knows both employees. */
  function requestConnection(requester: Employee, addressee: Employee) {
    return platform.eventually<{ id: string }>(201, 'connections', 'POST', '/v1/connection-requests', {
      token: requester.token,
      body: { toEmployeeId: addressee.id },
    });
  }

  /** A request for a recommendation, made as soon as recommendations knows the two are connected. */
  function ask(requester: Employee, recipient: Employee) {
    return platform.eventually<{ id: string }>(
      201,
      'recommendations',
      'POST',
      '/v1/recommendation-requests',
      {
        token: requester.token,
        body: { recipientId: recipient.id, relationship: 'coworker' },
      },
    );
  }

  /** A recommendation, written as soon as recommendations knows the two are connected. */
  function recommend(author: Employee, subject: Employee, requestId?: string) {
    return platform.eventually<{ id: string }>(201, 'recommendations', 'POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship: 'coworker', text: text(author), requestId },
    });
  }

  /** Every message on the platform's topics so far, once `done` says enough came (or 30 s passed). */
  async function readTopics(done: (received: Received[]) => boolean): Promise<Received[]> {
    const { kafkaBrokers } = testInfrastructure();
    const kafka = testKafka(kafkaBrokers);
    const admin = kafka.admin();
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    await admin.disconnect();
    const topics = TopicDefinitions.map((topic) => `${platform.topicPrefix}${topic.name}`).filter((topic) =>
      existing.has(topic),
    );
    const consumer = kafka.consumer({ groupId: uniqueName('contract_reader') });
    const received: Received[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, message }) => {
          received.push({ topic: topic.slice(platform.topicPrefix.length), message });
        },
      });
      // Out of time, what came is checked all the same: the assertions say what is missing.
      await waitFor('the expected messages', async () => received, done, { timeoutMs: 30_000 }).catch(
        () => undefined,
      );
      return received;
    } finally {
      await consumer.disconnect();
    }
  }

  it('publishes every event valid against its JSON Schema and its AsyncAPI message, headers and all', async () => {
    const admin = await platform.admin();
    const [ana, ben, cy, dan, eve] = await Promise.all(
      ['Ana Lima', 'Ben Okafor', 'Cy Park', 'Dan Reyes', 'Eve Novak'].map((name) => platform.register(name)),
    );

    await platform.expectCall(200, 'identity', 'PATCH', '/v1/employees/me', {
      token: ana.token,
      body: { headline: 'Payments, end to end' },
    });
    await platform.expectCall(200, 'identity', 'PUT', `/v1/employees/${ben.id}/manager`, {
      token: admin.token,
      body: { managerId: ana.id },
    });

    await Promise.all([platform.connect(ana, ben), platform.connect(ana, dan), platform.connect(eve, ana)]);
    const toCy = await requestConnection(ana, cy);
    await platform.expectCall(200, 'connections', 'POST', `/v1/connection-requests/${toCy.id}/decline`, {
      token: cy.token,
    });
    const fromBen = await requestConnection(ben, cy);
    await platform.expectCall(204, 'connections', 'DELETE', `/v1/connection-requests/${fromBen.id}`, {
      token: ben.token,
    });
    await platform.expectCall(204, 'connections', 'DELETE', `/v1/connections/${ana.id}`, {
      token: eve.token,
    });
    // Pending when Dan is deactivated: cancelled then.
    await requestConnection(dan, cy);

    const declined = await ask(ben, ana);
    await platform.expectCall(
      200,
      'recommendations',
      'POST',
      `/v1/recommendation-requests/${declined.id}/decline`,
      { token: ana.token },
    );
    const withdrawn = await ask(ana, ben);
    await platform.expectCall(
      204,
      'recommendations',
      'DELETE',
      `/v1/recommendation-requests/${withdrawn.id}`,
      { token: ana.token },
    );
    const anasRecommendation = await recommend(ana, ben);
    await platform.expectCall(
      200,
      'recommendations',
      'POST',
      `/v1/recommendations/${anasRecommendation.id}/request-revision`,
      { token: ben.token, body: { message: 'Could you mention the migration?' } },
    );
    await platform.expectCall(200, 'recommendations', 'PUT', `/v1/recommendations/${anasRecommendation.id}`, {
      token: ana.token,
      body: { text: `${text(ana)} We led the migration together.` },
    });
    await platform.expectCall(
      200,
      'recommendations',
      'POST',
      `/v1/recommendations/${anasRecommendation.id}/accept`,
      { token: ben.token },
    );
    const bensRecommendation = await recommend(ben, ana);
    await platform.expectCall(
      200,
      'recommendations',
      'POST',
      `/v1/recommendations/${bensRecommendation.id}/hide`,
      { token: ana.token },
    );
    await platform.expectCall(
      200,
      'recommendations',
      'POST',
      `/v1/recommendations/${bensRecommendation.id}/takedown`,
      { token: admin.token, body: { reason: 'It names a customer who asked not to be named.' } },
    );
    const fulfilled = await ask(ana, dan);
    const dansRecommendation = await recommend(dan, ana, fulfilled.id);
    await platform.expectCall(
      204,
      'recommendations',
      'DELETE',
      `/v1/recommendations/${dansRecommendation.id}`,
      { token: dan.token },
    );
    // Pending when Dan is deactivated: expired then.
    await ask(dan, ana);

    await platform.expectCall(200, 'identity', 'POST', `/v1/employees/${dan.id}/deactivate`, {
      token: admin.token,
    });
    await platform.expectCall(200, 'identity', 'POST', `/v1/employees/${dan.id}/reactivate`, {
      token: admin.token,
    });

    const received = await readTopics((sofar) => {
      const seen = new Set(sofar.map(({ message }) => messageNameOf(message)));
      return EXPECTED_MESSAGES.every((name) => seen.has(name));
    });

    const validator = EventContractValidator.fromCommittedDocuments(ROOT);
    const problems = received.flatMap(({ topic, message }) =>
      validator.check(message).problems.map((problem) => `${topic}@${message.offset}: ${problem}`),
    );
    // A consumer of RecommendationAccepted v1 as it was before fields were added within v1 still
    // accepts what is published now (docs/schema-evolution.md).
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    const validBeforeStateFields = ajv.compile(
      JSON.parse(
        readFileSync(
          join(ROOT, 'tools/contract/fixtures/RecommendationAccepted.v1.at-a14e9ea.schema.json'),
          'utf8',
        ),
      ) as object,
    );
    const accepted = received.filter(({ message }) => messageNameOf(message) === 'RecommendationAccepted.v1');
    const refusedYesterday = accepted.filter(
      ({ message }) => !validBeforeStateFields(JSON.parse(message.value?.toString() ?? 'null')),
    );
    // During the move to v2, each manager change is one event in both versions: one id, one key.
    const managerChangeVersions = new Map<string, string[]>();
    for (const { message } of received) {
      const name = messageNameOf(message);
      if (!name?.startsWith('EmployeeManagerChanged.')) continue;
      const id = `${String(message.headers?.ce_id)} ${String(message.key)}`;
      managerChangeVersions.set(id, [...(managerChangeVersions.get(id) ?? []), name]);
    }
    const seen = [...new Set(received.map(({ message }) => messageNameOf(message) ?? '(unnamed)'))].sort();
    console.info(`${received.length} messages of ${seen.length} kinds, each checked: ${seen.join(', ')}`);

    expect(problems).toEqual([]);
    expect(seen).toEqual(expect.arrayContaining(EXPECTED_MESSAGES));
    expect(accepted).not.toHaveLength(0);
    expect([...managerChangeVersions.values()]).toEqual([
      ['EmployeeManagerChanged.v1', 'EmployeeManagerChanged.v2'],
    ]);
    expect(refusedYesterday).toEqual([]);
  });
});
