import {
  KafkaJSAggregateError,
  KafkaJSConnectionError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
  KafkaJSSASLAuthenticationError,
} from 'kafkajs';
import { permanentRefusalOf } from './permanent-refusal';

/** kafkajs' own table of Kafka's error codes, and the errors it throws for them. */
const protocol = jest.requireActual<{
  errorCodes: Array<{ type: string; code: number; retriable: boolean }>;
  createErrorFromCode: (code: number) => KafkaJSProtocolError;
}>('kafkajs/src/protocol/error');

function refusal(type: string): KafkaJSProtocolError {
  const entry = protocol.errorCodes.find((candidate) => candidate.type === type);
  if (!entry) throw new Error(`kafkajs knows no error ${type}`);
  return protocol.createErrorFromCode(entry.code);
}

/** As kafkajs' retrier hands an error on once it stops retrying. */
function retriesExceeded(cause: Error): KafkaJSNumberOfRetriesExceeded {
  return new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 3, retryTime: 2_000 });
}

/** As kafkajs' SASL authenticators throw it (its typings leave out the message). */
function sasl(message: string): KafkaJSSASLAuthenticationError {
  return Reflect.construct(KafkaJSSASLAuthenticationError, [message]) as KafkaJSSASLAuthenticationError;
}

describe('permanentRefusalOf', () => {
  it.each(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'INVALID_TIMESTAMP'])(
    'takes %s, a refusal of the record itself, as permanent',
    (type) => {
      expect(permanentRefusalOf(refusal(type))).toBe(type);
    },
  );

  it('sees the refusal through the wrappers of kafkajs’ retrier', () => {
    const tooLarge = refusal('MESSAGE_TOO_LARGE');
    expect(permanentRefusalOf(retriesExceeded(tooLarge))).toBe('MESSAGE_TOO_LARGE');
    expect(
      permanentRefusalOf(new KafkaJSAggregateError('failed', [tooLarge, refusal('INVALID_RECORD')])),
    ).toBe('MESSAGE_TOO_LARGE');
  });

  it('never takes a refused authorisation or SASL handshake as permanent', () => {
    const authorisation = protocol.errorCodes
      .map((entry) => entry.type)
      .filter((type) => /AUTHORIZATION|SASL|AUTHENTICATION|DELEGATION_TOKEN/.test(type));
    expect(authorisation).toEqual(
      expect.arrayContaining([
        'TOPIC_AUTHORIZATION_FAILED',
        'CLUSTER_AUTHORIZATION_FAILED',
        'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
        'SASL_AUTHENTICATION_FAILED',
        'UNSUPPORTED_SASL_MECHANISM',
      ]),
    );
    for (const type of authorisation)
      expect({ [type]: permanentRefusalOf(refusal(type)) }).toEqual({ [type]: undefined });
    expect(permanentRefusalOf(sasl('SASL PLAIN authentication failed'))).toBeUndefined();
  });

  it('never takes an error kafkajs marks retriable as permanent', () => {
    const retriable = protocol.errorCodes.filter((entry) => entry.retriable).map((entry) => entry.type);
    expect(retriable).toEqual(
      expect.arrayContaining([
        'LEADER_NOT_AVAILABLE',
        'NOT_LEADER_FOR_PARTITION',
        'NOT_ENOUGH_REPLICAS',
        'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
        'REQUEST_TIMED_OUT',
        'CORRUPT_MESSAGE',
      ]),
    );
    for (const type of retriable) {
      expect({ [type]: permanentRefusalOf(refusal(type)) }).toEqual({ [type]: undefined });
      expect({ [type]: permanentRefusalOf(retriesExceeded(refusal(type))) }).toEqual({ [type]: undefined });
    }
  });

  it('never takes a network failure, a timeout or an unknown error as permanent', () => {
    expect(permanentRefusalOf(new KafkaJSConnectionError('Connection error: ECONNREFUSED'))).toBeUndefined();
    expect(
      permanentRefusalOf(retriesExceeded(new KafkaJSConnectionError('Connection error: ECONNREFUSED'))),
    ).toBeUndefined();
    expect(
      permanentRefusalOf(new KafkaJSRequestTimeoutError('Request Produce(key: 0) timed out')),
    ).toBeUndefined();
    expect(permanentRefusalOf(protocol.createErrorFromCode(-12345))).toBeUndefined();
    expect(permanentRefusalOf(new Error('socket hang up'))).toBeUndefined();
    expect(permanentRefusalOf('MESSAGE_TOO_LARGE')).toBeUndefined();
    expect(permanentRefusalOf(undefined)).toBeUndefined();
  });

  it('gives no verdict on the record when another cause failed the same publish', () => {
    const mixed = new KafkaJSAggregateError('failed', [
      refusal('MESSAGE_TOO_LARGE'),
      new KafkaJSConnectionError('Connection error: ECONNRESET'),
    ]);
    expect(permanentRefusalOf(mixed)).toBeUndefined();
    expect(
      permanentRefusalOf(
        new KafkaJSAggregateError('failed', [
          refusal('MESSAGE_TOO_LARGE'),
          refusal('TOPIC_AUTHORIZATION_FAILED'),
        ]),
      ),
    ).toBeUndefined();
  });

  it('does not park for a configuration error, which holds every event alike', () => {
    for (const type of [
      'INVALID_REQUIRED_ACKS',
      'UNSUPPORTED_FOR_MESSAGE_FORMAT',
      'INVALID_TOPIC_EXCEPTION',
      'POLICY_VIOLATION',
    ])
      expect({ [type]: permanentRefusalOf(refusal(type)) }).toEqual({ [type]: undefined });
  });
});
