import type { RecommendationSpread } from './api';
import type { MessageId } from './i18n/messages';

type SpreadBucket = RecommendationSpread['buckets'][number];

/** How a bucket of the spread reads: its number of recommendations, and whether it means "or more" (`5+`). */
export interface SpreadBucketCount {
  recommendations: number;
  orMore: boolean;
}

export function countOf(bucket: SpreadBucket): SpreadBucketCount {
  return {
    recommendations: Number.parseInt(bucket.recommendations, 10),
    orMore: bucket.recommendations.endsWith('+'),
  };
}

/** The message that says a bucket in words ("1 recommendation: 2 people"), with its values. */
export function bucketMessage(bucket: SpreadBucket): {
  id: MessageId;
  values: { recommendations: number; people: number };
} {
  const { recommendations, orMore } = countOf(bucket);
  return {
    id: orMore ? 'hr.chart.spread.bucketOrMore' : 'hr.chart.spread.bucket',
    values: { recommendations, people: bucket.people },
  };
}
