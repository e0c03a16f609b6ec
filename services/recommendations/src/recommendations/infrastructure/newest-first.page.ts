/** Where a page starts: after the item with this creation time and id (newest first). */
export interface PagePosition {
  after?: { key: string; id: string };
  limit: number;
}
