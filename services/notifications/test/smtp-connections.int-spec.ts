import { waitFor } from '@vouch/testing';
import { NotificationsTestApp } from './support/notifications-test-app';
import { ScriptedSmtpServer } from './support/scripted-smtp-server';

describe('pooled SMTP connections', () => {
  let smtp: ScriptedSmtpServer;
  let service: NotificationsTestApp;

  beforeAll(async () => {
    smtp = await ScriptedSmtpServer.start();
    service = await NotificationsTestApp.start('smtp_connections', {
      SMTP_URL: smtp.url,
      SMTP_MAX_MESSAGES_PER_CONNECTION: '2',
      SENDER_CONCURRENCY: '1',
    });
  });

  afterAll(async () => {
    await service?.close();
    await smtp?.close();
  });

  it('replaces a connection after SMTP_MAX_MESSAGES_PER_CONNECTION emails', async () => {
    const { addressee: dana, requesters } = await service.hireAddresseeAndRequesters(5);
    for (const requester of requesters) await service.askToConnect(requester, dana);

    const received = await waitFor(
      "Dana's five emails",
      async () => smtp.acceptedFor(dana.email),
      (messages) => messages.length >= 5,
    );
    const perConnection = new Map<string, number>();
    for (const { connection } of received)
      perConnection.set(connection, (perConnection.get(connection) ?? 0) + 1);
    expect(received).toHaveLength(5);
    expect(Math.max(...perConnection.values())).toBe(2);
    expect(perConnection.size).toBe(3);
  });
});
