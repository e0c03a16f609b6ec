import { waitingUntil } from './delivery-wait';

describe('a delivery waiting for working hours', () => {
  const now = new Date('2026-12-07T23:00:00Z');

  it('is a pending email due later', () => {
    expect(waitingUntil({ status: 'pending', dueAt: '2026-12-08T08:00:00Z' }, now)).toBe(
      '2026-12-08T08:00:00Z',
    );
  });

  it('is not one due already, nor one that went or failed', () => {
    expect(waitingUntil({ status: 'pending', dueAt: '2026-12-07T22:59:00Z' }, now)).toBeNull();
    expect(waitingUntil({ status: 'sent', dueAt: '2026-12-08T08:00:00Z' }, now)).toBeNull();
    expect(waitingUntil({ status: 'failed', dueAt: '2026-12-08T08:00:00Z' }, now)).toBeNull();
  });
});
