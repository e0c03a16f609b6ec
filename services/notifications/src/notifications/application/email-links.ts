import { invitationTokenOf } from '@vouch/auth';
import type { DeliveryState } from '../domain/delivery';

/**
 * Every link of an email, built only from PUBLIC_URL (http or https, checked at boot) and ids: no
 * user text ever becomes a link. A transactional email has no unsubscribe token (null), so no
 * unsubscribe link; an invitation's link carries its token, made here from INVITATION_SECRET.
 */
export function emailLinks(
  publicUrl: string,
  delivery: Pick<DeliveryState, 'counterpartId' | 'details'>,
  unsubscribeToken: string | null,
  invitationSecret: string,
): Record<string, string> {
  const id = (key: string) => {
    const value = delivery.details[key];
    return typeof value === 'string' ? encodeURIComponent(value) : '';
  };
  const links: Record<string, string> = {
    show: `${publicUrl}/recommendations/${id('recommendationId')}`,
    writeBack: `${publicUrl}/recommendations/new?subjectId=${encodeURIComponent(delivery.counterpartId ?? '')}`,
    request: `${publicUrl}/recommendation-requests/${id('requestId')}`,
    connections: `${publicUrl}/connections`,
    recommendations: `${publicUrl}/recommendations`,
    preferences: `${publicUrl}/settings/notifications`,
  };
  if (unsubscribeToken !== null)
    links['unsubscribe'] = `${publicUrl}/v1/unsubscribe?token=${encodeURIComponent(unsubscribeToken)}`;
  const invitationId = delivery.details['invitationId'];
  if (typeof invitationId === 'string') {
    const token = invitationTokenOf(invitationSecret, invitationId);
    links['welcome'] =
      `${publicUrl}/welcome?invitation=${encodeURIComponent(invitationId)}&token=${encodeURIComponent(token)}`;
  }
  return links;
}
