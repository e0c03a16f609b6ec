import { runsOf, splitAfterRollback } from './run-split';

const event = (name: string) => ({ name, decoded: { kind: 'event' } });
const skipped = (name: string) => ({ name, decoded: { kind: 'ignored' } });
const rejected = (name: string) => ({ name, decoded: { kind: 'rejected' } });
const names = (runs: Array<Array<{ name: string }>>) => runs.map((run) => run.map(({ name }) => name));

describe('the runs of a batch that share a transaction', () => {
  it('puts consecutive events together, up to the most a transaction takes', () => {
    const batch = ['a', 'b', 'c', 'd', 'e'].map(event);
    expect(names(runsOf(batch, 2))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('keeps the messages no handler reads in the run around them, without counting them', () => {
    const batch = [event('a'), skipped('x'), skipped('y'), event('b'), skipped('z'), event('c')];
    expect(names(runsOf(batch, 2))).toEqual([
      ['a', 'x', 'y', 'b'],
      ['z', 'c'],
    ]);
  });

  it('makes one run of a batch no handler reads, so its offset moves once', () => {
    const batch = ['x', 'y', 'z'].map(skipped);
    expect(names(runsOf(batch, 50))).toEqual([['x', 'y', 'z']]);
  });

  it('puts a message to dead-letter alone, between the runs of the messages around it', () => {
    const batch = [event('a'), skipped('x'), rejected('bad'), event('b')];
    expect(names(runsOf(batch, 50))).toEqual([['a', 'x'], ['bad'], ['b']]);
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
