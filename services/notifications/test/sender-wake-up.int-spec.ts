import { waitForEmails } from '@vouch/testing';
import { NotificationsTestApp, type TestEmployee } from './support/notifications-test-app';

describe('the sender, woken by new deliveries', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    // A poll so rare that only the wake-up at commit can deliver within the test.
    service = await NotificationsTestApp.start('sender_wake_up', { SENDER_POLL_INTERVAL_MS: '600000' });
  });

  afterAll(async () => {
    await service?.close();
  });

  it('sends a new email as soon as its delivery is committed, without waiting for the next poll', async () => {
    const [ana, ben, cleo] = (await service.hire('Ana Lima', 'Ben Okafor', 'Cleo Park')) as [
      TestEmployee,
      TestEmployee,
      TestEmployee,
    ];
    await service.askToConnect(ana, ben);
    const [first] = await waitForEmails(ben.email);
    expect(first?.subject).toBe('Ana Lima wants to connect');

    // And again, once the first drain has ended.
    await service.askToConnect(ana, cleo);
    const [second] = await waitForEmails(cleo.email);
    expect(second?.subject).toBe('Ana Lima wants to connect');
  });
});
