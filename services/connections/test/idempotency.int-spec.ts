import { randomUUID } from 'node:crypto';
import type { ConnectionRequestView, Page } from '@vouch/contracts';
import { expireIdempotencyKeys, idempotencyKeyHeaders, storedIdempotencyKeys } from '@vouch/testing';
import { ConnectionsTestApp, type TestEmployee } from './support/connections-test-app';

type Answer = ConnectionRequestView & {
  title?: string;
  errors?: Array<{ field: string; message: string }>;
};

describe('Idempotency-Key on POST /v1/connection-requests', () => {
  let service: ConnectionsTestApp;

  beforeAll(async () => {
    service = await ConnectionsTestApp.start('idempotency');
  });

  afterAll(async () => {
    await service?.close();
  });

  const ask = (from: TestEmployee, to: TestEmployee, key?: string, message?: string) =>
    service.request<Answer>('POST', '/v1/connection-requests', {
      token: from.token,
      body: { toEmployeeId: to.id, ...(message === undefined ? {} : { message }) },
      headers: idempotencyKeyHeaders(key),
    });

  const outgoing = async (who: TestEmployee) =>
    (
      await service.request<Page<ConnectionRequestView>>(
        'GET',
        '/v1/connection-requests?direction=outgoing',
        {
          token: who.token,
        },
      )
    ).body.items.map((item) => item.id);

  it('replays the first answer to a retry with the same key and body, and asks once', async () => {
    const [ana, ben] = await service.hire({}, {});
    const key = randomUUID();

    const first = await ask(ana, ben, key, 'We shipped the launch together');
    const retry = await ask(ana, ben, key, 'We shipped the launch together');

    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await outgoing(ana)).toEqual([first.body.id]);
    expect(await storedIdempotencyKeys(service, ana)).toBe(1);
  });

  it('replays the 200 of asking back, not a 409 "already connected"', async () => {
    const [ana, ben] = await service.hire({}, {});
    expect((await ask(ben, ana)).status).toBe(201);
    const key = randomUUID();

    const accepted = await ask(ana, ben, key);
    const retry = await ask(ana, ben, key);

    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted');
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(accepted.body);
  });

  it('answers 422 to the same key with another body, and asks nothing more', async () => {
    const [ana, ben, cleo] = await service.hire({}, {}, {});
    const key = randomUUID();
    const first = await ask(ana, ben, key);

    const other = await ask(ana, cleo, key);

    expect(other.status).toBe(422);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(other.body).toMatchObject({ status: 422, title: 'Idempotency-Key reused' });
    expect(await outgoing(ana)).toEqual([first.body.id]);
  });

  it('lets one of five simultaneous requests with one key ask, and answers the others 409 or the replay', async () => {
    const [ana, ben] = await service.hire({}, {});
    const key = randomUUID();

    const answers = await Promise.all(Array.from({ length: 5 }, () => ask(ana, ben, key)));

    const asked = answers.filter(
      (answer) => answer.status === 201 && answer.headers.get('idempotent-replayed') === null,
    );
    expect(asked).toHaveLength(1);
    for (const answer of answers.filter((candidate) => !asked.includes(candidate))) {
      if (answer.status === 201) expect(answer.body.id).toBe(asked[0]?.body.id);
      else expect(answer.body).toMatchObject({ status: 409, title: 'Request in progress' });
    }
    expect(await outgoing(ana)).toEqual([asked[0]?.body.id]);
    expect(await storedIdempotencyKeys(service, ana)).toBe(1);
  });

  it('asks again once the key has expired', async () => {
    const [ana, ben] = await service.hire({}, {});
    const key = randomUUID();
    const first = await ask(ana, ben, key);
    expect(
      (await service.request('DELETE', `/v1/connection-requests/${first.body.id}`, { token: ana.token }))
        .status,
    ).toBe(204);

    await expireIdempotencyKeys(service, ana);
    const again = await ask(ana, ben, key);

    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    expect(again.body.id).not.toBe(first.body.id);
    expect(await outgoing(ana)).toEqual([again.body.id]);
  });

  it('refuses a malformed key with 400 naming the header', async () => {
    const [ana, ben] = await service.hire({}, {});

    const answer = await ask(ana, ben, 'k'.repeat(256));

    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([
      { field: 'Idempotency-Key', message: 'Idempotency-Key must be at most 255 characters' },
    ]);
    expect(await outgoing(ana)).toEqual([]);
  });
});
