/** The text is empty after trimming, or too short or too long to be a recommendation. */
export class InvalidRecommendationTextError extends Error {
  override readonly name = 'InvalidRecommendationTextError';
}

/** A takedown reason that is empty after trimming, or longer than 500 characters. */
export class InvalidTakedownReasonError extends Error {
  override readonly name = 'InvalidTakedownReasonError';
}

/** The employee is not the one who may do this to the recommendation (the author, or the subject). */
export class NotYourRecommendationError extends Error {
  override readonly name = 'NotYourRecommendationError';
}

/** The recommendation is in a state that does not allow the change, e.g. accepting a withdrawn one. */
export class RecommendationStateError extends Error {
  override readonly name = 'RecommendationStateError';
}

/** The author already recommended this subject: one recommendation per pair, edited instead. */
export class DuplicateRecommendationError extends Error {
  override readonly name = 'DuplicateRecommendationError';

  constructor(message = 'you already recommended this colleague; edit that recommendation instead') {
    super(message);
  }
}

/** A request that would repeat one still pending, or ask someone who already recommended the requester. */
export class DuplicateRequestError extends Error {
  override readonly name = 'DuplicateRequestError';

  constructor(message = 'you already asked this colleague; the request is still waiting for an answer') {
    super(message);
  }
}

/** No such recommendation for this employee: others' recommendations are private. */
export class RecommendationNotFoundError extends Error {
  override readonly name = 'RecommendationNotFoundError';
}

/** No such request for this employee: others' requests are private. */
export class RequestNotFoundError extends Error {
  override readonly name = 'RequestNotFoundError';
}

/** The employee is party to the request, but not the one who may do this to it. */
export class NotYourRequestError extends Error {
  override readonly name = 'NotYourRequestError';
}
