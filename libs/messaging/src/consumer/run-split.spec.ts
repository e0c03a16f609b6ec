import { runsOf, splitAfterRollback } from './run-split';

const event = (name: string) => ({ name, decoded: { kind: 'event' } });
const skipped = (name: string) => ({ name, decoded: { kind: 'ignored' } });
const names = (runs: Array<Array<{ name: string }>>) => runs.map((run) => run.map(({ name }) => name));

describe('the runs of a batch that share a transaction', () => {
  it('puts consecutive events together, up to the most a transaction takes', () => {
    const batch = ['a', 'b', 'c', 'd', 'e'].map(event);
    expect(names(runsOf(batch, 2))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('puts a message that is no event alone, between the runs of the events around it', () => {
    const batch = [event('a'), event('b'), skipped('x'), skipped('y'), event('c')];
    expect(names(runsOf(batch, 50))).toEqual([['a', 'b'], ['x'], ['y'], ['c']]);
  });

  it('makes no run of an empty batch', () => {
    expect(runsOf([], 50)).toEqual([]);
  });
});

describe('a run whose shared transaction rolled back', () => {
  const run = ['a', 'b', 'c', 'd'];

  it('sends the event whose handler failed alone, the events before and after it together again', () => {
    expect(splitAfterRollback(run, 2)).toEqual({
      before: ['a', 'b'],
      alone: 'c',
      after: ['d'],
      afterTogether: true,
    });
  });

  it('sends a first event that failed alone, and the rest together again', () => {
    expect(splitAfterRollback(run, 0)).toEqual({
      before: [],
      alone: 'a',
      after: ['b', 'c', 'd'],
      afterTogether: true,
    });
  });

  it('goes one by one when the transaction failed outside every handler', () => {
    expect(splitAfterRollback(run, undefined)).toEqual({
      before: [],
      alone: 'a',
      after: ['b', 'c', 'd'],
      afterTogether: false,
    });
  });
});
