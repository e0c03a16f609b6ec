import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { DevIdp, freePort, Platform } from '@vouch/testing';
import { describeInBrowser, launchChromium, Portal } from './portal-support/portal';

const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/**
 * "Sign in with your company account" in a real browser: the portal's button, the development
 * company IdP's login page (oidc-provider), identity's callback through the portal's gateway, and
 * the portal signed in. identity has single sign-on only, as a company configures it.
 */
describeInBrowser('signing in to the portal with the company account', () => {
  let idp: DevIdp;
  let platform: Platform;
  let portal: Portal;
  let browser: Browser;

  beforeAll(async () => {
    idp = await DevIdp.start();
    const portalPort = await freePort();
    const portalUrl = `http://127.0.0.1:${portalPort}`;
    const client = DevIdp.newClient();
    platform = await Platform.start(
      'e2e_portal_sso',
      ['identity', 'connections', 'recommendations', 'notifications'],
      {
        identity: {
          PUBLIC_URL: portalUrl,
          OIDC_ISSUER: idp.issuer,
          OIDC_CLIENT_ID: client.clientId,
          OIDC_CLIENT_SECRET: client.clientSecret,
          // A company that signs in only through its IdP.
          AUTH_PASSWORD_ENABLED: 'false',
        },
        notifications: { PUBLIC_URL: portalUrl },
      },
    );
    // The redirect URI a company registers: the portal's origin, which sends /v1/auth to identity.
    await idp.addClient(client, `${portalUrl}/v1/auth/sso/callback`);
    portal = await Portal.start(platform, portalPort);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await platform?.stop();
    await idp?.stop();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: portal.url, viewport: { width: 1100, height: 800 } });
    return context.newPage();
  }

  async function signInAtCompany(page: Page, email: string): Promise<void> {
    await page.goto('/signin');
    await page.getByRole('link', { name: 'Sign in with your company account' }).click();
    await page.getByText('Development company IdP').first().waitFor();
    await page.getByLabel('Work email').fill(email);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('signs an employee the company provisioned in through its IdP, from the sign-in page’s button', async () => {
    const email = `nia.${randomUUID().slice(0, 8)}@acme.com`;
    await platform.expectCall(201, 'identity', 'POST', '/scim/v2/Users', {
      token: platform.scimToken,
      body: { schemas: [SCIM_USER], userName: email, displayName: 'Nia Okoro' },
    });
    await idp.addPerson({ email, name: 'Nia Okoro', email_verified: true });

    const page = await newPage();
    await page.goto('/signin');
    // Single sign-on only: no password form.
    await page.getByRole('link', { name: 'Sign in with your company account' }).waitFor();
    expect(await page.getByLabel('Password').count()).toBe(0);

    await signInAtCompany(page, email);
    await page.getByRole('heading', { level: 1, name: 'Your profile', exact: true }).waitFor();
    // Their own profile, as the company provisioned it.
    expect(await page.getByLabel('Full name').inputValue()).toBe('Nia Okoro');
    expect(new URL(page.url()).pathname).toBe('/profile');
  });

  it('tells someone the company did not give access whom to ask', async () => {
    const email = `stranger.${randomUUID().slice(0, 8)}@acme.com`;
    await idp.addPerson({ email, email_verified: true });
    const page = await newPage();
    await signInAtCompany(page, email);
    await page.getByRole('alert').getByText('Ask your IT administrator', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('error')).toBe('not_provisioned');
  });
});
