import { GroupedWrites } from './grouped-writes';

/** A write the test finishes when it likes: each call's items, and a way to answer it. */
function heldWrites() {
  const calls: Array<{ items: string[]; finish: () => void; fail: (error: Error) => void }> = [];
  const writes = new GroupedWrites<string, string>(
    (items) =>
      new Promise((resolve, reject) =>
        calls.push({
          items,
          finish: () => resolve(items.map((item) => `${item} written`)),
          fail: reject,
        }),
      ),
  );
  return { writes, calls };
}

describe('writes grouped while one is in flight', () => {
  it('writes the first item at once, and those that came meanwhile together in the next write', async () => {
    const { writes, calls } = heldWrites();
    const first = writes.write('a');
    expect(calls.map((call) => call.items)).toEqual([['a']]);

    const meanwhile = [writes.write('b'), writes.write('c'), writes.write('d')];
    expect(calls).toHaveLength(1);
    calls[0].finish();
    await expect(first).resolves.toBe('a written');
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b', 'c', 'd']]);

    calls[1].finish();
    await expect(Promise.all(meanwhile)).resolves.toEqual(['b written', 'c written', 'd written']);
  });

  it('writes again at once once idle', async () => {
    const { writes, calls } = heldWrites();
    const first = writes.write('a');
    calls[0].finish();
    await first;
    const second = writes.write('b');
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b']]);
    calls[1].finish();
    await expect(second).resolves.toBe('b written');
  });

  it("fails only the failed write's items, and goes on with the next", async () => {
    const { writes, calls } = heldWrites();
    const first = writes.write('a');
    const second = writes.write('b');
    calls[0].fail(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    expect(calls.map((call) => call.items)).toEqual([['a'], ['b']]);
    calls[1].finish();
    await expect(second).resolves.toBe('b written');
  });
});
