import { InvalidRecommendationTextError } from './recommendation.errors';

export const RECOMMENDATION_TEXT_MIN = 20;
export const RECOMMENDATION_TEXT_MAX = 3_000;

/** A recommendation's text: trimmed, 20..3000 characters, counted as people count them (code points). */
export class RecommendationText {
  private constructor(readonly value: string) {}

  static of(raw: string): RecommendationText {
    const value = raw.trim();
    const length = [...value].length;
    if (length < RECOMMENDATION_TEXT_MIN) {
      throw new InvalidRecommendationTextError(
        `a recommendation needs at least ${RECOMMENDATION_TEXT_MIN} characters (this one has ${length})`,
      );
    }
    if (length > RECOMMENDATION_TEXT_MAX) {
      throw new InvalidRecommendationTextError(
        `a recommendation has at most ${RECOMMENDATION_TEXT_MAX} characters (this one has ${length})`,
      );
    }
    return new RecommendationText(value);
  }
}
