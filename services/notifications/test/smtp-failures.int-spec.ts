import { randomUUID } from 'node:crypto';
import { ConnectionRequestedV1, Topics, type CloudEvent } from '@vouch/contracts';
import { waitFor } from '@vouch/testing';
import { ALL_ON, NotificationsTestApp, type TestEmployee } from './support/notifications-test-app';
import { ScriptedSmtpServer } from './support/scripted-smtp-server';

describe('sending through an SMTP server that refuses', () => {
  let smtp: ScriptedSmtpServer;
  let service: NotificationsTestApp;

  beforeAll(async () => {
    smtp = await ScriptedSmtpServer.start();
    service = await NotificationsTestApp.start('smtp_failures', {
      SMTP_URL: smtp.url,
      SENDER_MAX_ATTEMPTS: '3',
      // Retries at least half a second apart: room for a recipient to change their mind in between.
      SENDER_RETRY_INITIAL_DELAY_MS: '1000',
      SENDER_RETRY_MAX_DELAY_MS: '2000',
    });
  });

  afterAll(async () => {
    await service?.close();
    await smtp?.close();
  });

  /** Asks `addressee` to connect; returns the event that causes the email. */
  const emailTo = async (addressee: TestEmployee): Promise<CloudEvent> => {
    const [requester] = (await service.hire('Ana Lima')) as [TestEmployee];
    return service.askToConnect(requester, addressee);
  };

  /** The delivery's outcome, from the delivery log and from its event on Kafka. */
  const outcomeOf = async (recipient: TestEmployee, causationEventId: string) => {
    const [delivery] = await service.finishedDeliveriesOf(recipient);
    expect(delivery?.eventId).toBe(causationEventId);
    const [event] = await service.eventsAbout(Topics.deliveries, delivery?.id ?? '');
    if (!delivery || !event) throw new Error('no outcome');
    return { delivery, event };
  };

  it('retries a temporary 4xx refusal with backoff until the email is delivered, once', async () => {
    const [ben] = (await service.hire('Ben Okafor')) as [TestEmployee];
    smtp.refuse(ben.email, [421, 421]);

    const event = await emailTo(ben);
    const { delivery, event: outcome } = await outcomeOf(ben, event.id);

    expect(delivery).toMatchObject({ status: 'sent', attempts: 3 });
    expect(outcome.type).toBe('EmailSent');
    expect(outcome.data).toMatchObject({
      recipientId: ben.id,
      template: 'connection-requested',
      attempts: 3,
    });
    expect(smtp.acceptedFor(ben.email)).toHaveLength(1);
  });

  it('fails a permanent 5xx refusal at once, without retrying', async () => {
    const [cleo] = (await service.hire('Cleo Park')) as [TestEmployee];
    smtp.refuse(cleo.email, [550, 550, 550]);

    const event = await emailTo(cleo);
    const { delivery, event: outcome } = await outcomeOf(cleo, event.id);

    expect(delivery).toMatchObject({ status: 'failed', attempts: 1 });
    expect(delivery.lastError).toContain('550');
    expect(outcome.type).toBe('EmailFailed');
    expect(outcome.data).toMatchObject({ recipientId: cleo.id, permanent: true, attempts: 1 });
    expect(String((outcome.data as { reason: string }).reason)).toContain('550');
    expect(smtp.attempts.get(cleo.email)).toBe(1);
  });

  it('gives up a temporary refusal after the attempt limit, as not permanent', async () => {
    const [dan] = (await service.hire('Dan Reyes')) as [TestEmployee];
    smtp.refuse(dan.email, [421, 421, 421, 421]);

    const event = await emailTo(dan);
    const { delivery, event: outcome } = await outcomeOf(dan, event.id);

    expect(delivery).toMatchObject({ status: 'failed', attempts: 3 });
    expect(outcome.type).toBe('EmailFailed');
    expect(outcome.data).toMatchObject({ recipientId: dan.id, permanent: false, attempts: 3 });
    expect(smtp.acceptedFor(dan.email)).toHaveLength(0);
  });

  it('does not retry an email its recipient switched off after the first attempt', async () => {
    const [gia] = (await service.hire('Gia Russo')) as [TestEmployee];
    smtp.refuse(gia.email, [421, 421]);

    await emailTo(gia);
    await waitFor(
      'the first attempt',
      async () => smtp.attempts.get(gia.email) ?? 0,
      (attempts) => attempts >= 1,
    );
    const switchedOff = await service.request('PUT', '/v1/notification-preferences', {
      token: gia.token,
      body: {
        categories: { ...ALL_ON, connection_requests: false },
        digest: 'off',
        unsubscribedAll: false,
      },
    });
    expect(switchedOff.status).toBe(200);

    const [delivery] = await service.finishedDeliveriesOf(gia);
    expect(delivery).toMatchObject({
      status: 'skipped',
      attempts: 1,
      lastError: 'the recipient switched connection_requests emails off',
    });
    expect(smtp.attempts.get(gia.email)).toBe(1);
    expect(smtp.acceptedFor(gia.email)).toHaveLength(0);
  });

  it("sends a retry to the recipient's new address when their work email changed after the first attempt", async () => {
    const [hal] = (await service.hire('Hal Berg')) as [TestEmployee];
    smtp.refuse(hal.email, [421, 421]);

    const event = await emailTo(hal);
    await waitFor(
      'the first attempt',
      async () => smtp.attempts.get(hal.email) ?? 0,
      (attempts) => attempts >= 1,
    );
    const moved = await service.changeEmail(hal, `${randomUUID()}@example.com`);

    const { delivery, event: outcome } = await outcomeOf(moved, event.id);
    expect(delivery.status).toBe('sent');
    expect(outcome.type).toBe('EmailSent');
    expect(smtp.acceptedFor(moved.email)).toHaveLength(1);
    expect(smtp.acceptedFor(hal.email)).toHaveLength(0);
  });

  it('reports the backlog, outcomes by template, SMTP latency and the event backbone in its metrics', async () => {
    const [eve, finn] = (await service.hire('Eve Novak', 'Finn Berg')) as [TestEmployee, TestEmployee];
    smtp.refuse(eve.email, [550]);
    await emailTo(eve);
    await emailTo(finn);
    await service.finishedDeliveriesOf(eve);
    await service.finishedDeliveriesOf(finn);
    // An event no handler can accept is dead-lettered, and counted.
    const valid = await emailTo(finn);
    await service.redeliver(ConnectionRequestedV1, {
      ...valid,
      id: randomUUID(),
      data: { connectionId: 42 },
    });

    const deadLettered =
      /^messaging_dead_letters_total\{topic="vouch\.connections\.connections\.v1",reason="invalid-data"\} 1$/m;
    const metrics = await waitFor(
      'the dead letter to be counted',
      () => fetch(`${service.baseUrl}/metrics`).then((response) => response.text()),
      (text) => deadLettered.test(text),
    );

    expect(metrics).toMatch(/^notifications_deliveries_pending \d+$/m);
    expect(metrics).toMatch(/^notifications_oldest_pending_delivery_age_seconds [\d.]+$/m);
    expect(metrics).toMatch(/^notifications_emails_sent_total\{template="connection-requested"\} [1-9]/m);
    expect(metrics).toMatch(/^notifications_emails_failed_total\{template="connection-requested"\} [1-9]/m);
    expect(metrics).toMatch(/^notifications_emails_skipped_total\{template="connection-requested"\} [1-9]/m);
    expect(metrics).toMatch(/^notifications_smtp_send_duration_seconds_count\{outcome="sent"\} [1-9]/m);
    expect(metrics).toMatch(/^notifications_smtp_send_duration_seconds_count\{outcome="refused"\} [1-9]/m);
    expect(metrics).toMatch(
      /^messaging_consumer_lag\{topic="vouch\.connections\.connections\.v1",partition="\d"\} 0$/m,
    );
    expect(metrics).toMatch(/^messaging_outbox_unpublished \d+$/m);
  });
});
