/** A recommendation's text limits, as the recommendations service counts them (docs/api.md). */
export const RECOMMENDATION_TEXT_MIN = 20;
export const RECOMMENDATION_TEXT_MAX = 3_000;

export interface TextLimit {
  /** Characters after trimming, counted as people count them (code points, so 👍 is one). */
  count: number;
  state: 'too-short' | 'ok' | 'too-long';
  /** How many characters are missing (too short) or too many (too long); 0 when ok. */
  off: number;
  min: number;
  max: number;
}

export function textLimit(
  text: string,
  min = RECOMMENDATION_TEXT_MIN,
  max = RECOMMENDATION_TEXT_MAX,
): TextLimit {
  const count = [...text.trim()].length;
  if (count < min) return { count, state: 'too-short', off: min - count, min, max };
  if (count > max) return { count, state: 'too-long', off: count - max, min, max };
  return { count, state: 'ok', off: 0, min, max };
}
