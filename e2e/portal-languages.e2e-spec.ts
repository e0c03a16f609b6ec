import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Employee, Platform } from '@vouch/testing';
import { describeInBrowser, pageTitle, PASSWORD, PortalInBrowser } from './portal-support/portal';

const SCIM_USER = 'urn:ietf:params:scim:schemas:core:2.0:User';

/** A moment late on 15 January in UTC: already the 16th in Auckland, still the 15th in Los Angeles. */
const LATE_ON_THE_15TH = '2026-01-15T23:30:00.000Z';

/**
 * The portal's language rules in a real browser, for a company whose default language is
 * Portuguese: a person's own language (from the identity provider, else their profile) wins, then
 * the company's; before signing in, the browser's. Dates in the reader's language and zone.
 */
describeInBrowser("the portal's languages", () => {
  let stack: PortalInBrowser;
  let platform: Platform;

  beforeAll(async () => {
    stack = await PortalInBrowser.start('e2e_portal_languages', () => ({}), { DEFAULT_LANGUAGE: 'pt' });
    platform = stack.platform;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const hire = (name: string) =>
    platform.register(name, {
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@acme.com`,
    });

  /** The identity provider adopts `who` with what it knows of them (SCIM POST /Users). */
  const provision = (who: Employee, attributes: { preferredLanguage?: string; timezone?: string }) =>
    platform.expectCall(201, 'identity', 'POST', '/scim/v2/Users', {
      token: platform.scimToken,
      body: { schemas: [SCIM_USER], userName: who.email, displayName: who.name, ...attributes },
    });

  /** A tab of its own whose browser speaks `locale` and lives in UTC. */
  async function browserSpeaking(locale: string): Promise<Page> {
    const context = await stack.browser.newContext({
      baseURL: stack.portal.url,
      locale,
      timezoneId: 'UTC',
      viewport: { width: 1280, height: 800 },
    });
    return context.newPage();
  }

  /** Signs `who` in from an English-speaking browser: the sign-in page is in English. */
  async function signedIn(who: Employee): Promise<Page> {
    const page = await browserSpeaking('en-US');
    await page.goto('/signin');
    await page.getByLabel('Work email').fill(who.email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/profile');
    return page;
  }

  const mainMenu = (page: Page, name: string) => page.getByRole('navigation', { name });
  const htmlLang = (page: Page) => page.locator('html').getAttribute('lang');

  it("shows a person the portal in the language their identity provider gives, over the company's and the browser's", async () => {
    const greta = await hire('Greta Weber');
    await provision(greta, { preferredLanguage: 'de-DE' });
    const page = await signedIn(greta);

    await mainMenu(page, 'Hauptmenü').getByRole('link', { name: 'Kontakte', exact: true }).click();
    await pageTitle(page, 'Kontakte').waitFor();
    await page.getByRole('heading', { name: 'Leute, die du vielleicht kennst' }).waitFor();
    await expect(htmlLang(page)).resolves.toBe('de');

    await mainMenu(page, 'Hauptmenü').getByRole('link', { name: 'Konto', exact: true }).click();
    await pageTitle(page, 'Dein Konto').waitFor();
    await page.getByRole('button', { name: 'Meine Daten herunterladen' }).waitFor();
  });

  it("shows someone with no language of their own the company's, until they choose one on their profile", async () => {
    const paulo = await hire('Paulo Costa');
    const page = await signedIn(paulo);

    await mainMenu(page, 'Principal').getByRole('link', { name: 'E-mails', exact: true }).click();
    await pageTitle(page, 'Preferências de e-mail').waitFor();
    await page.getByRole('button', { name: 'Salvar preferências' }).waitFor();
    await expect(htmlLang(page)).resolves.toBe('pt');

    await platform.expectCall(200, 'identity', 'PATCH', '/v1/employees/me', {
      token: paulo.token,
      body: { language: 'de' },
    });
    await page.reload();
    await pageTitle(page, 'E-Mail-Einstellungen').waitFor();
    await expect(htmlLang(page)).resolves.toBe('de');
  });

  it("speaks the browser's language before anyone signs in, and the company's to a browser Vouch does not speak", async () => {
    const german = await browserSpeaking('de-DE');
    await german.goto('/signin?error=not_provisioned');
    await pageTitle(german, 'Anmelden').waitFor();
    await german
      .getByRole('alert')
      .getByText('Dein Unternehmen hat dir noch keinen Zugang zu Vouch gegeben.', { exact: false })
      .waitFor();
    await german.getByLabel('Geschäftliche E-Mail-Adresse').waitFor();
    await german.getByRole('link', { name: 'Konto erstellen' }).waitFor();
    await expect(htmlLang(german)).resolves.toBe('de');

    const french = await browserSpeaking('fr-FR');
    // A refusal code the page does not know (anyone can edit the address) reads as one that failed.
    await french.goto('/signin?error=constructor');
    await pageTitle(french, 'Entrar').waitFor();
    await french
      .getByRole('alert')
      .getByText('A entrada com a conta da sua empresa não foi concluída.', { exact: false })
      .waitFor();
    await french.getByLabel('E-mail corporativo').waitFor();
    await expect(htmlLang(french)).resolves.toBe('pt');
  });

  it("dates a connection in the reader's language and zone, and counts connections in their language", async () => {
    // Ana lives in Auckland and reads German; Ben, in Los Angeles, reads the company's Portuguese.
    const ana = await hire('Ana Lima');
    const ben = await hire('Ben Okafor');
    const carla = await hire('Carla Dias');
    await provision(ana, { preferredLanguage: 'de', timezone: 'Pacific/Auckland' });
    await platform.expectCall(200, 'identity', 'PATCH', '/v1/employees/me', {
      token: ben.token,
      body: { timeZone: 'America/Los_Angeles' },
    });
    await platform.connect(ana, ben);
    await platform.connect(carla, ana);

    /** The connections as connections answers them, each made late on 15 January (UTC). */
    const connectedLateOnThe15th = async (page: Page) =>
      page.route(
        (url) => url.pathname === '/v1/connections',
        async (route) => {
          const answer = await route.fetch();
          const body = (await answer.json()) as { items: { since: string }[] };
          await route.fulfill({
            response: answer,
            json: { ...body, items: body.items.map((item) => ({ ...item, since: LATE_ON_THE_15TH })) },
          });
        },
      );

    const anasPage = await signedIn(ana);
    await connectedLateOnThe15th(anasPage);
    await mainMenu(anasPage, 'Hauptmenü').getByRole('link', { name: 'Kontakte', exact: true }).click();
    const anasConnections = anasPage.getByRole('region', { name: 'Deine Kontakte' });
    await anasConnections.getByText('2 Kontakte', { exact: true }).waitFor();
    await anasConnections
      .getByRole('listitem')
      .filter({ hasText: 'Ben Okafor' })
      .getByText(/seit 16\. Jan\.? 2026/)
      .waitFor();

    const bensPage = await signedIn(ben);
    await connectedLateOnThe15th(bensPage);
    await mainMenu(bensPage, 'Principal').getByRole('link', { name: 'Conexões', exact: true }).click();
    const bensConnections = bensPage.getByRole('region', { name: 'Suas conexões' });
    await bensConnections.getByText('1 conexão', { exact: true }).waitFor();
    await bensConnections
      .getByRole('listitem')
      .filter({ hasText: 'Ana Lima' })
      .getByText(/desde 15 de jan\.? de 2026/)
      .waitFor();
  });
});
