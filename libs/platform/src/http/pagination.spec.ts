import { decodeCursor, encodeCursor, toPage } from './pagination';
import { InvalidFieldsException } from './problem-details';

describe('cursor pagination', () => {
  it('round-trips a position through an opaque cursor', () => {
    const position = { key: '2026-11-25T10:00:00.000Z', id: '0b9c4a52-8f1e-4d7a-9c3e-2f5b6a7d8e90' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(decodeCursor(encodeCursor({ ...position, key: 'Ana Lima' }), 'text')).toEqual({
      ...position,
      key: 'Ana Lima',
    });
  });

  it.each([
    ['an id that is not a UUID', ['2026-11-25T10:00:00.000Z', 'x'], 'time'],
    [
      'a time the API never writes',
      ['2026-02-31T00:00:00.000Z', '0b9c4a52-8f1e-4d7a-9c3e-2f5b6a7d8e90'],
      'time',
    ],
    ['a time that is not one', ['yesterday', '0b9c4a52-8f1e-4d7a-9c3e-2f5b6a7d8e90'], 'time'],
    [
      'a time beyond year 9999',
      ['+275760-09-13T00:00:00.000Z', '0b9c4a52-8f1e-4d7a-9c3e-2f5b6a7d8e90'],
      'time',
    ],
    ['a time before year 1', ['-031355-07-06T04:37:05.431Z', '0b9c4a52-8f1e-4d7a-9c3e-2f5b6a7d8e90'], 'time'],
    ['year zero', ['0000-01-01T00:00:00.000Z', '0b9c4a52-8f1e-4d7a-9c3e-2f5b6a7d8e90'], 'time'],
    ['text with NUL', ['Ana\u0000', '0b9c4a52-8f1e-4d7a-9c3e-2f5b6a7d8e90'], 'text'],
    ['a key that is not text', [42, '0b9c4a52-8f1e-4d7a-9c3e-2f5b6a7d8e90'], 'text'],
  ] as const)('refuses a well-formed cursor holding %s', (_case, position, kind) => {
    const forged = Buffer.from(JSON.stringify(position)).toString('base64url');
    expect(() => decodeCursor(forged, kind)).toThrow(InvalidFieldsException);
  });

  it('answers 400 naming the cursor when it was not handed out by the API', () => {
    expect(() => decodeCursor('bm90IGpzb24')).toThrow(InvalidFieldsException);
  });

  it('returns a next cursor only when there are more rows than the limit', () => {
    const rows = [1, 2, 3].map((n) => ({ id: `0b9c4a52-8f1e-4d7a-9c3e-2f5b6a7d8e9${n}`, at: `t${n}` }));
    const position = (row: { id: string; at: string }) => ({ key: row.at, id: row.id });

    const first = toPage(rows, 2, position, (row) => row.id);
    expect(first.items).toEqual([rows[0]?.id, rows[1]?.id]);
    expect(decodeCursor(first.nextCursor ?? undefined, 'text')).toEqual({ key: 't2', id: rows[1]?.id });
    expect(toPage(rows, 3, position, (row) => row.id).nextCursor).toBeNull();
  });
});
