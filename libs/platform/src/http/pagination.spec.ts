import { decodeCursor, encodeCursor, toPage } from './pagination';
import { InvalidFieldsException } from './problem-details';

describe('cursor pagination', () => {
  it('round-trips a position through an opaque cursor', () => {
    const position = { key: '2026-11-25T10:00:00.000Z', id: 'a1' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('answers 400 naming the cursor when it was not handed out by the API', () => {
    expect(() => decodeCursor('bm90IGpzb24')).toThrow(InvalidFieldsException);
  });

  it('returns a next cursor only when there are more rows than the limit', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `r${n}`, at: `t${n}` }));
    const position = (row: { id: string; at: string }) => ({ key: row.at, id: row.id });

    const first = toPage(rows, 2, position, (row) => row.id);
    expect(first.items).toEqual(['r1', 'r2']);
    expect(decodeCursor(first.nextCursor ?? undefined)).toEqual({ key: 't2', id: 'r2' });
    expect(toPage(rows, 3, position, (row) => row.id).nextCursor).toBeNull();
  });
});
