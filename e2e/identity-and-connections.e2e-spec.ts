import { waitFor } from '@vouch/testing';
import { Platform } from '@vouch/testing';

/**
 * identity and connections as separate processes, configured as `npm start` configures them,
 * talking only through Kafka: what one service learns, the other follows.
 */
describe('identity and connections together', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await Platform.start('e2e_identity_connections', ['identity', 'connections']);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('lets an employee registered in identity be asked to connect seconds later, and no longer once deactivated', async () => {
    const ana = await platform.register('Ana Lima');
    const ben = await platform.register('Ben Okafor', { manager: ana });
    const cy = await platform.register('Cy Park');
    const admin = await platform.admin();

    // connections learned of Ben, and of his manager, from identity's events.
    const suggestions = await waitFor(
      "Ben among Ana's suggestions",
      () =>
        platform.call<{ items: Array<{ employeeId: string; reason: string }> }>(
          'connections',
          'GET',
          '/v1/connections/suggestions',
          { token: ana.token },
        ),
      (answer) => answer.body.items?.some((item) => item.employeeId === ben.id),
      { timeoutMs: 30_000 },
    );
    expect(suggestions.body.items).toEqual([
      expect.objectContaining({ employeeId: ben.id, reason: 'report' }),
    ]);

    await platform.connect(ana, ben);
    const anasConnections = await platform.call<{ items: Array<{ employeeId: string; name: string }> }>(
      'connections',
      'GET',
      '/v1/connections',
      { token: ana.token },
    );
    expect(anasConnections.body.items).toEqual([
      expect.objectContaining({ employeeId: ben.id, name: 'Ben Okafor' }),
    ]);

    await platform.expectCall(200, 'identity', 'POST', `/v1/employees/${cy.id}/deactivate`, {
      token: admin.token,
    });
    await platform.eventually(404, 'connections', 'POST', '/v1/connection-requests', {
      token: ana.token,
      body: { toEmployeeId: cy.id },
    });
  });
});
