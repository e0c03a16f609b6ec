import { Logger, type LoggerService } from '@nestjs/common';
import { createKafka } from './kafka-settings';

describe("the Kafka client's log", () => {
  const lines: Array<{ level: string; message: string }> = [];
  const capture = (level: string) => (message: unknown) => lines.push({ level, message: String(message) });
  const logger: LoggerService = {
    log: capture('log'),
    error: capture('error'),
    warn: capture('warn'),
    debug: capture('debug'),
    verbose: capture('verbose'),
  };
  const kafka = createKafka({
    brokers: ['127.0.0.1:9'],
    clientId: 'test',
    topicPrefix: '',
    topicPartitions: 1,
    deadLetterRetentionDays: 14,
  });

  beforeAll(() => Logger.overrideLogger(logger));

  beforeEach(() => {
    lines.length = 0;
  });

  it('keeps to debug the errors a broker answers while its partitions and coordinator settle', () => {
    kafka.logger().error('Response ListOffsets(key: 2, version: 3)', {
      error: 'This server is not the leader for that topic-partition',
    });
    kafka.logger().error('Response Metadata(key: 3, version: 6)', {
      error: 'This server does not host this topic-partition',
    });
    kafka.logger().error('Response GroupCoordinator(key: 10, version: 2)', {
      error: 'The group coordinator is not available',
    });
    kafka.logger().error('Response InitProducerId(key: 22, version: 1)', {
      error: "The coordinator is loading and hence can't process requests for this group",
    });

    expect(lines.map(({ level }) => level)).toEqual(['debug', 'debug', 'debug', 'debug']);
  });

  it('keeps to debug what the services report in their own words or handle: crashes, restarts, a topic created twice', () => {
    kafka
      .logger()
      .error(
        "Crash: KafkaJSProtocolError: The coordinator is loading and hence can't process requests for this group",
        { groupId: 'notifications', retryCount: 0 },
      );
    kafka.logger().error('Restarting the consumer in 300ms', { retryTime: 300, groupId: 'notifications' });
    kafka.logger().error('Response CreateTopics(key: 19, version: 3)', {
      broker: '127.0.0.1:19092',
      error: 'Topic creation errors',
    });

    expect(lines.map(({ level }) => level)).toEqual(['debug', 'debug', 'debug']);
  });

  it('logs other error answers as errors, with what the broker said', () => {
    kafka.logger().error('Response Produce(key: 0, version: 7)', {
      error: 'The request included a message larger than the max message size the server will accept',
    });

    expect(lines).toEqual([
      {
        level: 'error',
        message: expect.stringContaining('larger than the max message size') as unknown as string,
      },
    ]);
  });
});
