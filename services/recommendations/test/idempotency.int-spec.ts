import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IdempotencyKeySweep } from '@vouch/platform';
import {
  expireIdempotencyKeys,
  idempotencyKeyHeaders,
  storedIdempotencyKeys,
  type HttpAnswer,
} from '@vouch/testing';
import { RecommendationsTestApp, SAMPLE_TEXT, type TestEmployee } from './support/recommendations-test-app';

interface Created {
  id: string;
  status?: string;
  title?: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

interface PageBody {
  items: Array<{ id: string }>;
}

describe('Idempotency-Key on the recommendations service', () => {
  let service: RecommendationsTestApp;

  beforeAll(async () => {
    service = await RecommendationsTestApp.start('idempotency');
  });

  afterAll(async () => {
    await service?.close();
  });

  async function connectedPair(): Promise<[TestEmployee, TestEmployee]> {
    const [a, b] = await service.hire({}, {});
    await service.connect([a, b]);
    return [a, b];
  }

  const write = (author: TestEmployee, subject: TestEmployee, key?: string, text = SAMPLE_TEXT) =>
    service.request<Created>('POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship: 'coworker', text },
      headers: idempotencyKeyHeaders(key),
    });

  const ask = (requester: TestEmployee, recipient: TestEmployee, key?: string, message?: string) =>
    service.request<Created>('POST', '/v1/recommendation-requests', {
      token: requester.token,
      body: { recipientId: recipient.id, relationship: 'coworker', ...(message ? { message } : {}) },
      headers: idempotencyKeyHeaders(key),
    });

  const given = async (author: TestEmployee) =>
    (
      await service.request<PageBody>('GET', '/v1/recommendations/given', { token: author.token })
    ).body.items.map((item) => item.id);

  const outgoing = async (requester: TestEmployee) =>
    (
      await service.request<PageBody>('GET', '/v1/recommendation-requests?direction=outgoing&status=all', {
        token: requester.token,
      })
    ).body.items.map((item) => item.id);

  describe('POST /v1/recommendations', () => {
    it('replays the first answer to a retry with the same key and body, and writes one recommendation', async () => {
      const [author, subject] = await connectedPair();
      const key = randomUUID();

      const first = await write(author, subject, key);
      const retry = await write(author, subject, `"${key}"`);

      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.headers.get('content-type')).toBe(first.headers.get('content-type'));
      expect(retry.body).toEqual(first.body);
      expect(await given(author)).toEqual([first.body.id]);
      expect(await storedIdempotencyKeys(service, author)).toBe(1);
    });

    it('answers 422 to the same key with another body, and writes nothing more', async () => {
      const [author, subject] = await connectedPair();
      const key = randomUUID();
      const first = await write(author, subject, key);

      const other = await write(author, subject, key, `${SAMPLE_TEXT} And she mentors.`);

      expect(other.status).toBe(422);
      expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(other.body).toMatchObject({ status: 422, title: 'Idempotency-Key reused' });
      expect(await given(author)).toEqual([first.body.id]);
    });

    it('lets one of five simultaneous requests with one key write, and answers the others 409 or the replay', async () => {
      const [author, subject] = await connectedPair();
      const key = randomUUID();

      const answers = await Promise.all(Array.from({ length: 5 }, () => write(author, subject, key)));

      const written = answers.filter(
        (answer) => answer.status === 201 && answer.headers.get('idempotent-replayed') === null,
      );
      const others = answers.filter((answer) => !written.includes(answer));
      expect(written).toHaveLength(1);
      for (const answer of others) {
        if (answer.status === 201) {
          expect(answer.headers.get('idempotent-replayed')).toBe('true');
          expect(answer.body.id).toBe(written[0]?.body.id);
        } else {
          expect(answer.status).toBe(409);
          expect(answer.body).toMatchObject({ title: 'Request in progress' });
        }
      }
      expect(await given(author)).toEqual([written[0]?.body.id]);
      expect(await storedIdempotencyKeys(service, author)).toBe(1);
    });

    it('runs the request again once its key has expired', async () => {
      const [author, subject] = await connectedPair();
      const key = randomUUID();
      const first = await write(author, subject, key);
      expect(
        (await service.request('DELETE', `/v1/recommendations/${first.body.id}`, { token: author.token }))
          .status,
      ).toBe(204);

      await expireIdempotencyKeys(service, author);
      const again = await write(author, subject, key);

      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBeNull();
      expect(again.body.id).not.toBe(first.body.id);
      expect(await storedIdempotencyKeys(service, author)).toBe(1);
    });

    it('replays a client error too: the retry of a refused request is refused the same way', async () => {
      const [author, stranger] = await service.hire({}, {});
      const key = randomUUID();

      const refused = await write(author, stranger, key);
      await service.connect([author, stranger]);
      const retry = await write(author, stranger, key);

      expect(refused.status).toBe(403);
      expect(retry.status).toBe(403);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(retry.body).toEqual(refused.body);
      expect(await write(author, stranger, randomUUID())).toMatchObject({ status: 201 });
    });

    it('keeps no answer when the request fails on our side (5xx): the retry with the key runs again', async () => {
      const [author, subject] = await connectedPair();
      const key = randomUUID();
      const database = service.get(DataSource);
      // A fault after the recommendation is written, in its transaction, as a crash before the commit.
      await database.query(`
        CREATE FUNCTION fail_recommendation() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'injected fault'; END $$`);
      await database.query(`
        CREATE TRIGGER fail_recommendation AFTER INSERT ON recommendation
        FOR EACH ROW WHEN (NEW.author_id = '${author.id}') EXECUTE FUNCTION fail_recommendation()`);
      let failed: HttpAnswer<Created>;
      try {
        failed = await write(author, subject, key);
      } finally {
        await database.query(`DROP TRIGGER fail_recommendation ON recommendation`);
        await database.query(`DROP FUNCTION fail_recommendation()`);
      }

      expect(failed.status).toBe(500);
      expect(await storedIdempotencyKeys(service, author)).toBe(0);
      const retry = await write(author, subject, key);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(await given(author)).toEqual([retry.body.id]);
      expect(await storedIdempotencyKeys(service, author)).toBe(1);
    });

    it('keeps keys apart per employee: the same key from two authors writes two recommendations', async () => {
      const [ana, ben, subject] = await service.hire({}, {}, {});
      await service.connect([ana, subject], [ben, subject]);
      const key = randomUUID();

      const fromAna = await write(ana, subject, key);
      const fromBen = await write(ben, subject, key);

      expect([fromAna.status, fromBen.status]).toEqual([201, 201]);
      expect(fromBen.headers.get('idempotent-replayed')).toBeNull();
      expect(fromBen.body.id).not.toBe(fromAna.body.id);
    });

    it('works as before without the header: a second write is the 409 it always was', async () => {
      const [author, subject] = await connectedPair();

      expect((await write(author, subject)).status).toBe(201);
      const second = await write(author, subject);

      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ title: 'Already recommended' });
      expect(await storedIdempotencyKeys(service, author)).toBe(0);
    });

