import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { waitFor, type Employee, type Platform } from '@vouch/testing';
import { describeInBrowser, pageTitle, PASSWORD, PortalInBrowser, screenshot } from './portal-support/portal';

const SAMPLE_TEXT = 'Made every release calmer; explains, listens and follows through, every single time.';

/**
 * HR's pages in a real browser, in front of the four services as processes: who sees them, a
 * person's page (manager, deactivation), and the coverage of a small org tree with its CSV.
 */
describeInBrowser("the portal's HR pages", () => {
  let stack: PortalInBrowser;
  let platform: Platform;
  let hr: Employee;

  beforeAll(async () => {
    stack = await PortalInBrowser.start('e2e_portal_hr');
    platform = stack.platform;
    // An admin makes Hana HR; her next sign-in carries the role.
    hr = await hire('Hana Haddad');
    const admin = await platform.admin();
    await platform.expectCall(200, 'identity', 'PUT', `/v1/admin/employees/${hr.id}/hr-role`, {
      token: admin.token,
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** Someone who signed up, with an address a reader recognises; placed under `manager` over SCIM. */
  const hire = (name: string, manager?: Employee) =>
    platform.register(name, {
      manager,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@acme.com`,
    });

  const signedIn = (who: Employee) => stack.signedIn(who);

  const title = pageTitle;
  const hrMenu = (page: Page) => page.getByRole('navigation', { name: 'HR' });

  /** The cells of a table's row, as the page shows them. */
  const cells = (row: Locator) => row.locator('th, td').allTextContents();

  /** Reloads until `target` shows: the services learn of each other's changes a moment later. */
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

  async function recommendAndAccept(
    author: Employee,
    subject: Employee,
    relationship: string,
  ): Promise<void> {
    await platform.connect(author, subject);
    const { id } = await platform.eventually<{ id: string }>(
      201,
      'recommendations',
      'POST',
      '/v1/recommendations',
      {
        token: author.token,
        body: { subjectId: subject.id, relationship, text: SAMPLE_TEXT },
      },
    );
    await platform.expectCall(200, 'recommendations', 'POST', `/v1/recommendations/${id}/accept`, {
      token: subject.token,
    });
  }

  it('shows an employee no HR menu, and a clear "not allowed" on an HR page opened by its address', async () => {
    const page = await signedIn(await hire('Eli Employee'));

    await expect(hrMenu(page).count()).resolves.toBe(0);
    await page.goto('/hr/coverage');

    await title(page, 'Not allowed').waitFor();
    await page.getByRole('alert').getByText('This page is for HR and admins only.').waitFor();
  });

  it('lets HR find a person, set their manager, then deactivate and reactivate them', async () => {
    const quinn = await hire('Quinn Lead');
    const pat = await hire('Pat Jones');
    // The identity provider places Sam: HR data owns that link, so the portal offers no change.
    const sam = await hire('Sam Synced', quinn);
    const page = await signedIn(hr);

    await hrMenu(page).getByRole('link', { name: 'People' }).click();
    await title(page, 'People (HR)').waitFor();
    await page.getByLabel('Find a person by name, email or job title').fill('Pat Jones');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('cell', { name: pat.email }).waitFor();
    await page.getByRole('link', { name: 'Pat Jones' }).click();
    await title(page, 'Pat Jones').waitFor();
    await page.getByText('No manager.').waitFor();

    await page.getByLabel('Find the new manager').fill('Quinn Lead');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Make Quinn Lead the manager' }).click();
    const manager = page.getByRole('region', { name: 'Manager' });
    await manager.getByRole('link', { name: 'Quinn Lead' }).waitFor();
    await manager.getByText('set by HR or an admin, in Vouch').waitFor();

    // Quinn's page lists Pat among the reports; Quinn under Pat would be a cycle: the 400 says so.
    await manager.getByRole('link', { name: 'Quinn Lead' }).click();
    await title(page, 'Quinn Lead').waitFor();
    await page.getByRole('region', { name: 'Reports' }).getByRole('link', { name: 'Pat Jones' }).waitFor();
    await page.getByLabel('Find the new manager').fill('Pat Jones');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'Make Pat Jones the manager' }).click();
    await page.getByRole('alert').getByText(/cycle/i).waitFor();

    await page.goto(`/hr/people/${sam.id}`);
    await title(page, 'Sam Synced').waitFor();
    await page.getByText('HR data owns this link: the identity provider sets it').waitFor();
    await expect(page.getByLabel('Find the new manager').count()).resolves.toBe(0);

    await page.goto(`/hr/people/${pat.id}`);
    await page.getByRole('button', { name: 'Deactivate Pat Jones' }).click();
    await page.getByText('Deactivate Pat Jones? They are signed out everywhere').waitFor();
    await screenshot(page, 'hr-person');
    await page.getByRole('button', { name: 'Yes, deactivate' }).click();
    await page.getByText('Deactivated', { exact: true }).first().waitFor();
    await expect(
      platform.call('identity', 'POST', '/v1/auth/login', { body: { email: pat.email, password: PASSWORD } }),
    ).resolves.toMatchObject({ status: 401 });

    await page.getByRole('button', { name: 'Reactivate Pat Jones' }).click();
    await page.getByText('Active', { exact: true }).waitFor();
    await expect(
      platform.call('identity', 'POST', '/v1/auth/login', { body: { email: pat.email, password: PASSWORD } }),
    ).resolves.toMatchObject({ status: 200 });
  });

  it('shows HR the coverage of an org tree, rolled up, as charts and numbers, and downloads it as CSV', async () => {
    // Mia manages Ana and Ben; Ana manages Dev.
    const mia = await hire('Mia Souza');
    const ana = await hire('Ana Lima', mia);
    const ben = await hire('Ben Okafor', mia);
    const dev = await hire('Dev Patel', ana);
    await recommendAndAccept(mia, ana, 'supervisor');
    await recommendAndAccept(dev, ana, 'subordinate');
    await recommendAndAccept(ana, ben, 'coworker');
    const page = await signedIn(hr);

    await hrMenu(page).getByRole('link', { name: 'Coverage' }).click();
    await title(page, 'Coverage').waitFor();
    const miasTeam = page.locator('tr[data-team="Mia Souza"]');
    await reloadUntilVisible(page, miasTeam.filter({ hasText: /^Mia Souza41112$/ }));
    await expect(cells(miasTeam)).resolves.toEqual(['Mia Souza', '4', '1', '1', '1', '2']);
    await page
      .getByRole('img', {
        name: /per team, by kind\..*Mia Souza: 1 from managers, 1 from co-workers, 1 from reports/,
      })
      .waitFor();
    await page.getByRole('img', { name: /People by how many accepted recommendations they have/ }).waitFor();

    await miasTeam.getByRole('link', { name: 'Mia Souza' }).click();
    await page.getByRole('heading', { name: 'Team of Mia Souza, everyone below them' }).waitFor();
    const anasTeam = page
      .getByRole('region', { name: 'Teams one level down' })
      .locator('tr[data-team="Ana Lima"]');
    await expect(cells(anasTeam)).resolves.toEqual(['Ana Lima', '2', '1', '0', '1', '1']);
    // The list loads on its own: until its answer arrives it still shows the whole company's.
    const uncovered = page.getByRole('region', { name: 'No recommendation yet' });
    await waitFor(
      "who in Mia's team has no recommendation yet",
      () => uncovered.getByRole('listitem').allTextContents(),
      (names) => names.join(', ') === 'Dev Patel, Mia Souza',
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    await expect(
      page.getByRole('img', { name: /People by how many/ }).getAttribute('aria-labelledby'),
    ).resolves.toBe('spread-title');
    await expect(page.locator('#spread-title').textContent()).resolves.toMatch(
      /0 recommendations: 2 people, 1 recommendation: 1 person, 2 recommendations: 1 person/,
    );
    await screenshot(page, 'hr-coverage');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('team-coverage.csv');
    expect(readFileSync(await download.path(), 'utf8').split('\r\n')).toEqual([
      'manager_id,manager_name,parent_manager_id,depth,size,supervisor,coworker,subordinate,without_recommendation',
      `${mia.id},Mia Souza,,0,4,1,1,1,2`,
      `${ana.id},Ana Lima,${mia.id},1,2,1,0,1,1`,
      '',
    ]);

    await hrMenu(page).getByRole('link', { name: 'People' }).click();
    await page.getByRole('link', { name: 'Mia Souza' }).waitFor();
    await screenshot(page, 'hr-people');
  });

  it('shows a member of HR whose language is German the coverage page in German, counts in the plural', async () => {
    const lena = await hire('Lena Becker');
    await hire('Kai Wagner', lena);
    const greta = await hire('Greta Graf');
    const admin = await platform.admin();
    await platform.expectCall(200, 'identity', 'PUT', `/v1/admin/employees/${greta.id}/hr-role`, {
      token: admin.token,
    });
    const page = await signedIn(greta);
    // Signed in, the identity provider gives her language: German, from the next page she opens.
    await platform.expectCall(201, 'identity', 'POST', '/scim/v2/Users', {
      token: platform.scimToken,
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: greta.email,
        displayName: greta.name,
        preferredLanguage: 'de',
      },
    });

    await page.goto(`/hr/coverage?managerId=${lena.id}`);
    await title(page, 'Abdeckung').waitFor();
    await reloadUntilVisible(
      page,
      page
        .getByRole('region', { name: 'Noch keine Empfehlung' })
        .getByText('2 Personen haben keine angenommene Empfehlung.'),
    );
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
  });
});
