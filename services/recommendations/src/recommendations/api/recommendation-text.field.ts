import { InvalidFieldsException } from '@vouch/platform';
import { InvalidRecommendationTextError } from '../domain/recommendation.errors';
import { RecommendationText } from '../domain/recommendation-text';

/** The domain's text rule, answered as a 400 that names the `text` field like any invalid field. */
export function recommendationTextField(raw: string): RecommendationText {
  try {
    return RecommendationText.of(raw);
  } catch (error) {
    if (error instanceof InvalidRecommendationTextError)
      throw new InvalidFieldsException([{ field: 'text', message: error.message }]);
    throw error;
  }
}
