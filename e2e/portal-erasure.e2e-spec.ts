import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Employee, Platform } from '@vouch/testing';
import { describeInBrowser, pageTitle, PASSWORD, PortalInBrowser, screenshot } from './portal-support/portal';

const SERVICE_LABELS = ['Profile and sign-in', 'Connections', 'Recommendations', 'Emails'];

/**
 * An admin erasing a person from the portal, with each of the four services' parts followed until
 * done; HR, who may not erase, finding a deactivated person and bringing them back.
 */
describeInBrowser("the portal's erasure and deactivated people", () => {
  let stack: PortalInBrowser;
  let platform: Platform;
  let admin: Employee;
  let hr: Employee;

  beforeAll(async () => {
    stack = await PortalInBrowser.start('e2e_portal_erasure');
    platform = stack.platform;
    admin = await platform.admin();
    // An admin makes Hana HR; her next sign-in carries the role.
    hr = await hire('Hana Haddad');
    await platform.expectCall(200, 'identity', 'PUT', `/v1/admin/employees/${hr.id}/hr-role`, {
      token: admin.token,
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  const hire = (name: string) =>
    platform.register(name, {
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@acme.com`,
    });

  const signedIn = (who: Employee) => stack.signedIn(who);

  const title = pageTitle;
  const hrMenu = (page: Page) => page.getByRole('navigation', { name: 'HR' });

  it('lets an admin erase a person from their page with a reason, and shows every service’s part reach done', async () => {
    const zoe = await hire('Zoe Erasmus');
    // Something of hers in each service: a connection, a recommendation she wrote.
    const ben = await hire('Ben Okafor');
    await platform.connect(zoe, ben);
    await platform.eventually(201, 'recommendations', 'POST', '/v1/recommendations', {
      token: zoe.token,
      body: {
        subjectId: ben.id,
        relationship: 'coworker',
        text: 'Ben keeps a team calm when everything is on fire, and ships.',
      },
    });
    const page = await signedIn(admin);

    await page.goto(`/hr/people/${zoe.id}`);
    await title(page, 'Zoe Erasmus').waitFor();
    await page.getByRole('button', { name: 'Erase personal data…' }).click();
    await page.getByText('This is final: it cannot be undone').waitFor();
    const erase = page.getByRole('button', { name: "Erase Zoe Erasmus's personal data" });
    await page.getByLabel('Request reference').fill('DSR-2026-0042');
    await page.getByLabel('Type “Zoe Erasmus” to confirm').fill('Zoe');
    await expect(erase.isDisabled()).resolves.toBe(true);
    await page.getByLabel('Type “Zoe Erasmus” to confirm').fill('zoe erasmus');
    await screenshot(page, 'hr-erasure-form');
    await erase.click();

    const progress = page.getByRole('region', { name: 'Erasure of personal data' });
    await progress.getByText('Erasure complete: every service has removed what it held').waitFor({
      timeout: 60_000,
    });
    const parts = progress.getByRole('list', { name: "Each service's part" }).getByRole('listitem');
    await expect(parts.allTextContents()).resolves.toEqual(SERVICE_LABELS.map((label) => `Done ${label}`));
    await title(page, 'Erased employee').waitFor();
    await expect(
      platform.call('identity', 'POST', '/v1/auth/login', { body: { email: zoe.email, password: PASSWORD } }),
    ).resolves.toMatchObject({ status: 401 });

    await hrMenu(page).getByRole('link', { name: 'Erasures' }).click();
    await title(page, 'Erasures').waitFor();
    const row = page.locator('tr', { hasText: 'DSR-2026-0042' });
    await row.getByText('Complete', { exact: true }).waitFor();
    await row.getByRole('link', { name: 'Ada Admin' }).waitFor();
    await row.getByRole('link', { name: 'Erased employee' }).waitFor();
    await expect(row.getByRole('listitem').allTextContents()).resolves.toEqual(
      SERVICE_LABELS.map((label) => `Done ${label}`),
    );
    await screenshot(page, 'hr-erasures');

    // A second erasure of the same person: identity's 409, in words.
    await page.goto(`/hr/people/${zoe.id}`);
    await page.getByRole('button', { name: 'Erase personal data…' }).click();
    await page.getByLabel('Request reference').fill('DSR-2026-0042');
    await page.getByLabel('Type “Erased employee” to confirm').fill('Erased employee');
    await page.getByRole('button', { name: "Erase Erased employee's personal data" }).click();
    await page.getByRole('alert').getByText("This person's personal data has already been erased").waitFor();
  });

  it('shows HR no erase action and no Erasures link, and the Erasures page is for admins only', async () => {
    const pat = await hire('Pat Jones');
    const page = await signedIn(hr);

    await page.goto(`/hr/people/${pat.id}`);
    await title(page, 'Pat Jones').waitFor();
    await page.getByRole('button', { name: 'Deactivate Pat Jones' }).waitFor();
    await expect(page.getByRole('button', { name: 'Erase personal data…' }).count()).resolves.toBe(0);
    await expect(hrMenu(page).getByRole('link').allTextContents()).resolves.toEqual([
      'People',
      'Coverage',
      'Deliveries',
    ]);

    await page.goto('/hr/erasures');
    await title(page, 'Not allowed').waitFor();
    await page.getByRole('alert').getByText('This page is for admins only.').waitFor();
  });

  it('lets HR find a deactivated person with the option, marked so, and reactivate them', async () => {
    const surname = `Quist${randomUUID().slice(0, 4)}`;
    const gone = await hire(`Lee ${surname}`);
    await platform.expectCall(200, 'identity', 'POST', `/v1/employees/${gone.id}/deactivate`, {
      token: admin.token,
    });
    const page = await signedIn(hr);

    await hrMenu(page).getByRole('link', { name: 'People' }).click();
    await page.getByLabel('Find a person by name, email or job title').fill(surname);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText(`Nobody active matches “${surname}”.`).waitFor();
    await page.getByLabel('Show deactivated people too').check();

    const row = page.locator('tr', { hasText: gone.email });
    await row.getByText('Deactivated', { exact: true }).waitFor();
    await row.getByRole('link', { name: `Lee ${surname}` }).click();
    await title(page, `Lee ${surname}`).waitFor();
    await page.getByRole('button', { name: `Reactivate Lee ${surname}` }).click();
    await page.getByText('Active', { exact: true }).waitFor();
    await expect(
      platform.call('identity', 'POST', '/v1/auth/login', {
        body: { email: gone.email, password: PASSWORD },
      }),
    ).resolves.toMatchObject({ status: 200 });
  });
});
