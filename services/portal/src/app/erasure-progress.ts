import type { Erasure } from './api';

/** Each service's part of an erasure, in the order they happen: identity's first, in the request. */
export const ERASING_SERVICES = ['identity', 'connections', 'recommendations', 'notifications'] as const;
export type ErasingService = (typeof ERASING_SERVICES)[number];

/** How often a page showing an erasure under way asks again: gently, it takes seconds. */
export const ERASURE_REFRESH_MS = 2_000;

export interface ErasurePart {
  service: ErasingService;
  completedAt: string | null;
}

export function partsOf(erasure: Erasure): ErasurePart[] {
  return ERASING_SERVICES.map((service) => ({
    service,
    completedAt: erasure.services[service].completedAt,
  }));
}

/** Whether a page listing these erasures still has progress to wait for. */
export function anyUnderWay(erasures: readonly Erasure[]): boolean {
  return erasures.some((erasure) => erasure.completedAt === null);
}

/**
 * Whether what the admin typed is the person's name, the confirmation that they are erasing whom
 * they mean: spaces around and between words and the letters' case do not matter, the letters do.
 */
export function confirmsName(typed: string, name: string): boolean {
  const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
  return normal(name) !== '' && normal(typed) === normal(name);
}
