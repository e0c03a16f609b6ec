import { waitForEmails } from '@vouch/testing';
import { RecommendationGivenV1 } from '@vouch/contracts';
import {
  recommendationGiven,
  NotificationsTestApp,
  type TestEmployee,
} from './support/notifications-test-app';

describe('the unsubscribe page', () => {
  let service: NotificationsTestApp;

  beforeAll(async () => {
    service = await NotificationsTestApp.start('unsubscribe-page');
  });

  afterAll(async () => {
    await service?.close();
  });

  it('speaks the browser’s language, asking and once done', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    const data = recommendationGiven(ana, ben);
    await service.publish(RecommendationGivenV1, data, data.recommendationId);
    const [email] = await waitForEmails(ben.email);
    const url = new URL(/^<(.+)>$/.exec(email?.headers['list-unsubscribe'] ?? '')?.[1] ?? '');
    const page = `${service.baseUrl}${url.pathname}${url.search}`;
    const german = { 'accept-language': 'fr-FR, de-AT;q=0.8, en;q=0.5' };

    const asking = await fetch(page, { headers: german });
    expect(asking.headers.get('content-language')).toBe('de');
    const form = await asking.text();
    expect(form).toContain('<html lang="de">');
    expect(form).toContain('Keine E-Mails mehr zu: Empfehlungen, die jemand für dich schreibt.');
    expect(form).toContain('<button type="submit">Abbestellen</button>');

    const done = await fetch(page, { method: 'POST', headers: german });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Du hast abbestellt');
  });

  it('carries its own security headers, shown and after one click (no gateway in front in Kubernetes)', async () => {
    const [ana, ben] = (await service.hire('Ana Lima', 'Ben Okafor')) as [TestEmployee, TestEmployee];
    const data = recommendationGiven(ana, ben);
    await service.publish(RecommendationGivenV1, data, data.recommendationId);
    const [email] = await waitForEmails(ben.email);
    const link = /^<(.+)>$/.exec(email?.headers['list-unsubscribe'] ?? '')?.[1] ?? '';
    // The link points at PUBLIC_URL; the page is the service's own, whatever the origin.
    const url = new URL(link);
    const page = `${service.baseUrl}${url.pathname}${url.search}`;

    for (const response of [await fetch(page), await fetch(page, { method: 'POST' })]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("default-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toMatch(/style-src 'sha256-[^']+'/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await response.text();
      expect(html).not.toContain('style="');
    }
  });
});
