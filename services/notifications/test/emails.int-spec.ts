import { maildevInbox, waitForEmails } from '@vouch/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ConnectionAcceptedV1,
  ConnectionRequestedV1,
  EmployeeRegisteredV1,
  RecommendationAcceptedV1,
  RecommendationGivenV1,
  RecommendationRequestedV1,
  RecommendationRevisionRequestedV1,
  Topics,
} from '@vouch/contracts';
import {
  recommendationGiven,
  NotificationsTestApp,
  SAMPLE_TEXT,
  type TestEmployee,
} from './support/notifications-test-app';

describe('the emails Vouch sends', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    service = await NotificationsTestApp.start('emails');
  });

  afterAll(async () => {
    await service?.close();
  });

  it('nudges the subject to write one back, with links and one-click unsubscribe headers', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    const data = recommendationGiven(ana, ben);
    const event = await service.publish(RecommendationGivenV1, data, data.recommendationId);

    const [email] = await waitForEmails(ben.email);

    expect(email?.subject).toBe('Ana Lima recommended you');
    expect(email?.to).toEqual([{ address: ben.email, name: 'Ben Okafor' }]);
    expect(email?.text).toContain(SAMPLE_TEXT);
    expect(email?.text).toContain('The easiest way to thank Ana Lima is to write one back');
    expect(email?.text).toContain(`${service.baseUrl}/recommendations/${data.recommendationId}`);
    expect(email?.text).toContain(`${service.baseUrl}/recommendations/new?subjectId=${ana.id}`);
    expect(email?.html).toContain('Recommend Ana Lima');
    expect(email?.headers['list-unsubscribe']).toMatch(
      new RegExp(`^<${service.baseUrl}/v1/unsubscribe\\?token=[\\w.%-]+>$`),
    );
    expect(email?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(email?.headers['auto-submitted']).toBe('auto-generated');
    expect(email?.headers['x-vouch-event-id']).toBe(event.id);
    const deliveryId = email?.headers['x-vouch-delivery-id'] ?? '';
    expect(email?.messageId).toBe(`${deliveryId}@vouch`);

    const [sent] = await service.eventsAbout(Topics.deliveries, deliveryId);
    expect(sent?.type).toBe('EmailSent');
    expect(sent?.data).toMatchObject({
      recipientId: ben.id,
      template: 'reciprocity-nudge',
      causationEventId: event.id,
      messageId: `<${deliveryId}@vouch>`,
      attempts: 1,
    });
  });

  it('sends the nudge once per author and subject, even when the event is redelivered or the recommendation rewritten', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    const first = recommendationGiven(ana, ben);
    const event = await service.publish(RecommendationGivenV1, first, first.recommendationId);
    await service.redeliver(RecommendationGivenV1, event);
    await waitForEmails(ben.email);
    const rewritten = recommendationGiven(ana, ben);
    await service.publish(RecommendationGivenV1, rewritten, rewritten.recommendationId);

    const emails = await waitForEmails(ben.email, 2);
    await service.settled();

    const nudges = (await maildevInbox(ben.email)).filter((email) => email.text.includes('write one back'));
    expect(nudges).toHaveLength(1);
    expect(emails.map((email) => email.subject)).toEqual([
      'Ana Lima recommended you',
      'Ana Lima recommended you',
    ]);
    const second = emails.find((email) => email.text.includes(rewritten.recommendationId));
    expect(second?.text).not.toContain('write one back');
  });

  it('thanks a reciprocal recommendation as a returned favour, without a nudge', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    const data = recommendationGiven(ben, ana, { reciprocal: true });
    await service.publish(RecommendationGivenV1, data, data.recommendationId);

    const [email] = await waitForEmails(ana.email);

    expect(email?.subject).toBe('Ben Okafor returned the favour');
    expect(email?.text).toContain(`${service.baseUrl}/recommendations/${data.recommendationId}`);
    expect(email?.text).not.toContain('write one back');
  });

  it('asks the recipient of a request, with its message and that the requester already recommended them', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    const requestId = randomUUID();
    await service.publish(
      RecommendationRequestedV1,
      {
        requestId,
        requesterId: ana.id,
        recipientId: ben.id,
        relationship: 'supervisor',
        message: 'Could you say a word about the billing migration?',
        requesterRecommendedRecipient: true,
        requestedAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
      requestId,
    );

    const [email] = await waitForEmails(ben.email);

    expect(email?.subject).toBe('Ana Lima asks you for a recommendation');
    expect(email?.text).toContain('as their supervisor');
    expect(email?.text).toContain('Could you say a word about the billing migration?');
    expect(email?.text).toContain('Ana Lima already recommended you.');
    expect(email?.text).toContain(`${service.baseUrl}/recommendation-requests/${requestId}`);
  });

  it('asks the addressee to connect, and invites the requester to give first once accepted', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    const connectionId = randomUUID();
    const connection = { connectionId, requesterId: ana.id, addresseeId: ben.id };
    await service.publish(
      ConnectionRequestedV1,
      { ...connection, message: 'We met at the offsite', requestedAt: new Date().toISOString() },
      connectionId,
    );
    await service.publish(
      ConnectionAcceptedV1,
      { ...connection, acceptedAt: new Date().toISOString() },
      connectionId,
    );

    const [request] = await waitForEmails(ben.email);
    const [accepted] = await waitForEmails(ana.email);

    expect(request?.subject).toBe('Ana Lima wants to connect');
    expect(request?.text).toContain('We met at the offsite');
    expect(accepted?.subject).toBe('You are connected with Ben Okafor');
    expect(accepted?.text).toContain('Write Ben Okafor a recommendation?');
    expect(accepted?.text).toContain(`${service.baseUrl}/recommendations/new?subjectId=${ben.id}`);
  });

  it('asks the addressee to connect when identity announces them only after the request, seconds later', async () => {
    // Topics are not ordered with each other: after a replica dies, the partition of identity's
    // topic it held stands still until the group hands it on (a session timeout and a rebalance),
    // while the connections topic moves on. The request waits for the employee; it is not dropped.
    const [ana] = (await service.hire('Ana Lima')) as [TestEmployee];
    const ben = { id: randomUUID(), name: 'Ben Okafor', email: `${randomUUID()}@example.com` };
    await service.askToConnect(ana, ben);
    // Longer than the attempts a failing event is given (5, about 3 s), and than a session timeout.
    await sleep(8_000);
    await service.publish(
      EmployeeRegisteredV1,
      {
        employeeId: ben.id,
        name: ben.name,
        email: ben.email,
        title: null,
        managerId: null,
        managerSource: null,
        timeZone: null,
        registeredAt: new Date().toISOString(),
      },
      ben.id,
    );

    const [request] = await waitForEmails(ben.email);
    expect(request?.subject).toBe('Ana Lima wants to connect');
  });

  it('tells the author when their recommendation is accepted and when a revision is asked', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    const recommendationId = randomUUID();
    const fields = { recommendationId, authorId: ana.id, subjectId: ben.id };
    await service.publish(
      RecommendationRevisionRequestedV1,
      { ...fields, message: 'Please mention the on-call work', requestedAt: new Date().toISOString() },
      recommendationId,
    );
    await service.publish(
      RecommendationAcceptedV1,
      { ...fields, acceptedAt: new Date().toISOString() },
      recommendationId,
    );

    const emails = await waitForEmails(ana.email, 2);

    expect(emails.map((email) => email.subject).sort()).toEqual([
      'Ben Okafor accepted your recommendation',
      'Ben Okafor asks you to change your recommendation',
    ]);
    const revision = emails.find((email) => email.subject.includes('change'));
    expect(revision?.text).toContain('Please mention the on-call work');
  });

  it('arrives with script tags escaped and line breaks in names unable to add headers', async () => {
    const [mallory, ben] = (await service.hire(
      'Mal <script>alert(1)</script>\r\nBcc: victim@example.com',
      'Ben "the \r\nX-Evil: 1" Okafor',
    )) as [TestEmployee, TestEmployee];
    const data = recommendationGiven(mallory, ben, {
      text: `${SAMPLE_TEXT} <script>alert("x")</script> <b>bold</b>`,
    });
    await service.publish(RecommendationGivenV1, data, data.recommendationId);

    const [email] = await waitForEmails(ben.email);

    expect(email?.html).not.toContain('<script>');
    expect(email?.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(email?.html).not.toContain('<b>bold</b>');
    expect(email?.headers['bcc']).toBeUndefined();
    expect(email?.headers['x-evil']).toBeUndefined();
    expect(email?.to).toHaveLength(1);
    expect(email?.subject).not.toMatch(/[\r\n]/);
  });

  it('sends nothing to a deactivated employee', async () => {
    const [ana, ben, cleo] = (await service.hire('Ana Lima', 'Ben Okafor', 'Cleo Park')) as [
      TestEmployee,
      TestEmployee,
      TestEmployee,
    ];
    await service.deactivate(ben);
    const toBen = recommendationGiven(ana, ben);
    const toCleo = recommendationGiven(ana, cleo);
    await service.publish(RecommendationGivenV1, toBen, toBen.recommendationId);
    await service.publish(RecommendationGivenV1, toCleo, toCleo.recommendationId);
    await service.settled();

    await waitForEmails(cleo.email);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(await maildevInbox(ben.email)).toEqual([]);
  });

  it('sends to an employee again once they are reactivated', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    await service.deactivate(ben);
    await service.askToConnect(ana, ben, 'While you were away');
    await service.settled();
    await service.reactivate(ben);
    await service.askToConnect(ana, ben, 'Welcome back');

    const [email] = await waitForEmails(ben.email);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(email?.text).toContain('Welcome back');
    expect(await maildevInbox(ben.email)).toHaveLength(1);
  });

  it("sends to an employee's new address once their work email changed", async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    const moved = await service.changeEmail(ben, `${randomUUID()}@example.com`);
    const data = recommendationGiven(ana, moved);
    await service.publish(RecommendationGivenV1, data, data.recommendationId);

    const [email] = await waitForEmails(moved.email);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(email?.subject).toBe('Ana Lima recommended you');
    expect(email?.to).toEqual([{ address: moved.email, name: 'Ben Okafor' }]);
    expect(await maildevInbox(ben.email)).toEqual([]);
  });

  it('shows the delivery log to HR and admins, and refuses it to other employees (403)', async () => {
    const [ana] = (await service.hire('Ana Lima')) as [TestEmployee];
    const log = `/v1/deliveries?recipientId=${ana.id}`;

    expect((await service.request('GET', log, { token: await service.hrToken() })).status).toBe(200);
    expect((await service.request('GET', log, { token: await service.adminToken() })).status).toBe(200);
    expect((await service.request('GET', log, { token: ana.token })).status).toBe(403);
  });
});
