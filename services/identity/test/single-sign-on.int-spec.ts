import { randomUUID } from 'node:crypto';
import { DevIdp, RedirectingBrowser, type IdpPerson } from '@vouch/testing';
import { IdentityApp, newClientAddress, newEmail } from './identity-app';
import { newScimToken, ScimProvider } from './scim-provider';

const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

interface SignedIn {
  /** Where identity sent the browser at the end: the portal's `/sso-complete`, or `/signin?error=…`. */
  landing: URL;
  /** The access token the portal gets by refreshing, when signed in. */
  accessToken?: string;
}

interface Claims {
  sub: string;
  email: string;
  roles: string[];
}

const claimsOf = (token: string): Claims => {
  const [, payload] = token.split('.');
  return JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Claims;
};

/**
 * Single sign-on through a real OpenID Connect provider (the development company IdP, oidc-provider),
 * driven over HTTP as a browser would: identity's start, the IdP's login form, identity's callback,
 * then the portal's refresh. No token is made by the test.
 */
describe('single sign-on with the company identity provider', () => {
  let idp: DevIdp;
  let identity: IdentityApp;
  let withJit: IdentityApp;
  let scim: ScimProvider;
  const adminGroup = `vouch-admins-${randomUUID()}`;
  const bootstrapAdmins = [newEmail(), newEmail()];

  /** identity configured with the dev IdP: PUBLIC_URL is identity itself, so the callback comes back to it. */
  const startIdentity = async (label: string, scimToken: string, settings: Record<string, string> = {}) => {
    const client = DevIdp.newClient();
    const app = await IdentityApp.start(label, (port) => ({
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: client.clientId,
      OIDC_CLIENT_SECRET: client.clientSecret,
      OIDC_ADMIN_GROUP: adminGroup,
      SCIM_TOKEN: scimToken,
      ADMIN_EMAILS: bootstrapAdmins.join(','),
      ...settings,
    }));
    await idp.addClient(client, `${app.baseUrl}/v1/auth/sso/callback`);
    return app;
  };

  beforeAll(async () => {
    idp = await DevIdp.start();
    const token = newScimToken();
    [identity, withJit] = await Promise.all([
      startIdentity('identity_sso', token),
      startIdentity('identity_sso_jit', newScimToken(), { OIDC_JIT_PROVISIONING: 'true' }),
    ]);
    scim = new ScimProvider(identity, token);
  });

  afterAll(async () => {
    await Promise.all([identity?.stop(), withJit?.stop()]);
    await idp?.stop();
  });

  /** Signs in at `app` as the IdP account `login` (its sub or email) and, if let in, refreshes. */
  async function signIn(
    login: string,
    app = identity,
    browser = new RedirectingBrowser(),
  ): Promise<SignedIn> {
    const follow = [idp.issuer, `${app.baseUrl}/v1/auth/sso/`];
    const loginPage = await browser.visit(`${app.baseUrl}/v1/auth/sso/start`, follow);
    expect(loginPage.status).toBe(200);
    expect(loginPage.body).toContain('Development company IdP');
    const back = await browser.visit(`${loginPage.url.href}/login`, follow, {
      method: 'POST',
      form: { login },
    });
    expect(back.status).toBe(302);
    expect(back.url.pathname).toBe('/v1/auth/sso/callback');
    const landing = back.location;
    if (!landing) throw new Error('the callback redirected nowhere');
    if (landing.pathname !== '/sso-complete') return { landing };
    const refresh = await fetch(`${app.baseUrl}/v1/auth/refresh`, {
      method: 'POST',
      headers: { cookie: browser.cookieHeader(new URL(app.baseUrl)), 'x-requested-with': 'fetch' },
    });
    expect(refresh.status).toBe(200);
    const { accessToken } = (await refresh.json()) as { accessToken: string };
    return { landing, accessToken };
  }

  const person = (fields: Partial<IdpPerson> & { email: string }) => idp.addPerson(fields);

  const provision = (email: string, fields: Record<string, unknown> = {}) =>
    scim.create({ schemas: [SCIM_USER], userName: email, displayName: 'Ana Lima', ...fields });

  async function expectSignedInAs(login: string, employeeId: string, app = identity): Promise<Claims> {
    const { landing, accessToken } = await signIn(login, app);
    expect(landing.href).toBe(`${app.baseUrl}/sso-complete`);
    const claims = claimsOf(String(accessToken));
    expect(claims.sub).toBe(employeeId);
    return claims;
  }

  async function expectRefused(login: string, reason: string, app = identity): Promise<void> {
    const { landing } = await signIn(login, app);
    expect(landing.href).toBe(`${app.baseUrl}/signin?error=${reason}`);
  }

  it('says single sign-on is on, and password sign-in as configured', async () => {
    const methods = await identity.call('GET', '/v1/auth/methods');
    expect(methods.status).toBe(200);
    expect(methods.body).toMatchObject({ sso: true });
  });

  it("links an Entra account by its oid, the company's SCIM externalId, and signs its employee in", async () => {
    const oid = randomUUID();
    const email = newEmail();
    const employee = await provision(email, { externalId: oid });
    // The email is not vouched for, and need not be: the immutable id says who they are.
    const account = await person({ email, oid, email_verified: false });
    const claims = await expectSignedInAs(account.sub, employee.id);
    expect(claims.email).toBe(email);
    expect(claims.roles).toEqual(['employee']);
    await expectSignedInAs(account.sub, employee.id);
  });

  it('links by sub when the company provisioned the sub as externalId (Okta, Google)', async () => {
    const sub = randomUUID();
    const email = newEmail();
    const employee = await provision(email, { externalId: sub });
    await person({ sub, email, email_verified: false });
    await expectSignedInAs(sub, employee.id);
  });

  it('links by email only when the provider vouches for it: email_verified, or Entra’s xms_edov', async () => {
    const verified = await provision(newEmail());
    const verifiedAccount = await person({ email: String(verified.userName), email_verified: true });
    await expectSignedInAs(verifiedAccount.sub, verified.id);

    const domainOwned = await provision(newEmail());
    const entraAccount = await person({
      email: String(domainOwned.userName),
      email_verified: false,
      xms_edov: true,
      oid: randomUUID(),
    });
    await expectSignedInAs(entraAccount.sub, domainOwned.id);
  });

  it("refuses an attacker's IdP account that bears the victim's email unverified, and the victim still gets in", async () => {
    const victim = await provision(newEmail());
    const attacker = await person({ email: String(victim.userName), email_verified: false, name: 'Mallory' });
    await expectRefused(attacker.sub, 'email_not_verified');
    const real = await person({ email: String(victim.userName), email_verified: true });
    await expectSignedInAs(real.sub, victim.id);
    // Refused again later: the attacker's account was never linked.
    await expectRefused(attacker.sub, 'email_not_verified');
  });

  it('never re-links an employee silently to another account presenting their email', async () => {
    const employee = await provision(newEmail());
    const first = await person({ email: String(employee.userName) });
    await expectSignedInAs(first.sub, employee.id);
    const second = await person({ email: String(employee.userName), email_verified: true });
    await expectRefused(second.sub, 'account_conflict');
    await expectSignedInAs(first.sub, employee.id);
  });

  it("links by a vouched-for email someone provisioned with an externalId that is no id of the account (Entra's default mailNickname)", async () => {
    const employee = await provision(newEmail(), { externalId: `nick-${randomUUID()}` });
    const account = await person({
      email: String(employee.userName),
      email_verified: false,
      xms_edov: true,
      oid: randomUUID(),
    });
    await expectSignedInAs(account.sub, employee.id);
  });

  it('refuses someone the company did not provision, saying so, when just-in-time creation is off', async () => {
    const stranger = await person({ email: newEmail(), email_verified: true });
    await expectRefused(stranger.sub, 'not_provisioned');
  });

  it('creates someone at their first sign-in when just-in-time creation is on, with a verified email only', async () => {
    const newcomer = await person({ email: newEmail(), email_verified: true, name: 'Nia Newcomer' });
    const { landing, accessToken } = await signIn(newcomer.sub, withJit);
    expect(landing.href).toBe(`${withJit.baseUrl}/sso-complete`);
    const claims = claimsOf(String(accessToken));
    expect(claims.email).toBe(newcomer.email);
    const me = await withJit.call('GET', '/v1/employees/me', { token: accessToken });
    expect(me.body).toMatchObject({ id: claims.sub, name: 'Nia Newcomer', email: newcomer.email });
    await expectSignedInAs(newcomer.sub, claims.sub, withJit);

    const unverified = await person({ email: newEmail(), email_verified: false });
    await expectRefused(unverified.sub, 'email_unusable', withJit);
  });

  it('refuses a deactivated employee', async () => {
    const oid = randomUUID();
    const gone = await provision(newEmail(), { externalId: oid, active: false });
    const account = await person({ email: String(gone.userName), oid });
    await expectRefused(account.sub, 'deactivated');
  });

  it("makes admins of the members of the IdP's admin group (OIDC_ADMIN_GROUP), and of no one else", async () => {
    const boss = await provision(newEmail());
    const bossAccount = await person({ email: String(boss.userName), groups: ['Engineering', adminGroup] });
    expect((await expectSignedInAs(bossAccount.sub, boss.id)).roles).toEqual(['employee', 'admin']);
    const colleague = await provision(newEmail());
    const colleagueAccount = await person({ email: String(colleague.userName), groups: ['Engineering'] });
    expect((await expectSignedInAs(colleagueAccount.sub, colleague.id)).roles).toEqual(['employee']);
  });

  it('bootstraps an ADMIN_EMAILS admin only for an address the provider vouches for', async () => {
    const [proven = '', unproven = ''] = bootstrapAdmins;
    const admin = await provision(proven);
    const adminAccount = await person({ email: proven, email_verified: true });
    expect((await expectSignedInAs(adminAccount.sub, admin.id)).roles).toEqual(['employee', 'admin']);

    // Let in by the immutable id, but with the address unverified: the address proves nothing.
    const oid = randomUUID();
    const claimant = await provision(unproven, { externalId: oid });
    const claimantAccount = await person({ email: unproven, email_verified: false, oid });
    expect((await expectSignedInAs(claimantAccount.sub, claimant.id)).roles).toEqual(['employee']);
  });

  it('never makes an admin of whoever registers an ADMIN_EMAILS address with a password', async () => {
    const answer = await identity.call<{ accessToken?: string }>('POST', '/v1/auth/register', {
      body: { email: bootstrapAdmins[1], password: 'correct horse battery staple', name: 'Eve' },
    });
    if (answer.body.accessToken !== undefined)
      expect(claimsOf(answer.body.accessToken).roles).not.toContain('admin');
    const login = await identity.login(String(bootstrapAdmins[1]), 'correct horse battery staple');
    if (login.status === 200) expect(claimsOf(String(login.body.accessToken)).roles).not.toContain('admin');
  });

  it('completes a sign-in only in the browser that started it, and only once', async () => {
    const employee = await provision(newEmail());
    const account = await person({ email: String(employee.userName) });
    const follow = [idp.issuer];
    const browser = new RedirectingBrowser();
    const loginPage = await browser.visit(`${identity.baseUrl}/v1/auth/sso/start`, follow);
    const start = browser.visited[0];
    expect(start?.pathname).toBe('/v1/auth/sso/start');
    const back = await browser.visit(`${loginPage.url.href}/login`, follow, {
      method: 'POST',
      form: { login: account.sub },
    });
    const callback = back.location;
    if (!callback) throw new Error('the IdP sent the browser nowhere');
    expect(callback.pathname).toBe('/v1/auth/sso/callback');

    // Another browser (no login cookie) with the same code and state: refused.
    const elsewhere = await fetch(callback, { redirect: 'manual' });
    expect(elsewhere.headers.get('location')).toBe(`${identity.baseUrl}/signin?error=sso_failed`);

    const own = await fetch(callback, {
      redirect: 'manual',
      headers: { cookie: browser.cookieHeader(callback) },
    });
    expect(own.headers.get('location')).toBe(`${identity.baseUrl}/sso-complete`);
    expect(own.headers.getSetCookie().join('\n')).toMatch(
      /vouch_refresh=[\w-]+; Path=\/v1\/auth; .*HttpOnly/,
    );

    // The same answer again, cookie and all: the sign-in was used.
    const replay = await fetch(callback, {
      redirect: 'manual',
      headers: { cookie: browser.cookieHeader(callback) },
    });
    expect(replay.headers.get('location')).toBe(`${identity.baseUrl}/signin?error=sso_failed`);
  });

  it('sends back to the sign-in page when the person cancels at the provider', async () => {
    const browser = new RedirectingBrowser();
    await browser.visit(`${identity.baseUrl}/v1/auth/sso/start`, [idp.issuer]);
    const cancelled = await fetch(
      `${identity.baseUrl}/v1/auth/sso/callback?error=access_denied&state=whatever`,
      {
        redirect: 'manual',
        headers: { cookie: browser.cookieHeader(new URL(identity.baseUrl)) },
      },
    );
    expect(cancelled.headers.get('location')).toBe(`${identity.baseUrl}/signin?error=sso_failed`);
  });
});

