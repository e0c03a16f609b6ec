import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { accountLinkToken, freePort, waitForEmail, type ReceivedEmail } from '@vouch/testing';
import { describeInBrowser, launchChromium, Portal } from './portal-support/portal';
import { Platform, type Employee } from '@vouch/testing';

/** `npm run verify-document -- …`, as a future employer runs it on a downloaded file. */
const verifyDocument = (...args: string[]) =>
  promisify(execFile)(
    process.execPath,
    ['-r', '@swc-node/register', 'services/recommendations/src/verify-document.ts', ...args],
    { cwd: path.resolve(__dirname, '..'), env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.json' } },
  );

/** `npm run portal:screenshots` sets it: the scenario then photographs the main pages for the README. */
const SCREENSHOTS = process.env.PORTAL_SCREENSHOTS_DIR;
const PASSWORD = 'correct horse battery staple';

interface Person {
  name: string;
  email: string;
  title: string;
}

/**
 * The portal in a real browser, in front of the four services as processes, on real Kafka,
 * PostgreSQL and SMTP: what two colleagues see and click, and the email link that brings one back.
 */
describeInBrowser('the employee portal', () => {
  let platform: Platform;
  let portal: Portal;
  let browser: Browser;

  beforeAll(async () => {
    const portalPort = await freePort();
    platform = await Platform.start(
      'e2e_portal',
      ['identity', 'connections', 'recommendations', 'notifications'],
      {
        // identity's account emails (confirm your email, reset your password) lead there too.
        identity: { PUBLIC_URL: `http://127.0.0.1:${portalPort}` },
        notifications: {
          // Every email link leads to the portal, as in production.
          PUBLIC_URL: `http://127.0.0.1:${portalPort}`,
          SENDER_POLL_INTERVAL_MS: '100',
          SENDER_RETRY_INITIAL_DELAY_MS: '100',
        },
      },
    );
    portal = await Portal.start(platform, portalPort);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await platform?.stop();
  });

  async function newTab(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ baseURL: portal.url, viewport: { width: 1100, height: 800 } });
    return { context, page: await context.newPage() };
  }

  async function screenshot(page: Page, name: string): Promise<void> {
    if (!SCREENSHOTS) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  const person = (name: string, title: string): Person => ({
    name,
    title,
    email: `${name.split(' ')[0].toLowerCase()}.${randomUUID().slice(0, 8)}@acme.com`,
  });

  /** The page's title: its one h1. */
  const title = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

  /** A link of the main menu. */
  const menu = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  async function signUp(page: Page, who: Person): Promise<void> {
    await page.goto('/signup');
    await page.getByLabel('Full name').fill(who.name);
    await page.getByLabel('Work email').fill(who.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByLabel('Job title (optional)').fill(who.title);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Check your email.').waitFor();
    // The address is proven as a person proves it: the link of the "Confirm your email" email, whose
    // page confirms only when its button is pressed (opening it, as a mail scanner does, does nothing).
    const confirmation = await waitForEmail(who.email, 'Confirm your email');
    await page.goto(`/confirm-email#token=${accountLinkToken(confirmation, '/confirm-email')}`);
    await title(page, 'Confirm your email').waitFor();
    await page.getByRole('button', { name: 'Confirm my email' }).click();
    await title(page, 'Your profile').waitFor();
  }

  /** Someone who signed up in the portal, as identity knows them: for what the company does to them. */
  async function employeeOf(who: Person): Promise<Employee> {
    const { accessToken } = await platform.expectCall<{ accessToken: string }>(
      200,
      'identity',
      'POST',
      '/v1/auth/login',
      { body: { email: who.email, password: PASSWORD } },
    );
    const me = await platform.expectCall<{ id: string }>(200, 'identity', 'GET', '/v1/employees/me', {
      token: accessToken,
    });
    return { id: me.id, name: who.name, email: who.email, token: accessToken };
  }

  /**
   * Reloads until `target` shows: the services learn of each other's changes through Kafka a moment
   * after the click that caused them.
   */
  async function reloadUntilVisible(page: Page, target: Locator): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (
      !(await target.waitFor({ timeout: 1_500 }).then(
        () => true,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`${String(target)} did not show on ${page.url()}`);
      await page.reload();
    }
  }

  /** Submits a form until the page changes: the first try may come before an event got through. */
  async function submitUntil(page: Page, button: Locator, arrived: Locator): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      await button.click();
      if (
        await arrived.waitFor({ timeout: 3_000 }).then(
          () => true,
          () => false,
        )
      )
        return;
      if (Date.now() > deadline) throw new Error(`${String(arrived)} did not show on ${page.url()}`);
    }
  }

  function linkIn(email: ReceivedEmail, label: string): URL {
    const match = new RegExp(`${label}: (\\S+)`).exec(email.text);
    if (!match?.[1]) throw new Error(`no "${label}" link in:\n${email.text}`);
    return new URL(match[1]);
  }

  it('takes two colleagues from signing up to recommending each other, through the nudge email', async () => {
    const ana = person('Ana Lima', 'Staff engineer');
    const ben = person('Ben Okafor', 'Software engineer');

    // Both sign up; the company's identity provider places Ben under Ana (SCIM), so the org chart
    // can verify what they write.
    const { page: anaPage } = await newTab();
    await signUp(anaPage, ana);
    await anaPage.getByRole('progressbar', { name: 'Profile completeness' }).waitFor();
    await expect(anaPage.locator('.next-hint').textContent()).resolves.toMatch(/^Next: \S/);
    const { page: benPage } = await newTab();
    await signUp(benPage, ben);
    await platform.setManager(await employeeOf(ben), await employeeOf(ana));

    // Ben builds his resume; the completeness meter rises as he saves it.
    const meter = benPage.getByRole('progressbar', { name: 'Profile completeness' });
    await meter.waitFor();
    const scoreBefore = Number(await meter.getAttribute('value'));
    await benPage.getByLabel('Headline').fill('Makes releases boring, in the best way');
    await benPage.getByRole('button', { name: 'Add a position' }).click();
    await benPage.getByLabel('Title', { exact: true }).fill('Software engineer');
    await benPage.getByLabel('Team').fill('Release engineering');
    await benPage.getByLabel('From').fill('2022-03');
    await benPage.getByLabel('Skills').fill('TypeScript, Kafka, CI/CD');
    await benPage.getByRole('button', { name: 'Save profile' }).click();
    await benPage.getByRole('status').getByText('Saved.').waitFor();
    await benPage.waitForFunction(
      `Number(document.getElementById('completeness-meter').value) > ${scoreBefore}`,
    );

    // Ana finds Ben among the people she may know and asks to connect; Ben accepts.
    await menu(anaPage, 'Connections').click();
    const connectWithBen = anaPage.getByRole('button', { name: `Connect with ${ben.name}` });
    await reloadUntilVisible(anaPage, connectWithBen);
    await connectWithBen.click();
    await reloadUntilVisible(
      anaPage,
      anaPage.getByRole('button', { name: `Withdraw the request to ${ben.name}` }),
    );

    await benPage.goto('/connections');
    const acceptAna = benPage.getByRole('button', { name: `Accept ${ana.name}` });
    await reloadUntilVisible(benPage, acceptAna);
    await acceptAna.click();
    await benPage.getByRole('link', { name: `Recommend ${ana.name}` }).waitFor();

    // Ana recommends Ben, as his manager; the counter says how far the text is from the limits.
    await anaPage.goto('/connections');
    const recommendBen = anaPage.getByRole('link', { name: `Recommend ${ben.name}` });
    await reloadUntilVisible(anaPage, recommendBen);
    await recommendBen.click();
    await title(anaPage, 'Write a recommendation').waitFor();
    await anaPage.getByLabel('I was their manager').check();
    const anasText = anaPage.getByLabel('Your recommendation');
    await anasText.fill('Ben is great.');
    await expect(anaPage.locator('#recommendation-text-limit').textContent()).resolves.toBe(
      '13 / 3000 · 7 characters more to go',
    );
    await anasText.fill('Ben rebuilt our release pipeline and taught the whole team how it works.');
    await expect(anaPage.locator('#recommendation-text-limit').textContent()).resolves.toBe('72 / 3000');
    // The same page opened in another tab (no access token of its own): signed in silently from the
    // session's refresh cookie, through the gateway, with the unsent draft restored.
    const anotherTab = await anaPage.context().newPage();
    await anotherTab.goto(anaPage.url());
    await anotherTab.getByText('Your unsent draft is restored.').waitFor();
    await expect(anotherTab.getByLabel('Your recommendation').inputValue()).resolves.toBe(
      'Ben rebuilt our release pipeline and taught the whole team how it works.',
    );
    await expect(anotherTab.getByLabel('I was their manager').isChecked()).resolves.toBe(true);
    await anotherTab.close();
    await screenshot(anaPage, 'write');
    await submitUntil(
      anaPage,
      anaPage.getByRole('button', { name: `Recommend ${ben.name}` }),
      title(anaPage, 'Your recommendation'),
    );
    // Sent: the draft is gone from the browser.
    await expect(
      anaPage.evaluate("Object.keys(localStorage).filter((key) => key.startsWith('vouch.draft.'))"),
    ).resolves.toEqual([]);

    // Ben's email thanks-nudge links to the portal; he follows it signed out, signs in, and lands
    // on the "write one back" page for Ana.
    const nudge = await waitForEmail(ben.email, `${ana.name} recommended you`);
    const writeBack = linkIn(nudge, `Recommend ${ana.name}`);
    expect(writeBack.origin).toBe(portal.url);
    expect(writeBack.pathname).toBe('/recommendations/new');
    const { page: benFromEmail } = await newTab();
    await benFromEmail.goto(writeBack.href);
    await title(benFromEmail, 'Sign in').waitFor();
    await benFromEmail.getByText('Sign in to continue to the page you opened.').waitFor();
    await screenshot(benFromEmail, 'sign-in');
    await benFromEmail.getByLabel('Work email').fill(ben.email);
    await benFromEmail.getByLabel('Password').fill(PASSWORD);
    await benFromEmail.getByRole('button', { name: 'Sign in' }).click();
    await title(benFromEmail, 'Write a recommendation').waitFor();
    expect(new URL(benFromEmail.url()).pathname + new URL(benFromEmail.url()).search).toBe(
      writeBack.pathname + writeBack.search,
    );
    await benFromEmail.getByLabel('I reported to them').check();
    await benFromEmail
      .getByLabel('Your recommendation')
      .fill('Ana is the manager who made our team both faster and calmer: clear goals, honest feedback.');
    await benFromEmail.getByRole('button', { name: `Recommend ${ana.name}` }).click();
    await title(benFromEmail, 'Your recommendation').waitFor();
    // His returns the favour, and says so.
    await benFromEmail.getByText('Mutual: you recommended each other').waitFor();

    // Ben accepts Ana's recommendation from the email's "show" link: the earlier one of the two is
    // mutual now too.
    await benFromEmail.goto(linkIn(nudge, 'Show the recommendation').href);
    await benFromEmail.getByText('Mutual: you recommended each other').waitFor();
    await benFromEmail.getByRole('button', { name: 'Accept and show on my profile' }).click();
    await benFromEmail.getByText('On the profile').waitFor();

    // Ana accepts Ben's: it shows on her profile, marked as from a report and verified.
    await anaPage.goto('/recommendations');
    const received = anaPage.getByRole('region', { name: 'Received' });
    await reloadUntilVisible(anaPage, received.getByRole('button', { name: 'Accept' }));
    await received.getByRole('button', { name: 'Accept' }).click();
    await received.getByText('On the profile').waitFor();
    // Both of hers are mutual: Ben's to her, and her earlier one to him.
    await received.getByText('Mutual: you recommended each other').waitFor();
    await anaPage
      .getByRole('region', { name: 'Written by you' })
      .getByText('Mutual: you recommended each other')
      .waitFor();

    // She downloads it signed, and it checks out against the keys her company publishes on the portal.
    const [download] = await Promise.all([
      anaPage.waitForEvent('download'),
      received.getByRole('button', { name: 'Download signed document' }).click(),
    ]);
    const { stdout } = await verifyDocument(
      await download.path(),
      '--keys',
      `${portal.url}/.well-known/vouch-document-keys.json`,
    );
    expect(stdout).toContain(`subject:         ${ana.name} (${ana.title})`);
    expect(stdout).toContain('recommendations: 1');
    expect(stdout).toContain('valid: signed with a key the issuer publishes');

    await menu(anaPage, 'Profile').click();
    const onProfile = anaPage
      .getByRole('region', { name: 'Recommendations on your profile' })
      .getByRole('listitem');
    await onProfile.getByText('Ben Okafor reported to you').waitFor();
    await expect(onProfile.allTextContents()).resolves.toEqual([
      expect.stringMatching(
        /Ana is the manager who made our team.*Ben Okafor.*Ben Okafor reported to you.*Verified by the org chart, as set by the identity provider/,
      ),
    ]);
    await screenshot(anaPage, 'profile');

    // Her balance shows one recommendation from a report, none from above or beside.
    await menu(anaPage, 'Balance').click();
    const chart = anaPage.getByRole('img', { name: /Accepted recommendations/ });
    await chart.waitFor();
    await expect(chart.getAttribute('aria-labelledby')).resolves.toBe('balance-chart-title');
    await expect(anaPage.locator('#balance-chart-title').textContent()).resolves.toBe(
      'Accepted recommendations. From managers: 0, From co-workers: 0, From reports: 1',
    );
    await screenshot(anaPage, 'balance');

    // Anyone sees Ana's recommendation on Ben's profile, from his manager, verified.
    await anaPage.goto('/connections');
    await anaPage.getByRole('link', { name: ben.name, exact: true }).click();
    await title(anaPage, ben.name).waitFor();
    const onBensProfile = anaPage.getByRole('region', { name: 'Recommendations' }).getByRole('listitem');
    await onBensProfile.getByText('You were Ben Okafor’s manager').waitFor();
    await expect(onBensProfile.allTextContents()).resolves.toEqual([
      expect.stringMatching(
        /Ben rebuilt our release pipeline.*Ana Lima.*You were Ben Okafor’s manager.*Verified by the org chart, as set by the identity provider/,
      ),
    ]);
    await screenshot(anaPage, 'colleague');

    // On a phone, the main pages fit the screen's width: nothing to scroll sideways.
    await anaPage.setViewportSize({ width: 360, height: 740 });
    for (const [path, heading] of [
      ['/profile', 'Your profile'],
      ['/recommendations', 'Recommendations'],
      ['/balance', 'Your balance'],
      ['/connections', 'Connections'],
    ]) {
      await anaPage.goto(path);
      await title(anaPage, heading).waitFor();
      await expect(
        anaPage.evaluate<number>('document.documentElement.scrollWidth'),
      ).resolves.toBeLessThanOrEqual(360);
    }
  });

  it('lets someone the company provisioned set up their sign-in from the invitation email, once', async () => {
    const rui = person('Rui Costa', 'Analyst');
    // The identity provider creates Rui, without a password; an admin sends the invitation.
    const { id } = await platform.expectCall<{ id: string }>(201, 'identity', 'POST', '/scim/v2/Users', {
      token: platform.scimToken,
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: rui.email,
        displayName: rui.name,
      },
    });
    const admin = await platform.admin();
    await platform.expectCall(202, 'identity', 'POST', `/v1/admin/employees/${id}/invitation`, {
      token: admin.token,
    });
    const link = linkIn(
      await waitForEmail(rui.email, "You're invited to Vouch — set up your sign-in"),
      'Set up your sign-in',
    );
    const choosePassword = async (page: Page) => {
      await page.goto(`${link.pathname}${link.search}`);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByLabel('The same password again').fill(PASSWORD);
      await page.getByRole('button', { name: 'Set my password and sign in' }).click();
    };

    const { page } = await newTab();
    await choosePassword(page);
    await title(page, 'Your profile').waitFor();

    const { page: later } = await newTab();
    await choosePassword(later);
    await later
      .getByRole('alert')
      .getByText(/already used to set your password/)
      .waitFor();
  });

  it('resets a forgotten password from the email’s link, with the button, and signs in with the new one', async () => {
    const eva = person('Eva Marques', 'Designer');
    const { page } = await newTab();
    await signUp(page, eva);

    const { page: forgot } = await newTab();
    await forgot.goto('/signin');
    await forgot.getByRole('link', { name: 'Forgot your password?' }).click();
    await forgot.getByLabel('Work email').fill(eva.email);
    await forgot.getByRole('button', { name: 'Send me a link' }).click();
    await forgot.getByText('Check your email.').waitFor();
    const email = await waitForEmail(eva.email, 'Reset your password');
    const token = accountLinkToken(email, '/reset-password');
    await forgot.goto(`/reset-password#token=${token}`);
    await forgot.getByLabel('New password').fill('a brand new passphrase');
    await forgot.getByLabel('The same password again').fill('a brand new passphrase');
    await forgot.getByRole('button', { name: 'Set my new password' }).click();
    await forgot.getByText('Your password is changed.').waitFor();
    await waitForEmail(eva.email, 'Your password was changed');

    await forgot.getByRole('link', { name: 'Sign in' }).click();
    await forgot.getByLabel('Work email').fill(eva.email);
    await forgot.getByLabel('Password').fill('a brand new passphrase');
    await forgot.getByRole('button', { name: 'Sign in' }).click();
    await title(forgot, 'Your profile').waitFor();
  });
});
