import { diffWords } from './word-diff';

describe('the word diff between two revisions', () => {
  it('marks the words removed and added, keeping the rest', () => {
    expect(diffWords('Ben rebuilt our release pipeline.', 'Ben rebuilt our whole deploy pipeline.')).toEqual([
      { kind: 'same', text: 'Ben rebuilt our ' },
      { kind: 'removed', text: 'release ' },
      { kind: 'added', text: 'whole deploy ' },
      { kind: 'same', text: 'pipeline.' },
    ]);
  });

  it('reports an unchanged text as one unchanged part', () => {
    expect(diffWords('Same words here', 'Same words here')).toEqual([
      { kind: 'same', text: 'Same words here' },
    ]);
  });

  it('handles a text written from nothing', () => {
    expect(diffWords('', 'All new')).toEqual([{ kind: 'added', text: 'All new' }]);
  });
});