    it.each([
      ['empty', '""', 'Idempotency-Key must not be empty'],
      ['too long', 'k'.repeat(256), 'Idempotency-Key must be at most 255 characters'],
      ['badly quoted', '"abc', 'Idempotency-Key must be a quoted string or a bare value'],
    ])(
      'refuses a key that is %s with 400 naming the header, and writes nothing',
      async (_case, key, message) => {
        const [author, subject] = await connectedPair();

        const answer: HttpAnswer<Created> = await write(author, subject, key);

        expect(answer.status).toBe(400);
        expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(answer.body.errors).toEqual([{ field: 'Idempotency-Key', message }]);
        expect(await given(author)).toEqual([]);
      },
    );
  });

  describe('POST /v1/recommendation-requests', () => {
    it('replays the first answer to a retry with the same key and body, and asks once', async () => {
      const [requester, recipient] = await connectedPair();
      const key = randomUUID();

      const first = await ask(requester, recipient, key, 'About the launch?');
      const retry = await ask(requester, recipient, key, 'About the launch?');

      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body).toEqual(first.body);
      expect(await outgoing(requester)).toEqual([first.body.id]);
      expect(await storedIdempotencyKeys(service, requester)).toBe(1);
    });

    it('answers 422 to the same key with another body', async () => {
      const [requester, recipient] = await connectedPair();
      const key = randomUUID();
      const first = await ask(requester, recipient, key, 'About the launch?');

      const other = await ask(requester, recipient, key, 'About the migration?');

      expect(other.status).toBe(422);
      expect(await outgoing(requester)).toEqual([first.body.id]);
    });

    it('lets one of five simultaneous requests with one key ask, and answers the others 409 or the replay', async () => {
      const [requester, recipient] = await connectedPair();
      const key = randomUUID();

      const answers = await Promise.all(Array.from({ length: 5 }, () => ask(requester, recipient, key)));

      const asked = answers.filter(
        (answer) => answer.status === 201 && answer.headers.get('idempotent-replayed') === null,
      );
      expect(asked).toHaveLength(1);
      for (const answer of answers.filter((candidate) => !asked.includes(candidate)))
        expect(
          answer.status === 409 ||
            (answer.status === 201 && answer.headers.get('idempotent-replayed') === 'true'),
        ).toBe(true);
      expect(await outgoing(requester)).toEqual([asked[0]?.body.id]);
      expect(await storedIdempotencyKeys(service, requester)).toBe(1);
    });

    it('asks again once the key has expired, and the sweep forgets expired keys', async () => {
      const [requester, recipient] = await connectedPair();
      const key = randomUUID();
      const first = await ask(requester, recipient, key);
      expect(
        (
          await service.request('DELETE', `/v1/recommendation-requests/${first.body.id}`, {
            token: requester.token,
          })
        ).status,
      ).toBe(204);

      await expireIdempotencyKeys(service, requester);
      const again = await ask(requester, recipient, key);

      expect(again.status).toBe(201);
      expect(again.body.id).not.toBe(first.body.id);
      expect(await storedIdempotencyKeys(service, requester)).toBe(1);

      await expireIdempotencyKeys(service, requester);
      await service.get(IdempotencyKeySweep).sweepOnce();
      expect(await storedIdempotencyKeys(service, requester)).toBe(0);
    });
  });
});
