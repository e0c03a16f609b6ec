/**
 * Writes what many callers hand it, a batch at a time (group commit): the first item is written at
 * once, and whatever arrives while a write is in flight goes in the next one, together. Under load
 * the batches grow by themselves, and an item never waits for more than the write before its own.
 * Each caller learns its own item's result, or the batch's error.
 *
 * Written here rather than taken from DataLoader: that batches what one event-loop tick asks for and
 * caches by key, where this holds nothing back while the database is idle and caches nothing.
 */
export class GroupedWrites<TItem, TResult> {
  private waiting: Array<{
    item: TItem;
    resolve: (result: TResult) => void;
    reject: (error: unknown) => void;
  }> = [];
  private writing = false;

  /** `writeAll` answers one result per item, in the items' order. */
  constructor(private readonly writeAll: (items: TItem[]) => Promise<TResult[]>) {}

  write(item: TItem): Promise<TResult> {
    const written = new Promise<TResult>((resolve, reject) => this.waiting.push({ item, resolve, reject }));
    if (!this.writing) void this.writeWaiting();
    return written;
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        const results = await this.writeAll(batch.map(({ item }) => item));
        batch.forEach(({ resolve }, index) => resolve(results[index]));
      } catch (error) {
        for (const { reject } of batch) reject(error);
      }
    }
    this.writing = false;
  }
}
