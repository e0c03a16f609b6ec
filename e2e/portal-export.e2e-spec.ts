import { readFile } from 'node:fs/promises';
import type { Platform } from '@vouch/testing';
import { describeInBrowser, PortalInBrowser } from './portal-support/portal';

const PRAISE = 'Ana made every release calmer; she explains, listens and follows through.';

interface DownloadedExport {
  exportedAt: string;
  employeeId: string;
  services: {
    identity: { service: string; employeeId: string; profile: { id: string; name: string; email: string } };
    connections: { service: string; connections: Array<{ employeeId: string; name: string | null }> };
    recommendations: {
      service: string;
      received: Array<{ authorId: string; text: string; colleague: { name: string | null } }>;
    };
    notifications: { service: string; employeeId: string };
  };
}

/** "Download my data" in a real browser, in front of the four services: one file with all of it. */
describeInBrowser("downloading one's data from the portal", () => {
  let stack: PortalInBrowser;
  let platform: Platform;

  beforeAll(async () => {
    stack = await PortalInBrowser.start('e2e_portal_export');
    platform = stack.platform;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('saves one JSON file with each service’s part: my profile, my connection, a recommendation I received', async () => {
    const ana = await platform.register('Ana Lima');
    const ben = await platform.register('Ben Ode');
    await platform.connect(ben, ana);
    await platform.eventually(201, 'recommendations', 'POST', '/v1/recommendations', {
      token: ben.token,
      body: { subjectId: ana.id, relationship: 'coworker', text: PRAISE },
    });
    const page = await stack.signedIn(ana);

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Account', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);

    expect(download.suggestedFilename()).toMatch(/^vouch-export-\d{4}-\d{2}-\d{2}\.json$/);
    await page.getByText(/^Saved as vouch-export-/).waitFor();
    const file = JSON.parse(await readFile(await download.path(), 'utf8')) as DownloadedExport;
    expect(file.employeeId).toBe(ana.id);
    expect(file.services.identity).toMatchObject({
      service: 'identity',
      employeeId: ana.id,
      profile: { id: ana.id, name: 'Ana Lima', email: ana.email.toLowerCase() },
    });
    expect(file.services.connections.connections).toEqual([
      expect.objectContaining({ employeeId: ben.id, name: 'Ben Ode' }),
    ]);
    expect(file.services.recommendations.received).toEqual([
      expect.objectContaining({
        authorId: ben.id,
        text: PRAISE,
        colleague: expect.objectContaining({ name: 'Ben Ode' }),
      }),
    ]);
    expect(file.services.notifications).toMatchObject({ service: 'notifications', employeeId: ana.id });
    expect(JSON.stringify(file)).not.toContain(ana.token);
    await page.context().close();
  });
});
