import {
  createTestCertificates,
  startOAuthSmtpServer,
  startTestTokenEndpoint,
  waitFor,
  type OAuthSmtpServer,
  type TestCertificates,
  type TestTokenEndpoint,
} from '@vouch/testing';
import { NotificationsTestApp, type TestEmployee } from './support/notifications-test-app';

const MAILBOX = 'vouch@contoso.example';

/** The service sending through a server that, like Microsoft 365, takes STARTTLS and XOAUTH2 only. */
describe('notifications over SMTP with OAuth2', () => {
  let certificates: TestCertificates;
  let smtp: OAuthSmtpServer;
  let tokens: TestTokenEndpoint;
  let service: NotificationsTestApp;

  beforeAll(async () => {
    certificates = createTestCertificates();
    [smtp, tokens] = await Promise.all([
      startOAuthSmtpServer({ tls: 'starttls', key: certificates.serverKey, cert: certificates.serverCert }),
      startTestTokenEndpoint(),
    ]);
    tokens.onIssue = (token) => smtp.acceptedTokens.add(token);
    service = await NotificationsTestApp.start('smtp_oauth2', {
      SMTP_URL: smtp.url,
      SMTP_AUTH: 'oauth2-client-credentials',
      SMTP_REQUIRE_TLS: 'true',
      SMTP_TLS_CA_FILE: certificates.caFile,
      SMTP_USERNAME: MAILBOX,
      SMTP_OAUTH_TOKEN_URL: tokens.url,
      SMTP_OAUTH_CLIENT_ID: '00000000-0000-0000-0000-00000000c1d0',
      SMTP_OAUTH_CLIENT_SECRET: 'a-test-smtp-client-secret',
      MAIL_FROM_ADDRESS: MAILBOX,
      SENDER_CONCURRENCY: '2',
      // A new connection (and login) for each email: a logged-in connection keeps its token.
      SMTP_MAX_MESSAGES_PER_CONNECTION: '1',
      SENDER_RETRY_INITIAL_DELAY_MS: '300',
      SENDER_RETRY_MAX_DELAY_MS: '600',
    });
  });

  afterAll(async () => {
    await service?.close();
    await Promise.all([smtp?.close(), tokens?.close()]);
    certificates?.remove();
  });

  it('sends with a token from the token endpoint, and a new one once the server refuses it', async () => {
    const [ana, ben, cy] = (await service.hire('Ana Reyes', 'Ben Okafor', 'Cy Lund')) as TestEmployee[];
    await service.askToConnect(ben as TestEmployee, ana as TestEmployee);
    const first = await waitFor(
      "Ana's email",
      async () => smtp.messages.filter((message) => message.to === (ana as TestEmployee).email),
      (messages) => messages.length === 1,
    );
    expect(first[0]).toMatchObject({ user: MAILBOX, accessToken: 'token-1' });

    // The token is revoked (or expired early): the next login is refused, and the sender asks again.
    smtp.acceptedTokens.delete('token-1');
    await service.askToConnect(ben as TestEmployee, cy as TestEmployee);
    const second = await waitFor(
      "Cy's email",
      async () => smtp.messages.filter((message) => message.to === (cy as TestEmployee).email),
      (messages) => messages.length === 1,
    );
    expect(second[0]).toMatchObject({ user: MAILBOX, accessToken: 'token-2' });
    expect(tokens.requests.map((request) => request['grant_type'])).toEqual([
      'client_credentials',
      'client_credentials',
    ]);
    const [delivery] = await service.finishedDeliveriesOf(cy as TestEmployee);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('keeps an email while the server refuses every login, and sends it once a token is taken again', async () => {
    const [ben, dee] = (await service.hire('Ben Adeyemi', 'Dee Park')) as TestEmployee[];
    const acceptIssued = tokens.onIssue;
    // Consent revoked, say: the endpoint still issues tokens, the server takes none of them.
    smtp.acceptedTokens.clear();
    tokens.onIssue = () => undefined;
    await service.askToConnect(ben as TestEmployee, dee as TestEmployee);
    const retried = await waitFor(
      "the refused email's attempts",
      () => service.deliveriesOf(dee as TestEmployee),
      (log) => log.length === 1 && (log[0]?.attempts ?? 0) >= 2,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    expect(retried[0]).toMatchObject({ status: 'pending' });

    tokens.onIssue = acceptIssued;
    const [delivery] = await service.finishedDeliveriesOf(dee as TestEmployee);
    expect(delivery).toMatchObject({ status: 'sent' });
    expect(smtp.messages.filter((message) => message.to === (dee as TestEmployee).email)).toHaveLength(1);
  });
});
