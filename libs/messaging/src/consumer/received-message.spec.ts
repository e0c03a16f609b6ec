import type { KafkaMessage } from 'kafkajs';
import { EventCatalogue } from '@vouch/contracts';
import { decodeMessage } from './received-message';

const message = (value: string | null, headers: KafkaMessage['headers'] = {}): KafkaMessage => ({
  key: Buffer.from('an-employee'),
  value: value === null ? null : Buffer.from(value),
  headers,
  timestamp: '0',
  attributes: 0,
  offset: '0',
});

describe('a message as a consumer decodes it', () => {
  const catalogue = new EventCatalogue([]);
  const noHandler = () => undefined;

  it('skips a tombstone of a compacted topic instead of dead-lettering it', () => {
    expect(decodeMessage(message(null), catalogue, noHandler)).toEqual({
      kind: 'ignored',
      type: 'tombstone',
    });
  });

  it('rejects a message with a value but no CloudEvents headers', () => {
    expect(decodeMessage(message('{}'), catalogue, noHandler)).toMatchObject({
      kind: 'rejected',
      reason: 'invalid-envelope',
    });
  });
});
