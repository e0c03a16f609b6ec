import type { DeliveryEntity } from '../infrastructure/delivery.entity';

/**
 * Every link of an email, built only from PUBLIC_URL (http or https, checked at boot) and ids: no
 * user text ever becomes a link.
 */
export function emailLinks(
  publicUrl: string,
  delivery: Pick<DeliveryEntity, 'counterpartId' | 'details'>,
  unsubscribeToken: string,
): Record<string, string> {
  const id = (key: string) => {
    const value = delivery.details[key];
    return typeof value === 'string' ? encodeURIComponent(value) : '';
  };
  return {
    show: `${publicUrl}/recommendations/${id('recommendationId')}`,
    writeBack: `${publicUrl}/recommendations/new?subjectId=${encodeURIComponent(delivery.counterpartId ?? '')}`,
    request: `${publicUrl}/recommendation-requests/${id('requestId')}`,
    connections: `${publicUrl}/connections`,
    preferences: `${publicUrl}/settings/notifications`,
    unsubscribe: `${publicUrl}/v1/unsubscribe?token=${encodeURIComponent(unsubscribeToken)}`,
  };
}
