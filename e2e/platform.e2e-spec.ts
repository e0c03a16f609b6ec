import { randomBytes } from 'node:crypto';
import {
  waitFor,
  subjectsReceivedBy,
  unsubscribeUrl,
  waitForEmail,
  type ReceivedEmail,
} from '@vouch/testing';
import { Platform, type Employee } from '@vouch/testing';

/** Where the emails' links point: the portal, in front of the services. */
const PUBLIC_URL = 'https://vouch.e2e.example';
/** How long a request waits before its one reminder: seconds here, where production waits days. */
const REMINDER_AFTER_SECONDS = 8;

type Relationship = 'supervisor' | 'coworker' | 'subordinate';

interface RecommendationView {
  id: string;
  status: string;
  text: string;
  verified: boolean;
  reciprocal: boolean;
}

interface RequestView {
  id: string;
}

/**
 * The four services as processes, as `npm start` runs them, on real Kafka, PostgreSQL and SMTP: what
 * an employee does over HTTP, and the emails that arrive because of it.
 */
describe('the platform, from HTTP in to emails out', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await Platform.start(
      'e2e_platform',
      ['identity', 'connections', 'recommendations', 'notifications'],
      {
        notifications: {
          PUBLIC_URL,
          UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
          REMINDER_AFTER: `${REMINDER_AFTER_SECONDS}s`,
          REMINDER_SWEEP_INTERVAL_MS: '250',
          SENDER_POLL_INTERVAL_MS: '100',
          SENDER_RETRY_INITIAL_DELAY_MS: '100',
        },
      },
    );
  });

  afterAll(async () => {
    await platform?.stop();
  });

  /** A recommendation, written as soon as recommendations knows the two are connected. */
  function recommend(author: Employee, subject: Employee, relationship: Relationship, text = praise(author)) {
    return platform.eventually<RecommendationView>(201, 'recommendations', 'POST', '/v1/recommendations', {
      token: author.token,
      body: { subjectId: subject.id, relationship, text },
    });
  }

  /** A request for a recommendation, made as soon as recommendations knows the two are connected. */
  function ask(requester: Employee, recipient: Employee, relationship: Relationship, message?: string) {
    return platform.eventually<RequestView>(201, 'recommendations', 'POST', '/v1/recommendation-requests', {
      token: requester.token,
      body: { recipientId: recipient.id, relationship, ...(message ? { message } : {}) },
    });
  }

  /** The subject accepts a recommendation: it shows on their profile. */
  async function accept(subject: Employee, recommendation: RecommendationView): Promise<void> {
    await platform.expectCall(
      200,
      'recommendations',
      'POST',
      `/v1/recommendations/${recommendation.id}/accept`,
      { token: subject.token },
    );
  }

  async function outgoingRequestIds(employee: Employee): Promise<string[]> {
    const page = await platform.expectCall<{ items: RequestView[] }>(
      200,
      'recommendations',
      'GET',
      '/v1/recommendation-requests?direction=outgoing',
      { token: employee.token },
    );
    return page.items.map((request) => request.id);
  }

  /** One-click unsubscribe (RFC 8058) with the email's List-Unsubscribe URL, as a mail client does. */
  async function oneClickUnsubscribe(email: ReceivedEmail): Promise<number> {
    const url = new URL(unsubscribeUrl(email));
    expect(url.origin).toBe(PUBLIC_URL);
    // PUBLIC_URL is the portal, which would route /v1/unsubscribe to notifications: go there directly.
    const direct = `${platform.service('notifications').baseUrl}${url.pathname}${url.search}`;
    const response = await fetch(direct, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    return response.status;
  }

  it('nudges B to write back when A recommends them, thanks A without a nudge when B does, and tells A when B accepts', async () => {
    const ana = await platform.register('Ana Lima');
    const ben = await platform.register('Ben Okafor');
    await platform.connect(ana, ben);

    const anasRecommendation = await recommend(ana, ben, 'coworker');
    const nudge = await waitForEmail(ben.email, 'Ana Lima recommended you');
    expect(nudge.text).toContain('The easiest way to thank Ana Lima is to write one back');
    expect(nudge.text).toContain(`${PUBLIC_URL}/recommendations/${anasRecommendation.id}`);
    expect(nudge.text).toContain(`${PUBLIC_URL}/recommendations/new?subjectId=${ana.id}`);
    expect(nudge.html).toContain(`href="${PUBLIC_URL}/recommendations/${anasRecommendation.id}"`);
    for (const link of nudge.text.match(/https?:\/\/\S+/g) ?? [])
      expect(link.startsWith(`${PUBLIC_URL}/`)).toBe(true);
    expect(nudge.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    const bensRecommendation = await recommend(ben, ana, 'coworker');
    expect(bensRecommendation.reciprocal).toBe(true);
    const thanks = await waitForEmail(ana.email, 'Ben Okafor returned the favour');
    expect(thanks.text).toContain(`${PUBLIC_URL}/recommendations/${bensRecommendation.id}`);
    expect(thanks.text).not.toContain('write one back');

    await accept(ben, anasRecommendation);
    const accepted = await waitForEmail(ana.email, 'Ben Okafor accepted your recommendation');
    expect(accepted.text).toContain('It is on their profile now');
    const bensProfile = await platform.expectCall<{ items: Array<{ id: string }> }>(
      200,
      'recommendations',
      'GET',
      `/v1/employees/${ben.id}/recommendations`,
      { token: ana.token },
    );
    expect(bensProfile.items.map((item) => item.id)).toEqual([anasRecommendation.id]);

    // The nudge's one-click unsubscribe works, and switches off every "… recommended you" email, nothing else.
    expect(await oneClickUnsubscribe(nudge)).toBe(200);
    const preferences = await platform.expectCall<{ categories: Record<string, boolean> }>(
      200,
      'notifications',
      'GET',
      '/v1/notification-preferences',
      { token: ben.token },
    );
    expect(preferences.categories).toEqual(
      expect.objectContaining({ reciprocity: false, recommendation_updates: true }),
    );
  });

  it('reminds the recipient of a pending request exactly once, and never again once they wrote it', async () => {
    const ana = await platform.register('Ana Souza');
    const cy = await platform.register('Cy Park');
    const dan = await platform.register('Dan Reyes');
    await Promise.all([platform.connect(ana, cy), platform.connect(dan, cy)]);

    const request = await ask(ana, cy, 'coworker', 'Would you write a few lines about the billing rewrite?');
    const asked = await waitForEmail(cy.email, 'Ana Souza asks you for a recommendation');
    expect(asked.text).toContain('Would you write a few lines about the billing rewrite?');
    expect(asked.text).toContain(`${PUBLIC_URL}/recommendation-requests/${request.id}`);

    const reminderSubject = 'Ana Souza is still hoping for your recommendation';
    await waitForEmail(cy.email, reminderSubject);

    const recommendation = await platform.expectCall<RecommendationView>(
      201,
      'recommendations',
      'POST',
      '/v1/recommendations',
      {
        token: cy.token,
        body: { subjectId: ana.id, relationship: 'coworker', requestId: request.id, text: praise(cy) },
      },
    );
    expect(recommendation.status).toBe('pending');
    expect(await outgoingRequestIds(ana)).not.toContain(request.id);

    // A reminder period later, Dan asks Cy, and is reminded in its turn: three periods after Ana asked,
    // the reminder sweep would have reminded Cy of her request again if it were ever going to.
    await new Promise((resolve) => setTimeout(resolve, REMINDER_AFTER_SECONDS * 1_000));
    await ask(dan, cy, 'coworker');
    await waitForEmail(cy.email, 'Dan Reyes is still hoping for your recommendation');
    expect(
      (await subjectsReceivedBy(cy.email)).filter((subject) => subject === reminderSubject),
    ).toHaveLength(1);
  });

  it('invites the requester to write first once connected, and removing the connection cancels the requests between the two', async () => {
    const eva = await platform.register('Eva Novak');
    const finn = await platform.register('Finn Berg');
    const gus = await platform.register('Gus Ito');

    const connectionRequest = await platform.eventually<{ id: string }>(
      201,
      'connections',
      'POST',
      '/v1/connection-requests',
      {
        token: eva.token,
        body: { toEmployeeId: finn.id, message: 'We shipped the search together' },
      },
    );
    const invitation = await waitForEmail(finn.email, 'Eva Novak wants to connect');
    expect(invitation.text).toContain('We shipped the search together');
    await platform.expectCall(
      200,
      'connections',
      'POST',
      `/v1/connection-requests/${connectionRequest.id}/accept`,
      { token: finn.token },
    );
    const connected = await waitForEmail(eva.email, 'You are connected with Finn Berg');
    expect(connected.text).toContain('Write Finn Berg a recommendation?');
    expect(connected.text).toContain(`${PUBLIC_URL}/recommendations/new?subjectId=${finn.id}`);

    const evasRequest = await ask(eva, finn, 'coworker');
    await platform.expectCall(204, 'connections', 'DELETE', `/v1/connections/${finn.id}`, {
      token: eva.token,
    });
    await waitFor(
      "Eva's request to be cancelled",
      () => outgoingRequestIds(eva),
      (ids) => !ids.includes(evasRequest.id),
      { timeoutMs: 30_000 },
    );
    const finnsIncoming = await platform.expectCall<{ items: RequestView[] }>(
      200,
      'recommendations',
      'GET',
      '/v1/recommendation-requests?direction=incoming',
      { token: finn.token },
    );
    expect(finnsIncoming.items).toEqual([]);

    // Nor is Finn reminded of it, while a request made later is.
    await platform.connect(gus, finn);
    await ask(gus, finn, 'coworker');
    await waitForEmail(finn.email, 'Gus Ito is still hoping for your recommendation');
    expect(await subjectsReceivedBy(finn.email)).not.toContain(
      'Eva Novak is still hoping for your recommendation',
    );
  });

  it('carries a revision request to the author and the revision back, and stops a category at one click', async () => {
    const gia = await platform.register('Gia Rossi');
    const hal = await platform.register('Hal Moreau');
    const ivy = await platform.register('Ivy Chen');
    await Promise.all([platform.connect(gia, hal), platform.connect(ivy, gia)]);

    const recommendation = await recommend(gia, hal, 'coworker');
    await platform.expectCall(
      200,
      'recommendations',
      'POST',
      `/v1/recommendations/${recommendation.id}/request-revision`,
      { token: hal.token, body: { message: 'Could you mention the <b>migration</b> we led?' } },
    );
    const revisionEmail = await waitForEmail(gia.email, 'Hal Moreau asks you to change your recommendation');
    expect(revisionEmail.text).toContain('Could you mention the <b>migration</b> we led?');
    expect(revisionEmail.html).toContain('Could you mention the &lt;b&gt;migration&lt;/b&gt; we led?');

    const revisedText = `${praise(gia)} She also led the migration to the new billing platform without downtime.`;
    const revised = await platform.expectCall<RecommendationView>(
      200,
      'recommendations',
      'PUT',
      `/v1/recommendations/${recommendation.id}`,
      { token: gia.token, body: { text: revisedText } },
    );
    expect(revised.status).toBe('pending');
    const received = await platform.expectCall<{ items: RecommendationView[] }>(
      200,
      'recommendations',
      'GET',
      '/v1/recommendations/received',
      { token: hal.token },
    );
    expect(received.items).toEqual([
      expect.objectContaining({ id: recommendation.id, status: 'pending', text: revisedText }),
    ]);

    // Gia switches off news of her recommendations from the revision email…
    expect(await oneClickUnsubscribe(revisionEmail)).toBe(200);
    await accept(hal, recommendation);
    // …so Hal's acceptance is not news to her inbox, while a request, asked after it, still is.
    await ask(ivy, gia, 'coworker');
    await waitForEmail(gia.email, 'Ivy Chen asks you for a recommendation');
    expect(await subjectsReceivedBy(gia.email)).not.toContain('Hal Moreau accepted your recommendation');
  });

  it('sends nothing more to an employee once an admin deactivated them', async () => {
    const kim = await platform.register('Kim Tanaka');
    const leo = await platform.register('Leo Duarte');
    const admin = await platform.admin();
    await platform.connect(kim, leo);
    const recommendation = await recommend(kim, leo, 'coworker');
    await waitForEmail(leo.email, 'Kim Tanaka recommended you');

    await platform.expectCall(200, 'identity', 'POST', `/v1/employees/${kim.id}/deactivate`, {
      token: admin.token,
    });
    // Max joins after Kim left: an email to Max shows notifications has read identity's events up
    // to Kim's deactivation.
    const max = await platform.register('Max Weber');
    await platform.connect(leo, max);
    await waitForEmail(max.email, 'Leo Duarte wants to connect');

    await accept(leo, recommendation);
    // Asked after Leo accepted: once Max hears of it, the acceptance has been handled too.
    await ask(leo, max, 'coworker');
    await waitForEmail(max.email, 'Leo Duarte asks you for a recommendation');
    expect(await subjectsReceivedBy(kim.email)).not.toContain('Leo Duarte accepted your recommendation');
  });

  it('counts accepted recommendations by relationship and suggests whom to ask to balance the profile', async () => {
    const mia = await platform.register('Mia Laurent');
    const ned = await platform.register('Ned Alvarez', { manager: mia });
    const oli = await platform.register('Oli Stone', { manager: mia });
    const pam = await platform.register('Pam Osei', { manager: ned });
    await Promise.all([platform.connect(ned, mia), platform.connect(ned, oli), platform.connect(ned, pam)]);

    const fromManager = await recommend(mia, ned, 'supervisor');
    expect(fromManager.verified).toBe(true);
    await accept(ned, fromManager);

    const balance = () =>
      platform.expectCall<{
        counts: Record<Relationship, number>;
        missing: Relationship[];
        suggestions: Array<{ employeeId: string; relationship: Relationship }>;
      }>(200, 'recommendations', 'GET', '/v1/recommendations/balance', { token: ned.token });
    const first = await waitFor(
      'Oli and Pam among the suggestions (recommendations knows the org chart and the connections)',
      balance,
      (answer) => answer.suggestions.length === 2,
      { timeoutMs: 30_000 },
    );
    expect(first.counts).toEqual({ supervisor: 1, coworker: 0, subordinate: 0 });
    expect(first.missing).toEqual(['coworker', 'subordinate']);
    expect(first.suggestions).toEqual([
      expect.objectContaining({ employeeId: oli.id, relationship: 'coworker' }),
      expect.objectContaining({ employeeId: pam.id, relationship: 'subordinate' }),
    ]);

    // Pam writes one: not accepted yet, it does not count, but there is no need to ask her any more.
    const fromReport = await recommend(pam, ned, 'subordinate');
    const written = await balance();
    expect(written.counts).toEqual({ supervisor: 1, coworker: 0, subordinate: 0 });
    expect(written.suggestions).toEqual([expect.objectContaining({ employeeId: oli.id })]);

    // Accepted, it counts; and once Ned asked Oli, there is no one left to suggest.
    await accept(ned, fromReport);
    await ask(ned, oli, 'coworker');
    const balanced = await balance();
    expect(balanced.counts).toEqual({ supervisor: 1, coworker: 0, subordinate: 1 });
    expect(balanced.missing).toEqual(['coworker']);
    expect(balanced.suggestions).toEqual([]);
  });
});

/** A recommendation text as colleagues write them: between 20 and 3000 characters. */
function praise(author: Employee): string {
  return `${author.name} here: working with them was a pleasure; they are calm under pressure, explain their choices and follow through.`;
}
