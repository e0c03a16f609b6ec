import type { Erasure } from './api';
import { anyUnderWay, confirmsName, partsOf } from './erasure-progress';

function erasure(
  parts: Partial<Record<keyof Erasure['services'], string>>,
  completedAt: string | null,
): Erasure {
  const part = (service: keyof Erasure['services']) => ({ completedAt: parts[service] ?? null });
  return {
    id: 'e1',
    employeeId: 'p1',
    requestedAt: '2026-12-07T10:00:00.000Z',
    requestedBy: 'a1',
    reason: 'DSR-1',
    services: {
      identity: part('identity'),
      connections: part('connections'),
      recommendations: part('recommendations'),
      notifications: part('notifications'),
    },
    completedAt,
  };
}

describe("an erasure's progress", () => {
  it("lists the four services' parts in order, each done or not", () => {
    const parts = partsOf(erasure({ identity: '2026-12-07T10:00:00.000Z' }, null));

    expect(parts.map((part) => [part.service, part.completedAt])).toEqual([
      ['identity', '2026-12-07T10:00:00.000Z'],
      ['connections', null],
      ['recommendations', null],
      ['notifications', null],
    ]);
  });

  it('keeps a page refreshing while any erasure is incomplete, and stops once all are', () => {
    const done = erasure({}, '2026-12-07T10:00:05.000Z');
    const underWay = erasure({ identity: '2026-12-07T10:00:00.000Z' }, null);

    expect(anyUnderWay([done, underWay])).toBe(true);
    expect(anyUnderWay([done])).toBe(false);
    expect(anyUnderWay([])).toBe(false);
  });
});

describe('confirming an erasure by typing the name', () => {
  it('accepts the name whatever the case and spacing', () => {
    expect(confirmsName('  ana   LIMA ', 'Ana Lima')).toBe(true);
    expect(confirmsName('Ana Lima', 'Ana Lima')).toBe(true);
  });

  it('refuses another name, a part of it, or nothing', () => {
    expect(confirmsName('Ana', 'Ana Lima')).toBe(false);
    expect(confirmsName('Ana Lim', 'Ana Lima')).toBe(false);
    expect(confirmsName('', 'Ana Lima')).toBe(false);
    expect(confirmsName('', ' ')).toBe(false);
  });
});
