import type { RequestLimits } from '../domain/recommendation-request';

/** The service's tunables, from the environment. */
export interface RecommendationsSettings {
  limits: RequestLimits;
  requestLifetimeDays: number;
  expirySweepIntervalMs: number;
  /** Who issues the signed documents of recommendations: the company, at its portal's address. */
  documentIssuer: { name: string; url: string };
}

export const RECOMMENDATIONS_SETTINGS = Symbol('RECOMMENDATIONS_SETTINGS');
