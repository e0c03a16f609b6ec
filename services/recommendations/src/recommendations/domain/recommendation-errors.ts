/** The text is empty after trimming, or too short or too long to be a recommendation. */
export class InvalidRecommendationTextError extends Error {
  override readonly name = 'InvalidRecommendationTextError';
}

/** The employee is not the one who may do this to the recommendation (the author, or the subject). */
export class NotYourRecommendationError extends Error {
  override readonly name = 'NotYourRecommendationError';
}

/** The recommendation is in a state that does not allow the change, e.g. accepting a withdrawn one. */
export class RecommendationStateError extends Error {
  override readonly name = 'RecommendationStateError';
}
