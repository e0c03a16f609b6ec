import { z } from 'zod';
import type { CloudEvent } from './cloud-event';

/**
 * CloudEvents Kafka protocol binding, binary content mode: attributes travel as `ce_`-prefixed
 * headers, the data as the message value, the subject as the key. `traceparent` is the W3C header.
 */
export const CloudEventHeaders = {
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  specversion: 'ce_specversion',
  time: 'ce_time',
  subject: 'ce_subject',
  schemaversion: 'ce_schemaversion',
  correlationid: 'ce_correlationid',
  causationid: 'ce_causationid',
  contentType: 'content-type',
  traceparent: 'traceparent',
} as const;

/** A Kafka message in the shape both kafkajs and the outbox store. */
export interface KafkaRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Raw header values as a Kafka client hands them over. */
export type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

export function toKafkaRecord(event: CloudEvent): KafkaRecord {
  const headers: Record<string, string> = {
    [CloudEventHeaders.id]: event.id,
    [CloudEventHeaders.source]: event.source,
    [CloudEventHeaders.type]: event.type,
    [CloudEventHeaders.specversion]: event.specversion,
    [CloudEventHeaders.time]: event.time,
    [CloudEventHeaders.subject]: event.subject,
    [CloudEventHeaders.schemaversion]: String(event.schemaversion),
    [CloudEventHeaders.correlationid]: event.correlationid,
    [CloudEventHeaders.contentType]: event.datacontenttype,
  };
  if (event.causationid) headers[CloudEventHeaders.causationid] = event.causationid;
  if (event.traceparent) headers[CloudEventHeaders.traceparent] = event.traceparent;
  return { key: event.subject, value: JSON.stringify(event.data), headers };
}

const envelopeAttributes = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  type: z.string().min(1),
  specversion: z.literal('1.0'),
  time: z.iso.datetime({ offset: true }),
  subject: z.string().min(1),
  contentType: z.literal('application/json'),
  schemaversion: z.coerce.number().int().positive(),
  correlationid: z.string().min(1),
  causationid: z.string().min(1).optional(),
  traceparent: z.string().min(1).optional(),
});

export class InvalidEnvelopeError extends Error {
  override readonly name = 'InvalidEnvelopeError';
}

function headerValue(headers: RawHeaders, name: string): string | undefined {
  const raw = headers[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
}

/**
 * Reads a CloudEvent from a Kafka message. The data is parsed as JSON but not yet validated
 * against its definition: that needs the catalogue of the consumer.
 */
export function fromKafkaRecord(message: {
  value: Buffer | string | null;
  headers?: RawHeaders;
}): CloudEvent {
  const headers = message.headers ?? {};
  const attributes = envelopeAttributes.safeParse({
    id: headerValue(headers, CloudEventHeaders.id),
    source: headerValue(headers, CloudEventHeaders.source),
    type: headerValue(headers, CloudEventHeaders.type),
    specversion: headerValue(headers, CloudEventHeaders.specversion),
    time: headerValue(headers, CloudEventHeaders.time),
    subject: headerValue(headers, CloudEventHeaders.subject),
    contentType: headerValue(headers, CloudEventHeaders.contentType),
    schemaversion: headerValue(headers, CloudEventHeaders.schemaversion),
    correlationid: headerValue(headers, CloudEventHeaders.correlationid),
    causationid: headerValue(headers, CloudEventHeaders.causationid),
    traceparent: headerValue(headers, CloudEventHeaders.traceparent),
  });
  if (!attributes.success) {
    const problems = attributes.error.issues.map((issue) => {
      const attribute = String(issue.path[0]) as keyof typeof CloudEventHeaders;
      return `${CloudEventHeaders[attribute] ?? attribute}: ${issue.message}`;
    });
    throw new InvalidEnvelopeError(`invalid CloudEvents headers: ${problems.join('; ')}`);
  }
  if (message.value === null) throw new InvalidEnvelopeError('message has no value');
  let data: unknown;
  try {
    data = JSON.parse(message.value.toString());
  } catch (error) {
    throw new InvalidEnvelopeError(`value is not JSON: ${(error as Error).message}`);
  }
  const { contentType, ...rest } = attributes.data;
  return { ...rest, datacontenttype: contentType, data } as CloudEvent;
}
