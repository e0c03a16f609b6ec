import type { RequestLimits } from '../domain/recommendation-request';

/** The service's tunables, from the environment. */
export interface RecommendationsSettings {
  limits: RequestLimits;
  requestLifetimeDays: number;
  expirySweepIntervalMs: number;
}

export const RECOMMENDATIONS_SETTINGS = Symbol('RECOMMENDATIONS_SETTINGS');
