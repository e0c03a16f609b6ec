import { api } from '../api';
import { Message, useT } from '../i18n/i18n';
import { navigate } from '../router';
import { ActionButton, AskedAs, ColleagueName, Day, Loading, Page, useLoad } from '../ui';
import { WriteRecommendation } from './write-recommendation';

/** A request for a recommendation, as the email's "write the recommendation" link opens it. */
export function RecommendationRequestPage({ requestId }: { requestId: string }) {
  const loaded = useLoad(async () => {
    const incoming = await api.recommendationRequests('incoming');
    return incoming.items.find((item) => item.id === requestId) ?? null;
  }, requestId);
  const t = useT();
  return (
    <Loading loaded={loaded}>
      {(request) =>
        !request ? (
          <Page title={t('recommendationRequest.gone.title')}>
            <p>{t('recommendationRequest.gone.body')}</p>
          </Page>
        ) : (
          <Page title={t('recommendationRequest.title')}>
            <p>
              <Message
                id="recommendationRequest.asks"
                values={{
                  name: <ColleagueName id={request.requesterId} />,
                  relationship: <AskedAs relationship={request.relationship} />,
                  day: <Day iso={request.expiresAt} />,
                }}
              />
            </p>
            {request.message && <blockquote className="card">{request.message}</blockquote>}
            <WriteRecommendation
              subjectId={request.requesterId}
              requestId={request.id}
              relationship={request.relationship}
            />
            <div className="actions">
              <ActionButton
                action={() =>
                  api.declineRecommendationRequest(request.id).then(() => navigate('/recommendations'))
                }
              >
                {t('recommendationRequest.decline')}
              </ActionButton>
            </div>
          </Page>
        )
      }
    </Loading>
  );
}
