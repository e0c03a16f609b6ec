import { randomUUID } from 'node:crypto';
import { EmployeeErasure } from './employee-erasure';

describe('EmployeeErasure', () => {
  const erased = { employeeId: randomUUID(), erasureId: randomUUID(), erasedAt: '2026-12-07T05:00:00.000Z' };
  const cause = { correlationId: randomUUID(), causationId: randomUUID() };

  it.each([
    ['connections', 'ConnectionsErasureCompleted', 'vouch.connections.connections.v1'],
    ['recommendations', 'RecommendationsErasureCompleted', 'vouch.recommendations.recommendations.v1'],
    ['notifications', 'NotificationsErasureCompleted', 'vouch.notifications.deliveries.v1'],
  ] as const)(
    'reports %s’s part done on its own topic, keyed by the employee, caused by the erasure',
    (service, type, topic) => {
      const erasure = new EmployeeErasure(service, erased, cause);

      erasure.complete(new Date('2026-12-07T05:00:01.000Z'));

      const [report, ...others] = erasure.pullEvents();
      expect(others).toEqual([]);
      expect(report?.definition.type).toBe(type);
      expect(report?.definition.topic).toBe(topic);
      expect(report?.subject).toBe(erased.employeeId);
      expect(report?.cause).toBe(cause);
      expect(report?.data).toEqual({
        erasureId: erased.erasureId,
        employeeId: erased.employeeId,
        service,
        completedAt: '2026-12-07T05:00:01.000Z',
      });
    },
  );

  it('reports nothing until the service completes its part', () => {
    expect(new EmployeeErasure('connections', erased, cause).pullEvents()).toEqual([]);
  });
});
