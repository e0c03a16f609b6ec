import { InvalidTakedownReasonError } from './recommendation.errors';

export const TAKEDOWN_REASON_MAX = 500;

/** Why HR or an admin took a recommendation down: trimmed, 1..500 characters, as people count them. */
export class TakedownReason {
  private constructor(readonly value: string) {}

  static of(raw: string): TakedownReason {
    const value = raw.trim();
    const length = [...value].length;
    if (length === 0) throw new InvalidTakedownReasonError('a takedown needs a reason');
    if (length > TAKEDOWN_REASON_MAX) {
      throw new InvalidTakedownReasonError(
        `a takedown reason has at most ${TAKEDOWN_REASON_MAX} characters (this one has ${length})`,
      );
    }
    return new TakedownReason(value);
  }
}
