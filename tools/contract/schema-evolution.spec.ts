import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  createEvent,
  EventCatalogue,
  fromKafkaRecord,
  PlatformEvents,
  RecommendationAcceptedV1,
  toKafkaRecord,
} from '@vouch/contracts';
import { eventJsonSchema } from './events';
import { exampleOf } from './example-data';
import acceptedBeforeStateFields from './fixtures/RecommendationAccepted.v1.at-a14e9ea.schema.json';

function validatorOf(schema: object) {
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}

/** Today's RecommendationAccepted v1 data with every field it has, optional ones too. */
function acceptedToday(): Record<string, unknown> {
  const data = exampleOf(eventJsonSchema(RecommendationAcceptedV1)) as Record<string, unknown>;
  // What the platform publishes today is valid against the contract of today.
  RecommendationAcceptedV1.schema.parse(data);
  return data;
}

/** docs/schema-evolution.md: what a consumer of a version must tolerate, and a producer must keep. */
describe('a compatible change within a version', () => {
  it("is accepted by yesterday's v1 consumer: today's events, fields added since and all, match yesterday's schema", () => {
    const data = acceptedToday();
    const validYesterday = validatorOf(acceptedBeforeStateFields);

    // The fixture predates fields that today's events carry: they are what is being tolerated.
    expect(Object.keys(data).filter((field) => !(field in acceptedBeforeStateFields.properties))).not.toEqual(
      [],
    );
    expect(validYesterday(data) ? [] : validYesterday.errors).toEqual([]);
  });

  it("still requires every field yesterday's schema requires: a producer may not leave one out", () => {
    const today = eventJsonSchema(RecommendationAcceptedV1);

    expect(today.required).toEqual(expect.arrayContaining(acceptedBeforeStateFields.required));
  });

  it("lets today's schema accept a field that a later release of v1 will add", () => {
    const validToday = validatorOf(eventJsonSchema(RecommendationAcceptedV1));
    const fromTomorrow = { ...acceptedToday(), addedTomorrow: { anything: [1, 'two'] } };

    expect(validToday(fromTomorrow) ? [] : validToday.errors).toEqual([]);
  });

  it("lets the platform's own consumers accept, unchanged otherwise, an event with a field they do not know", () => {
    const event = createEvent(RecommendationAcceptedV1, {
      source: '/vouch/recommendations',
      subject: 'a-recommendation',
      data: RecommendationAcceptedV1.schema.parse(acceptedToday()),
    });
    const record = toKafkaRecord(event);
    const fromTomorrow = { ...record, value: JSON.stringify({ ...event.data, addedTomorrow: 'x' }) };

    // As libs/messaging's consumer decodes a message: envelope, then the data by type and version.
    const received = fromKafkaRecord(fromTomorrow);
    const definition = new EventCatalogue(PlatformEvents).find(received.type, received.schemaversion);
    const parsed = definition?.schema.safeParse(received.data);

    expect(parsed?.success).toBe(true);
    expect(parsed?.data).toEqual(event.data);
  });
});
