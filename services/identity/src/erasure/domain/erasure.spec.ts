import { EmployeeErasedV1 } from '@vouch/contracts';
import { Erasure } from './erasure';

const ERASURE = '0b0f5b7e-1111-4c3a-9d2e-000000000001';
const ANA = '0b0f5b7e-2222-4c3a-9d2e-000000000002';
const ADA = '0b0f5b7e-3333-4c3a-9d2e-000000000003';
const t0 = new Date('2026-12-01T10:00:00Z');
const t1 = new Date('2026-12-01T10:00:05Z');
const t2 = new Date('2026-12-01T10:00:09Z');

const begun = () =>
  Erasure.begin({ id: ERASURE, employeeId: ANA, requestedBy: ADA, reason: ' DSR-1234 ', at: t0 });

describe('an erasure', () => {
  it('begins with identity’s part done and tells the other services, ids only', () => {
    const erasure = begun();
    expect(erasure.snapshot()).toMatchObject({
      reason: 'DSR-1234',
      parts: { identity: t0, connections: null, recommendations: null, notifications: null },
      completedAt: null,
    });
    expect(erasure.pullEvents()).toEqual([
      {
        definition: EmployeeErasedV1,
        subject: ANA,
        data: { employeeId: ANA, erasureId: ERASURE, erasedAt: t0.toISOString() },
      },
    ]);
  });

  it('completes when the last of the four parts is done, at that time', () => {
    const erasure = begun();
    expect(erasure.completePart('notifications', t1)).toBe(true);
    expect(erasure.completePart('connections', t1)).toBe(true);
    expect(erasure.isComplete).toBe(false);

    expect(erasure.completePart('recommendations', t2)).toBe(true);

    expect(erasure.isComplete).toBe(true);
    expect(erasure.snapshot().completedAt).toEqual(t2);
  });

  it('completes at the latest part’s time when the reports arrive out of order', () => {
    const erasure = begun();
    erasure.completePart('connections', t1);
    erasure.completePart('recommendations', t2);

    // Reported last, done earlier: another topic's event, read after.
    expect(erasure.completePart('notifications', t1)).toBe(true);

    expect(erasure.snapshot().completedAt).toEqual(t2);
  });

  it('takes a duplicate report as nothing: the part keeps the time it was first done', () => {
    const erasure = begun();
    erasure.completePart('connections', t1);

    expect(erasure.completePart('connections', t2)).toBe(false);

    expect(erasure.snapshot().parts.connections).toEqual(t1);
    expect(erasure.pullEvents()).toHaveLength(1);
  });
});
