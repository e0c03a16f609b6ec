/** A document generated from the code, committed at `path` (relative to the repo's root). */
export interface GeneratedFile {
  path: string;
  content: string;
}
