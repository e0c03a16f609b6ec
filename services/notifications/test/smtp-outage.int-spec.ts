import { setTimeout as sleep } from 'node:timers/promises';
import { SmtpProxy, waitFor } from '@vouch/testing';
import { NotificationsTestApp } from './support/notifications-test-app';
import { ScriptedSmtpServer } from './support/scripted-smtp-server';

/** Outage pauses of this test: 500 ms doubling to 1 s, with jitter; each email's own retries 50 to 200 ms apart. */
const PAUSE = { first: 500, longest: 1_000 };
const LANES = 4;
const OUTAGE_MS = 6_000;

describe('sending while the SMTP server is unreachable', () => {
  let smtp: ScriptedSmtpServer;
  let proxy: SmtpProxy;
  let service: NotificationsTestApp;

  beforeAll(async () => {
    smtp = await ScriptedSmtpServer.start();
    proxy = await SmtpProxy.start(smtp.url);
    service = await NotificationsTestApp.start('smtp_outage', {
      SMTP_URL: proxy.url,
      SENDER_CONCURRENCY: String(LANES),
      SENDER_MAX_ATTEMPTS: '1000',
      SENDER_OUTAGE_PAUSE_MS: String(PAUSE.first),
      SENDER_OUTAGE_MAX_PAUSE_MS: String(PAUSE.longest),
    });
  });

  afterAll(async () => {
    await service?.close();
    await proxy?.close();
    await smtp?.close();
  });

  async function unavailableGauge(): Promise<string | undefined> {
    const metrics = await fetch(`${service.baseUrl}/metrics`).then((response) => response.text());
    return /^notifications_smtp_unavailable (\d)$/m.exec(metrics)?.[1];
  }

  it('pauses every lane and probes with one email at a time, then sends the backlog once the server is back', async () => {
    const { addressee: dana, requesters } = await service.hireAddresseeAndRequesters(8);
    // The port still accepts, as a load balancer in front of a dead server does, and cuts each connection.
    await proxy.goDown({ counting: true });
    for (const requester of requesters) await service.askToConnect(requester, dana);
    await waitFor(
      'the first attempt',
      async () => proxy.attemptsWhileDown,
      (count) => count > 0,
    );
    expect(await waitFor('the pause to show', unavailableGauge, (value) => value === '1')).toBe('1');

    await sleep(OUTAGE_MS);
    const attemptsWhileDown = proxy.attemptsWhileDown;
    const deliveries = await service.deliveriesOf(dana);
    await proxy.comeUp();

    // The emails in flight when the server went, then one probe per pause, each pause at least
    // half its ceiling: 250 ms, then 500 ms. Without the pause, every email's own retries (50 to
    // 200 ms apart) went on: hundreds of attempts in these six seconds.
    const mostAttempts = LANES + 1 + Math.floor(OUTAGE_MS / (PAUSE.longest / 2));
    const failedAttempts = deliveries.reduce((sum, delivery) => sum + delivery.attempts, 0);
    expect(failedAttempts).toBeLessThanOrEqual(mostAttempts);
    // At most one reconnect per attempt (nodemailer's requeue of a connection closed under it).
    expect(attemptsWhileDown).toBeLessThanOrEqual(2 * mostAttempts);
    expect(deliveries.every((delivery) => delivery.status === 'pending')).toBe(true);

    const sent = await service.finishedDeliveriesOf(dana, requesters.length);
    expect(sent.map((delivery) => delivery.status)).toEqual(requesters.map(() => 'sent'));
    expect(smtp.acceptedFor(dana.email)).toHaveLength(requesters.length);
    expect(await unavailableGauge()).toBe('0');
  });
});
