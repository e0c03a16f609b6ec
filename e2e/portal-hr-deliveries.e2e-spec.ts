import {
  startTestSmtpServer,
  waitFor,
  type Employee,
  type Platform,
  type TestSmtpServer,
} from '@vouch/testing';
import { describeInBrowser, pageTitle, PortalInBrowser, screenshot } from './portal-support/portal';

const TEXT = 'Ana turned our slowest release train into a weekly one, and taught the rest of us how.';
const REASON = 'It names a customer who asked not to be named.';

/**
 * HR's pages in a real browser, in front of the four services on real Kafka and PostgreSQL.
 * notifications sends through an SMTP server of the test's own, which refuses one address for good
 * (a real 550, so the delivery log has a real failure) and keeps every message it accepts.
 */
describeInBrowser('the HR pages of the portal', () => {
  let stack: PortalInBrowser;
  let platform: Platform;
  let smtp: TestSmtpServer;
  const accepted: Array<{ to: string; raw: string }> = [];
  const refused = new Set<string>();

  beforeAll(async () => {
    smtp = await startTestSmtpServer({
      onRcptTo: (address) =>
        refused.has(address.toLowerCase())
          ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 })
          : undefined,
      onMessage: ({ to, raw }, accept) => {
        accepted.push({ to: to.toLowerCase(), raw });
        accept();
      },
    });
    stack = await PortalInBrowser.start('e2e_portal_hr_deliveries', () => ({
      notifications: { SMTP_URL: smtp.url, SENDER_POLL_INTERVAL_MS: '100' },
    }));
    platform = stack.platform;
  });

  afterAll(async () => {
    await stack?.stop();
    await smtp?.close();
  });

  const signedIn = (who: Employee) => stack.signedIn(who, { width: 1200, height: 900 });

  const title = pageTitle;

  /** A member of HR: an admin grants the role; it is in the token from the next sign-in. */
  async function hrMember(): Promise<Employee> {
    const hana = await platform.register('Hana Sato');
    const admin = await platform.admin();
    await platform.expectCall(200, 'identity', 'PUT', `/v1/admin/employees/${hana.id}/hr-role`, {
      token: admin.token,
    });
    return hana;
  }

  const emailsTo = (who: Employee, template: string) =>
    accepted.filter(
      (message) =>
        message.to === who.email.toLowerCase() && message.raw.includes(`X-Vouch-Template: ${template}`),
    );

  it('lets HR find the failed emails and why, and take a recommendation down, which its subject no longer sees and both are told of', async () => {
    const [ana, ben, cleo] = await Promise.all(
      ['Ana Lima', 'Ben Okafor', 'Cleo Park'].map((name) => platform.register(name)),
    );
    if (!ana || !ben || !cleo) throw new Error('registration failed');
    const hana = await hrMember();

    // Cleo's mailbox refuses everything: Ana's request to connect fails to reach her.
    refused.add(cleo.email.toLowerCase());
    await platform.connect(ana, cleo);
    // Ben recommends Ana, who accepts: it is on her profile.
    await platform.connect(ben, ana);
    const written = await platform.eventually<{ id: string }>(
      201,
      'recommendations',
      'POST',
      '/v1/recommendations',
      {
        token: ben.token,
        body: { subjectId: ana.id, relationship: 'coworker', text: TEXT },
      },
    );
    await platform.expectCall(200, 'recommendations', 'POST', `/v1/recommendations/${written.id}/accept`, {
      token: ana.token,
    });

    // HR opens the delivery log from the HR group of the menu and narrows it to failed emails.
    const hr = await signedIn(hana);
    await hr.getByRole('navigation', { name: 'HR' }).getByRole('link', { name: 'Deliveries' }).click();
    await title(hr, 'Deliveries').waitFor();
    const cleoFailure = hr.getByRole('row').filter({ hasText: 'Cleo Park' }).filter({ hasText: 'Failed' });
    await waitFor(
      'the failed email to Cleo in the filtered log',
      async () => {
        await hr.getByRole('checkbox', { name: 'Failed' }).check();
        await hr.getByRole('button', { name: 'Apply the filters' }).click();
        return cleoFailure.waitFor({ timeout: 1_500 }).then(
          () => true,
          () => false,
        );
      },
      (found) => found,
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    await expect(cleoFailure.textContent()).resolves.toContain('550');
    // The log unfiltered shows Cleo's failure too: the filtered answer replaces it, without the sent.
    await waitFor(
      'the log narrowed to failed emails',
      () => hr.getByRole('row').filter({ hasText: 'Sent' }).count(),
      (sent) => sent === 0,
      { timeoutMs: 10_000, intervalMs: 250 },
    );
    // "Failed today" counts it and lists the day's failures on a click.
    await hr.reload();
    const failedToday = hr.getByRole('button', { name: /^Failed today: [1-9]/ });
    await failedToday.waitFor();
    await failedToday.click();
    await cleoFailure.waitFor();
    await screenshot(hr, 'hr-deliveries');

    // Ana sees Ben's recommendation among hers before HR takes it down.
    const anaPage = await signedIn(ana);
    await anaPage.goto('/recommendations');
    await anaPage.getByText(TEXT).first().waitFor();

    // HR takes it down from its page, with a reason, confirming.
    await hr.goto(`/recommendations/${written.id}`);
    await title(hr, 'A recommendation').waitFor();
    await hr.getByLabel('Why? Its author and its subject get this reason by email.').fill(REASON);
    await hr.getByRole('button', { name: 'Take down' }).click();
    await screenshot(hr, 'hr-takedown');
    await hr.getByRole('button', { name: 'Yes, take it down' }).click();
    await hr.getByText('Taken down').waitFor();
    await hr.getByText(REASON).waitFor();

    // Ana no longer sees it, on her list or on her profile; both she and Ben are told why.
    await anaPage.reload();
    await anaPage
      .getByRole('region', { name: 'Received' })
      .getByText('No recommendations yet. Writing one is the surest way to get one.')
      .waitFor();
    await expect(anaPage.getByText(TEXT).count()).resolves.toBe(0);
    await anaPage.goto(`/recommendations/${written.id}`);
    await title(anaPage, 'Recommendation not found').waitFor();
    for (const who of [ana, ben]) {
      const [email] = await waitFor(
        `the takedown email to ${who.name}`,
        async () => emailsTo(who, 'recommendation-taken-down'),
        (found) => found.length > 0,
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      // The text part is quoted-printable: a long line is folded with a soft break (`=` at its end).
      expect(email?.raw.replace(/=\r?\n/g, '')).toContain(REASON);
    }
  });
});
