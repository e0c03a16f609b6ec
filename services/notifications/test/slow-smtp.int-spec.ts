import { NotificationsTestApp } from './support/notifications-test-app';
import { ScriptedSmtpServer } from './support/scripted-smtp-server';

/** The shortest lease the service takes: its SMTP timeouts are a quarter of it, 1 s. */
const LEASE_MS = 4_000;

describe('sending through a slow SMTP server', () => {
  let smtp: ScriptedSmtpServer;
  let service: NotificationsTestApp;

  beforeAll(async () => {
    smtp = await ScriptedSmtpServer.start();
    service = await NotificationsTestApp.start('slow_smtp', {
      SMTP_URL: smtp.url,
      SENDER_CONCURRENCY: '2',
      SENDER_BATCH_SIZE: '10',
      SENDER_LEASE_MS: String(LEASE_MS),
    });
  });

  afterAll(async () => {
    await service?.close();
    await smtp?.close();
  });

  it('sends each email once when a claim takes longer to send than its lease', async () => {
    // 0.7 s per message, under the 1 s timeouts: a lane's claim of 10 would take 7 s, its lease 4.
    smtp.acceptAfterMs = 700;
    const { addressee: dana, requesters } = await service.hireAddresseeAndRequesters(9);
    for (const requester of requesters) await service.askToConnect(requester, dana);

    const deliveries = await service.finishedDeliveriesOf(dana, requesters.length);

    expect(deliveries.map((delivery) => delivery.status)).toEqual(requesters.map(() => 'sent'));
    const messageIds = smtp
      .acceptedFor(dana.email)
      .map((message) => /^Message-ID: (.+)$/im.exec(message.raw)?.[1]?.trim());
    expect(messageIds).toHaveLength(requesters.length);
    expect(new Set(messageIds).size).toBe(requesters.length);
  });
});
