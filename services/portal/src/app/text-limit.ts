/** A recommendation's text limits, as the recommendations service counts them (docs/api.md). */
export const RECOMMENDATION_TEXT_MIN = 20;
export const RECOMMENDATION_TEXT_MAX = 3_000;

export interface TextLimit {
  /** Characters after trimming, counted as people count them (code points, so 👍 is one). */
  count: number;
  state: 'too-short' | 'ok' | 'too-long';
  /** What the counter under the text box says. */
  message: string;
}

export function textLimit(
  text: string,
  min = RECOMMENDATION_TEXT_MIN,
  max = RECOMMENDATION_TEXT_MAX,
): TextLimit {
  const count = [...text.trim()].length;
  const characters = (n: number) => `${n} character${n === 1 ? '' : 's'}`;
  if (count < min) {
    return {
      count,
      state: 'too-short',
      message: `${count} / ${max} · ${characters(min - count)} more to go`,
    };
  }
  if (count > max) {
    return { count, state: 'too-long', message: `${count} / ${max} · ${characters(count - max)} too many` };
  }
  return { count, state: 'ok', message: `${count} / ${max}` };
}
