import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotificationsTestApp } from './support/notifications-test-app';

/** Written by `npm run contract` from the same function the service serves its document with. */
const COMMITTED = join(__dirname, '..', '..', '..', 'docs', 'openapi', 'notifications.json');

describe('the notifications API document', () => {
  let notifications: NotificationsTestApp;

  beforeAll(async () => {
    notifications = await NotificationsTestApp.start('notifications_openapi');
  });

  afterAll(async () => {
    await notifications?.close();
  });

  it('is served at /docs-json as committed in docs/openapi', async () => {
    const served = await notifications.request('GET', '/docs-json');

    expect(served.status).toBe(200);
    expect(served.body).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });
});
