import { textLimit } from './text-limit';

describe('the recommendation text counter', () => {
  it('says how many characters are still needed below the minimum', () => {
    expect(textLimit('Great teammate')).toEqual({
      count: 14,
      state: 'too-short',
      off: 6,
      min: 20,
      max: 3000,
    });
    expect(textLimit('x'.repeat(19))).toMatchObject({ state: 'too-short', off: 1 });
  });

  it('counts what the service counts: trimmed, one emoji is one character', () => {
    expect(textLimit(`   ${'👍'.repeat(20)}   `)).toMatchObject({ count: 20, state: 'ok', off: 0 });
  });

  it('says how many characters are too many above the maximum', () => {
    expect(textLimit('x'.repeat(3_002))).toMatchObject({ count: 3_002, state: 'too-long', off: 2 });
    expect(textLimit('x'.repeat(3_000)).state).toBe('ok');
  });
});
