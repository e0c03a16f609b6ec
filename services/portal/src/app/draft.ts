/**
 * A recommendation being written, kept in this browser until it is sent: a session that ends
 * mid-sentence, a closed tab or a reload loses nothing. Keyed by author and subject, so one
 * employee's draft never shows to another signed in on the same browser, and cleared on sending.
 */
export interface Draft {
  relationship?: string;
  text: string;
}

const PREFIX = 'vouch.draft.';

export const draftKeyOf = (authorId: string, subjectId: string) => `${PREFIX}${authorId}.${subjectId}`;

function storage(): Storage | undefined {
  try {
    return localStorage;
  } catch {
    return undefined;
  }
}

export function readDraft(key: string, from: Storage | undefined = storage()): Draft | undefined {
  try {
    const parsed: unknown = JSON.parse(from?.getItem(key) ?? 'null');
    if (typeof parsed !== 'object' || parsed === null || !('text' in parsed)) return undefined;
    const { text, relationship } = parsed as { text: unknown; relationship?: unknown };
    if (typeof text !== 'string') return undefined;
    return typeof relationship === 'string' ? { text, relationship } : { text };
  } catch {
    return undefined;
  }
}

/** Keeps the draft; an empty one is no draft. */
export function saveDraft(key: string, draft: Draft, to: Storage | undefined = storage()): void {
  try {
    if (draft.text.trim() === '' && !draft.relationship) to?.removeItem(key);
    else to?.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage full or refused: the draft lives in the page only.
  }
}

export function clearDraft(key: string, from: Storage | undefined = storage()): void {
  try {
    from?.removeItem(key);
  } catch {
    // Nothing kept to clear.
  }
}
