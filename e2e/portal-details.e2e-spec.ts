import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Employee, Platform } from '@vouch/testing';
import { describeInBrowser, pageTitle, PortalInBrowser } from './portal-support/portal';

const SAMPLE_TEXT = 'Made every release calmer; explains, listens and follows through, every single time.';

/**
 * The portal's details in a real browser: the menu counts what waits for an answer, asking defaults
 * to what the org chart knows, badges name both sides, the meter counts a job title, and the
 * profile's language switches the portal.
 */
describeInBrowser("the portal's details", () => {
  let stack: PortalInBrowser;
  let platform: Platform;
  // Mia manages Rui; Eva works elsewhere.
  let mia: Employee;
  let rui: Employee;
  let eva: Employee;

  const hire = (name: string, manager?: Employee) =>
    platform.register(name, {
      manager,
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${randomUUID().slice(0, 6)}@acme.com`,
    });

  beforeAll(async () => {
    stack = await PortalInBrowser.start('e2e_portal_details');
    platform = stack.platform;
    mia = await hire('Mia Souza');
    rui = await hire('Rui Costa', mia);
    eva = await hire('Eva Marques');
    await platform.connect(rui, mia);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  /** A link of the main menu, by its full accessible name. */
  const menu = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  it('counts the requests waiting in the menu, and drops the count once they are answered', async () => {
    await platform.eventually(201, 'recommendations', 'POST', '/v1/recommendation-requests', {
      token: rui.token,
      body: { recipientId: mia.id, relationship: 'supervisor' },
    });
    await platform.eventually(201, 'connections', 'POST', '/v1/connection-requests', {
      token: eva.token,
      body: { toEmployeeId: mia.id },
    });

    const page = await stack.signedIn(mia);
    const recommendations = menu(page, 'Recommendations, 1 pending request');
    await recommendations.waitFor();
    await expect(recommendations.textContent()).resolves.toBe('Recommendations (1)');
    await menu(page, 'Connections, 1 pending request').waitFor();

    await recommendations.click();
    await pageTitle(page, 'Recommendations').waitFor();
    await page.getByRole('region', { name: 'Asked of you' }).getByRole('button', { name: 'Decline' }).click();
    await menu(page, 'Recommendations').waitFor();

    await menu(page, 'Connections, 1 pending request').click();
    await page.getByRole('button', { name: `Accept ${eva.name}` }).click();
    await menu(page, 'Connections').waitFor();
  });

  it('asks (and writes for) a colleague as what the org chart says they are: one’s manager, one’s report, else a co-worker', async () => {
    const asRui = await stack.signedIn(rui);
    await asRui.goto(`/people/${mia.id}`);
    const askMia = asRui.getByLabel(`Ask ${mia.name} for a recommendation as`);
    await askMia.waitFor();
    await expect(askMia.inputValue()).resolves.toBe('supervisor');
    await expect(askMia.locator('option:checked').textContent()).resolves.toBe('my manager');
    // Writing for her starts from the same place.
    await asRui.getByRole('link', { name: `Recommend ${mia.name}` }).click();
    const reportedToHer = asRui.getByLabel('I reported to them');
    await reportedToHer.waitFor();
    await expect(reportedToHer.isChecked()).resolves.toBe(true);

    const asMia = await stack.signedIn(mia);
    await asMia.goto(`/people/${rui.id}`);
    const askRui = asMia.getByLabel(`Ask ${rui.name} for a recommendation as`);
    await askRui.waitFor();
    await expect(askRui.inputValue()).resolves.toBe('subordinate');

    // Eva and Mia connected in the test above; the org chart links them in no way.
    await asMia.goto(`/people/${eva.id}`);
    const askEva = asMia.getByLabel(`Ask ${eva.name} for a recommendation as`);
    await askEva.waitFor();
    await expect(askEva.inputValue()).resolves.toBe('coworker');
  });

  it('names both sides of a recommendation on its badge, and "you" for the reader’s own side', async () => {
    const { id } = await platform.eventually<{ id: string }>(
      201,
      'recommendations',
      'POST',
      '/v1/recommendations',
      {
        token: mia.token,
        body: { subjectId: rui.id, relationship: 'supervisor', text: SAMPLE_TEXT },
      },
    );
    await platform.expectCall(200, 'recommendations', 'POST', `/v1/recommendations/${id}/accept`, {
      token: rui.token,
    });

    const asEva = await stack.signedIn(eva);
    await asEva.goto(`/people/${rui.id}`);
    const onRuisProfile = asEva.getByRole('region', { name: 'Recommendations' }).getByRole('listitem');
    await onRuisProfile.getByText(`${mia.name} was ${rui.name}’s manager`).waitFor();

    const asRui = await stack.signedIn(rui);
    await asRui
      .getByRole('region', { name: 'Recommendations on your profile' })
      .getByText(`${mia.name} was your manager`)
      .waitFor();
  });

  it('raises the completeness meter when the job title is filled', async () => {
    const page = await stack.signedIn(eva);
    const meter = page.getByRole('progressbar', { name: 'Profile completeness' });
    await meter.waitFor();
    const before = Number(await meter.getAttribute('value'));
    await page.getByLabel('Job title').fill('Product designer');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.waitForFunction(
      `Number(document.getElementById('completeness-meter').value) === ${before + 10}`,
    );
  });

  it('switches the whole portal to the language chosen on the profile', async () => {
    const page = await stack.signedIn(eva);
    await page.getByLabel('Language', { exact: true }).selectOption({ label: 'Deutsch' });
    await page.getByLabel('Time zone', { exact: true }).selectOption('Europe/Berlin');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('navigation', { name: 'Hauptmenü' }).getByRole('link', { name: 'Profil' }).waitFor();
    await pageTitle(page, 'Dein Profil').waitFor();
    await expect(page.evaluate('document.documentElement.lang')).resolves.toBe('de');
    const me = await platform.expectCall<{ language: string; timeZone: string }>(
      200,
      'identity',
      'GET',
      '/v1/employees/me',
      { token: eva.token },
    );
    expect(me).toEqual(expect.objectContaining({ language: 'de', timeZone: 'Europe/Berlin' }));
  });
});
