import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type { Employee, Platform } from '@vouch/testing';
import { expectAccessible, expectNoSidewaysScroll, PHONE } from './portal-support/accessibility';
import { describeInBrowser, pageTitle, PortalInBrowser, screenshot } from './portal-support/portal';

const DESKTOP = { width: 1280, height: 800 };

/** Who opens a page: signed out, an employee with a bit of everything, or the admin (HR's pages). */
type Visitor = 'anyone' | 'ana' | 'admin';

interface Visit {
  /** What the test calls the page. */
  name: string;
  visitor: Visitor;
  path: () => string;
  /** Its h1. */
  title: string;
  /** Something of its real content, once loaded: what axe-core must see. */
  content: (page: Page) => Locator;
  /** What the visitor does there first, when the state to check is after it: a form opened, a refusal. */
  interaction?: (page: Page) => Promise<void>;
  /** Photographed at phone width, as `docs/screenshots/phone/<name>.png`, for the README. */
  phoneScreenshot?: string;
}

/**
 * Every page of the portal, with real content, in a real browser, at a desktop's width and at a
 * phone's: axe-core finds no serious or critical violation on any of them, and at a phone's width
 * none of them scrolls sideways.
 */
describeInBrowser('the portal, for everyone, on any screen', () => {
  let stack: PortalInBrowser;
  let platform: Platform;
  let ana: Employee;
  let ben: Employee;
  let cleo: Employee;
  let admin: Employee;
  const ids = { received: '', written: '', request: '' };
  const tabs = new Map<Visitor, Page>();

  beforeAll(async () => {
    stack = await PortalInBrowser.start('e2e_portal_a11y');
    platform = stack.platform;
    admin = await platform.admin();
    // Ana manages Ben; Cleo works beside her; Dev asks Ana to connect; Ana asks Eve.
    [ana, cleo] = await Promise.all([
      platform.register('Ana Lima', { email: unique('ana.lima') }),
      platform.register('Cleo Park', { email: unique('cleo.park') }),
    ]);
    ben = await platform.register('Ben Okafor', { manager: ana, email: unique('ben.okafor') });
    const [dev, eve, zoe] = await Promise.all(
      ['Dev Patel', 'Eve Marques', 'Zoe Erasmus'].map((name) =>
        platform.register(name, { email: unique(name.toLowerCase().replace(' ', '.')) }),
      ),
    );
    if (!dev || !eve || !zoe) throw new Error('registration failed');
    await Promise.all([platform.connect(ben, ana), platform.connect(cleo, ana)]);
    await Promise.all([
      platform.eventually(201, 'connections', 'POST', '/v1/connection-requests', {
        token: dev.token,
        body: { toEmployeeId: ana.id },
      }),
      platform.eventually(201, 'connections', 'POST', '/v1/connection-requests', {
        token: ana.token,
        body: { toEmployeeId: eve.id },
      }),
    ]);
    // Ben and Ana recommend each other, and accept; Cleo asks Ana for one.
    const [received, written, request] = await Promise.all([
      platform.eventually<{ id: string }>(201, 'recommendations', 'POST', '/v1/recommendations', {
        token: ben.token,
        body: {
          subjectId: ana.id,
          relationship: 'subordinate',
          text: 'Ana is the manager who made our team both faster and calmer: clear goals, honest feedback.',
        },
      }),
      platform.eventually<{ id: string }>(201, 'recommendations', 'POST', '/v1/recommendations', {
        token: ana.token,
        body: {
          subjectId: ben.id,
          relationship: 'supervisor',
          text: 'Ben rebuilt our release pipeline and taught the whole team how it works.',
        },
      }),
      platform.eventually<{ id: string }>(201, 'recommendations', 'POST', '/v1/recommendation-requests', {
        token: cleo.token,
        body: {
          recipientId: ana.id,
          relationship: 'coworker',
          message: 'Could you say how the launch went?',
        },
      }),
    ]);
    await Promise.all([
      platform.expectCall(200, 'recommendations', 'POST', `/v1/recommendations/${received.id}/accept`, {
        token: ana.token,
      }),
      platform.expectCall(200, 'recommendations', 'POST', `/v1/recommendations/${written.id}/accept`, {
        token: ben.token,
      }),
    ]);
    Object.assign(ids, { received: received.id, written: written.id, request: request.id });
    // The admin erases Zoe, at her request: the erasures page has one to show.
    await platform.expectCall(202, 'identity', 'POST', `/v1/admin/employees/${zoe.id}/erasure`, {
      token: admin.token,
      body: { reason: 'DSR-2026-0042' },
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  function unique(name: string): string {
    return `${name}.${randomUUID().slice(0, 6)}@acme.com`;
  }

  /** One tab per visitor, signed in once, reused from page to page. */
  async function tabOf(visitor: Visitor): Promise<Page> {
    let tab = tabs.get(visitor);
    if (!tab) {
      if (visitor === 'anyone') {
        const context = await stack.browser.newContext({ baseURL: stack.portal.url, viewport: DESKTOP });
        tab = await context.newPage();
      } else tab = await stack.signedIn(visitor === 'ana' ? ana : admin, DESKTOP);
      tabs.set(visitor, tab);
    }
    return tab;
  }

  const text = (value: string) => (page: Page) => page.getByText(value, { exact: true }).first();
  const field = (label: string) => (page: Page) => page.getByLabel(label, { exact: true }).first();
  const region = (name: string, inside: string) => (page: Page) =>
    page.getByRole('region', { name }).getByText(inside).first();

  const VISITS: Visit[] = [
    {
      name: 'sign in',
      visitor: 'anyone',
      path: () => '/signin',
      title: 'Sign in',
      content: field('Work email'),
    },
    {
      name: 'sign in, refused',
      visitor: 'anyone',
      path: () => '/signin',
      title: 'Sign in',
      content: field('Work email'),
      interaction: async (page) => {
        await page.getByLabel('Work email').fill(ana.email);
        await page.getByLabel('Password').fill('not her password at all');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('alert').waitFor();
      },
    },
    {
      name: 'sign up',
      visitor: 'anyone',
      path: () => '/signup',
      title: 'Create your account',
      content: field('Full name'),
    },
    {
      name: 'welcome (an invitation link)',
      visitor: 'anyone',
      path: () => '/welcome?invitation=00000000-0000-4000-8000-000000000000&token=from-the-email',
      title: 'Welcome to Vouch',
      content: field('The same password again'),
    },
    {
      name: 'confirm your email',
      visitor: 'anyone',
      path: () => '/confirm-email#token=from-the-email',
      title: 'Confirm your email',
      content: (page) => page.getByRole('button', { name: 'Confirm my email' }),
    },
    {
      name: 'forgot password',
      visitor: 'anyone',
      path: () => '/forgot-password',
      title: 'Reset your password',
      content: field('Work email'),
    },
    {
      name: 'reset password',
      visitor: 'anyone',
      path: () => '/reset-password#token=from-the-email',
      title: 'Choose a new password',
      content: field('New password'),
    },
    {
      name: 'profile',
      visitor: 'ana',
      path: () => '/profile',
      title: 'Your profile',
      content: region('Recommendations on your profile', 'Ben Okafor'),
      phoneScreenshot: 'profile',
    },
    {
      name: 'people',
      visitor: 'ana',
      path: () => '/people?q=Cleo',
      title: 'People',
      content: (page) => page.getByRole('link', { name: 'Cleo Park' }),
    },
    {
      name: "a colleague's profile",
      visitor: 'ana',
      path: () => `/people/${ben.id}`,
      title: 'Ben Okafor',
      content: region('Recommendations', 'Ben rebuilt our release pipeline'),
      phoneScreenshot: 'colleague',
    },
    {
      name: 'connections',
      visitor: 'ana',
      path: () => '/connections',
      title: 'Connections',
      content: region('Asking to connect with you', 'Dev Patel'),
      phoneScreenshot: 'connections',
    },
    {
      name: 'recommendations',
      visitor: 'ana',
      path: () => '/recommendations',
      title: 'Recommendations',
      content: region('Asked of you', 'Cleo Park'),
      phoneScreenshot: 'recommendations',
    },
    {
      name: 'a recommendation received',
      visitor: 'ana',
      path: () => `/recommendations/${ids.received}`,
      title: 'A recommendation for you',
      content: text(
        'Ana is the manager who made our team both faster and calmer: clear goals, honest feedback.',
      ),
    },
    {
      name: 'a recommendation written',
      visitor: 'ana',
      path: () => `/recommendations/${ids.written}`,
      title: 'Your recommendation',
      content: text('Edit it'),
    },
    {
      name: 'write a recommendation',
      visitor: 'ana',
      path: () => `/recommendations/new?subjectId=${cleo.id}`,
      title: 'Write a recommendation',
      content: field('Your recommendation'),
      phoneScreenshot: 'write',
    },
    {
      name: 'a request for a recommendation',
      visitor: 'ana',
      path: () => `/recommendation-requests/${ids.request}`,
      title: 'A request for a recommendation',
      content: text('Could you say how the launch went?'),
    },
    {
      name: 'balance',
      visitor: 'ana',
      path: () => '/balance',
      title: 'Your balance',
      content: (page) => page.getByRole('img', { name: /Accepted recommendations/ }),
      phoneScreenshot: 'balance',
    },
    {
      name: 'email preferences',
      visitor: 'ana',
      path: () => '/settings/notifications',
      title: 'Email preferences',
      content: (page) => page.getByRole('checkbox').first(),
    },
    {
      name: 'account',
      visitor: 'ana',
      path: () => '/account',
      title: 'Your account',
      content: text('Your data'),
    },
    {
      name: 'not allowed (an HR page, for an employee)',
      visitor: 'ana',
      path: () => '/hr/coverage',
      title: 'Not allowed',
      content: (page) => page.getByRole('alert'),
    },
    {
      name: 'page not found',
      visitor: 'ana',
      path: () => '/no/such/page',
      title: 'Page not found',
      content: (page) => page.getByRole('link', { name: 'Go to your profile' }),
    },
    {
      name: 'HR: people',
      visitor: 'admin',
      path: () => '/hr/people',
      title: 'People (HR)',
      content: (page) => page.getByRole('cell', { name: ben.email }),
      phoneScreenshot: 'hr-people',
    },
    {
      name: 'HR: a person',
      visitor: 'admin',
      path: () => `/hr/people/${ana.id}`,
      title: 'Ana Lima',
      content: region('Reports', 'Ben Okafor'),
      phoneScreenshot: 'hr-person',
    },
    {
      name: 'HR: a person, about to be deactivated and erased',
      visitor: 'admin',
      path: () => `/hr/people/${cleo.id}`,
      title: 'Cleo Park',
      content: (page) => page.getByRole('button', { name: 'Deactivate Cleo Park' }),
      interaction: async (page) => {
        await page.getByRole('button', { name: 'Deactivate Cleo Park' }).click();
        await page.getByText('Deactivate Cleo Park? They are signed out everywhere').waitFor();
        await page.getByRole('button', { name: 'Erase personal data…' }).click();
        await page.getByText('This is final: it cannot be undone').waitFor();
      },
    },
    {
      name: 'HR: coverage',
      visitor: 'admin',
      path: () => '/hr/coverage',
      title: 'Coverage',
      content: (page) => page.locator('tr[data-team="Ana Lima"]'),
      phoneScreenshot: 'hr-coverage',
    },
    {
      name: 'HR: deliveries',
      visitor: 'admin',
      path: () => '/hr/deliveries',
      title: 'Deliveries',
      content: (page) => page.locator('table.deliveries').getByRole('link', { name: 'Ana Lima' }).first(),
    },
    {
      name: 'HR: erasures',
      visitor: 'admin',
      path: () => '/hr/erasures',
      title: 'Erasures',
      content: text('DSR-2026-0042'),
    },
  ];

  /** Reloads until the page shows its content: the services learn of each other's changes a moment later. */
  async function open(page: Page, visit: Visit): Promise<void> {
    await page.goto(visit.path());
    await pageTitle(page, visit.title).waitFor();
    const deadline = Date.now() + 60_000;
    while (
      !(await visit
        .content(page)
        .waitFor({ timeout: 2_000 })
        .then(
          () => true,
          () => false,
        ))
    ) {
      if (Date.now() > deadline) throw new Error(`${visit.name}: its content did not show on ${page.url()}`);
      await page.reload();
    }
  }

  it.each(VISITS.map((visit) => [visit.name, visit] as const))(
    '%s: no serious accessibility violation, on a desktop or a phone, where it fits the width',
    async (_name, visit) => {
      const page = await tabOf(visit.visitor);
      await page.setViewportSize(DESKTOP);
      await open(page, visit);
      await visit.interaction?.(page);
      await expectAccessible(page);

      await page.setViewportSize(PHONE);
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
      if (visit.phoneScreenshot) await screenshot(page, `phone/${visit.phoneScreenshot}`);
    },
  );
});