describe('single sign-on, with the provider unreachable', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    // Nothing listens there: discovery fails at the first sign-in, not at boot.
    identity = await IdentityApp.start('identity_sso_down', (port) => ({
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      OIDC_ISSUER: 'http://127.0.0.1:9/unreachable',
      OIDC_CLIENT_ID: 'vouch',
      OIDC_CLIENT_SECRET: 'a-client-secret',
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '3',
    }));
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('starts anyway, and sends whoever tries back to the sign-in page', async () => {
    const start = await fetch(`${identity.baseUrl}/v1/auth/sso/start`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    expect(start.headers.get('location')).toBe(`${identity.baseUrl}/signin?error=sso_failed`);
  });

  it('answers 429 with Retry-After to one address starting more sign-ins than a login limit allows', async () => {
    const start = (address: string) =>
      fetch(`${identity.baseUrl}/v1/auth/sso/start`, {
        redirect: 'manual',
        headers: { 'x-forwarded-for': address },
      });
    const address = newClientAddress();
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await start(address)).status).toBe(302);

    const refused = await start(address);

    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await start(newClientAddress())).status).toBe(302);
  });
});

describe('single sign-on, unconfigured', () => {
  let identity: IdentityApp;

  beforeAll(async () => {
    identity = await IdentityApp.start('identity_sso_off');
  });

  afterAll(async () => {
    await identity?.stop();
  });

  it('has no single sign-on routes, and says so', async () => {
    expect((await identity.call('GET', '/v1/auth/sso/start')).status).toBe(404);
    expect((await identity.call('GET', '/v1/auth/sso/callback?code=x&state=y')).status).toBe(404);
    expect((await identity.call('GET', '/v1/auth/methods')).body).toEqual({ sso: false, password: true });
  });
});
