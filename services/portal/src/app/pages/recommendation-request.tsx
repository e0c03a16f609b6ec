import { api } from '../api';
import { navigate } from '../router';
import { ActionButton, AskedAs, ColleagueName, Day, Loading, Page, useLoad } from '../ui';
import { WriteRecommendation } from './write-recommendation';

/** A request for a recommendation, as the email's "write the recommendation" link opens it. */
export function RecommendationRequestPage({ requestId }: { requestId: string }) {
  const loaded = useLoad(async () => {
    const incoming = await api.recommendationRequests('incoming');
    return incoming.items.find((item) => item.id === requestId) ?? null;
  }, requestId);
  return (
    <Loading loaded={loaded}>
      {(request) =>
        !request ? (
          <Page title="Request answered">
            <p>
              This request is no longer waiting for you: it was answered, withdrawn or has expired, or it is
              not addressed to you.
            </p>
          </Page>
        ) : (
          <Page title="A request for a recommendation">
            <p>
              <ColleagueName id={request.requesterId} /> asks you for a recommendation, as{' '}
              <AskedAs relationship={request.relationship} />. Open until <Day iso={request.expiresAt} />.
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
                Decline the request
              </ActionButton>
            </div>
          </Page>
        )
      }
    </Loading>
  );
}
