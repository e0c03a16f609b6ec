import { textLimit } from './text-limit';

describe('the recommendation text counter', () => {
  it('says how many characters are still needed below the minimum', () => {
    expect(textLimit('Great teammate')).toEqual({
      count: 14,
      state: 'too-short',
      message: '14 / 3000 · 6 characters more to go',
    });
    expect(textLimit('x'.repeat(19)).message).toBe('19 / 3000 · 1 character more to go');
  });

  it('counts what the service counts: trimmed, one emoji is one character', () => {
    expect(textLimit(`   ${'👍'.repeat(20)}   `)).toEqual({ count: 20, state: 'ok', message: '20 / 3000' });
  });

  it('says how many characters are too many above the maximum', () => {
    expect(textLimit('x'.repeat(3_002))).toEqual({
      count: 3_002,
      state: 'too-long',
      message: '3002 / 3000 · 2 characters too many',
    });
    expect(textLimit('x'.repeat(3_000)).state).toBe('ok');
  });
});
