import { CloudEventHeaders, RecommendationGivenV1 } from '@vouch/contracts';
import { withClient } from '@vouch/testing';

/** A RecommendationGiven event as the recommendations service published it. */
export interface GivenEvent {
  recommendationId: string;
  /** The CloudEvent `time` (the moment the recommendation was written), in ms since the epoch. */
  time: number;
}

/**
 * The RecommendationGiven events of these recommendations, by event id, from the recommendations
 * service's outbox: the rows the relay publishes, headers and all, kept after publishing. An email
 * names its cause by event id (X-Vouch-Event-Id), the HTTP answer names the recommendation; the
 * event links the two (its key is the recommendation's id). Read once a step's requests are
 * answered, when every accepted recommendation's event has committed with it: a consumer of the
 * topic would have cost the broker and the bench CPU while the step ran.
 */
export async function givenEvents(
  databaseUrl: string,
  recommendationIds: string[],
): Promise<Map<string, GivenEvent>> {
  const { rows } = await withClient(databaseUrl, (database) =>
    database.query<{ event_id: string; message_key: string; time: string }>(
      `SELECT event_id, message_key, headers ->> $3 AS time FROM outbox
        WHERE event_type = $1 AND message_key = ANY($2::text[])`,
      [RecommendationGivenV1.type, recommendationIds, CloudEventHeaders.time],
    ),
  );
  return new Map(
    rows.map((row) => [row.event_id, { recommendationId: row.message_key, time: Date.parse(row.time) }]),
  );
}
