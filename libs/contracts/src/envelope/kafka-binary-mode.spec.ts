import { RecommendationGivenV1 } from '../events/recommendations/recommendation-given.v1';
import { createEvent, causedBy } from './cloud-event';
import { fromKafkaRecord, InvalidEnvelopeError, toKafkaRecord } from './kafka-binary-mode';

const given = () =>
  createEvent(RecommendationGivenV1, {
    source: '/vouch/recommendations',
    subject: '6f1c5d0e-9d7b-4a43-9a53-2a0f7d3c1b11',
    data: {
      recommendationId: '6f1c5d0e-9d7b-4a43-9a53-2a0f7d3c1b11',
      authorId: '1b9e2a52-2f54-4a8e-8c59-0f3f9e0b7a01',
      subjectId: '2c8d3b63-3e65-4b9f-9d6a-1a4a0f1c8b02',
      relationship: 'coworker',
      text: 'Ana is the colleague everyone hopes to get on a hard project.',
      verified: true,
      reciprocal: false,
      requestId: null,
      givenAt: '2026-11-25T10:00:00.000Z',
    },
  });

describe('CloudEvents in Kafka binary mode', () => {
  it('round-trips an event through headers, key and JSON value', () => {
    const event = given();
    const record = toKafkaRecord(event);

    expect(record.key).toBe(event.subject);
    expect(record.headers).toMatchObject({
      ce_id: event.id,
      ce_type: 'RecommendationGiven',
      ce_specversion: '1.0',
    });
    expect(JSON.parse(record.value)).toEqual(event.data);

    const headersAsKafkaDeliversThem = Object.fromEntries(
      Object.entries(record.headers).map(([name, value]) => [name, Buffer.from(value)]),
    );
    expect(
      fromKafkaRecord({ value: Buffer.from(record.value), headers: headersAsKafkaDeliversThem }),
    ).toEqual(event);
  });

  it('keeps correlation and marks causation for events caused by another', () => {
    const cause = given();
    const effect = createEvent(RecommendationGivenV1, {
      source: '/vouch/notifications',
      subject: cause.subject,
      data: cause.data,
      cause: causedBy(cause),
    });

    expect(effect.correlationid).toBe(cause.correlationid);
    expect(effect.causationid).toBe(cause.id);
  });

  it('rejects data that does not match the definition when the event is created', () => {
    expect(() =>
      createEvent(RecommendationGivenV1, {
        source: '/vouch/recommendations',
        subject: 'x',
        data: { ...given().data, text: 'too short' },
      }),
    ).toThrow(/text/);
  });

  it('names the missing attribute of a message that is not a CloudEvent', () => {
    const record = toKafkaRecord(given());
    const { ce_type: _dropped, ...headers } = record.headers;

    expect(() => fromKafkaRecord({ value: record.value, headers })).toThrow(InvalidEnvelopeError);
    expect(() => fromKafkaRecord({ value: record.value, headers })).toThrow(/ce_type: Invalid input/);
  });

  it('rejects a value that is not JSON', () => {
    const record = toKafkaRecord(given());
    expect(() => fromKafkaRecord({ value: '{not json', headers: record.headers })).toThrow(/not JSON/);
  });
});
