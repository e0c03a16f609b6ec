import { clearDraft, draftKeyOf, readDraft, saveDraft } from './draft';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('recommendation drafts', () => {
  it('are kept per author and subject until cleared', () => {
    const storage = new MemoryStorage();
    const mine = draftKeyOf('ana', 'bo');
    saveDraft(mine, { relationship: 'coworker', text: 'Bo ran the migration' }, storage);

    expect(readDraft(mine, storage)).toEqual({ relationship: 'coworker', text: 'Bo ran the migration' });
    expect(readDraft(draftKeyOf('cy', 'bo'), storage)).toBeUndefined();
    clearDraft(mine, storage);
    expect(readDraft(mine, storage)).toBeUndefined();
  });

  it('forgets an emptied draft, and ignores what is not one', () => {
    const storage = new MemoryStorage();
    const key = draftKeyOf('ana', 'bo');
    saveDraft(key, { text: 'x' }, storage);
    saveDraft(key, { text: '  ' }, storage);
    expect(storage.length).toBe(0);
    storage.setItem(key, '{not json');
    expect(readDraft(key, storage)).toBeUndefined();
    storage.setItem(key, '{"text": 3}');
    expect(readDraft(key, storage)).toBeUndefined();
  });
});
