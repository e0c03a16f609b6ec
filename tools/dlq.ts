/**
 * `npm run dlq -- list|show|replay`: the operator's view of dead-lettered messages, and
 * `npm run dlq -- outbox list|release`: of the events a service's relay parked in its outbox. Run
 * with `node -r @swc-node/register tools/dlq.ts`; Kafka is where KAFKA_BROKERS says, as for the
 * services, and the outbox is in the service's database, DATABASE_URL.
 */
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { KafkaJSError, logLevel, type Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { createKafkaClient, explainKafkaError, type KafkaConnection } from '@vouch/kafka-client';
import {
  DeadLetterSelectionError,
  DeadLetterStore,
  ParkedEventSelectionError,
  ParkedEventStore,
  UnknownDeadLetterTopicError,
  type DeadLetterTopicSummary,
  type ParkedEvent,
  type ReplayResult,
  type StoredDeadLetter,
} from '@vouch/operator-tools';
import {
  ConfigError,
  kafkaConnectionEnvironment,
  kafkaConnectionOf,
  kafkaConnectionRules,
  loadConfig,
  serviceEnvironment,
} from '@vouch/platform';

const USAGE = `Usage: npm run dlq -- <command> [options]

  list [--topic-prefix P]
      Every dead-letter topic (<prefix><topic>.dlq.<group>), its messages and how many are not replayed.
  show <dlq-topic> [--partition N] [--offset O] [--limit N]
      The messages (from offset O in each partition, at most N, default 20): why they failed, where
      they came from, and their value.
  replay <dlq-topic> (--all | --offset O [--partition N]) [--dry-run] [--topic-prefix P]
      Publishes the messages again to their original topic. --all replays what no earlier --all did.
      The prefix of the original topic is read from the dead letter's headers unless --topic-prefix.
  outbox list [--limit N]
      The events a service's relay parked in its outbox (default at most 100): Kafka refused them
      for good (too large, invalid), or they wait for a parked event of their key.
  outbox release (<position> | --all)
      Gives parked events back to the relay, which publishes them in the order they were written: the
      one at <position> and the later parked events of its key, or all. Fix the cause first.

Options: --json prints JSON. Environment: KAFKA_BROKERS (default 127.0.0.1:19092), and the services'
KAFKA_TLS* and KAFKA_SASL_* settings for a secured cluster (docs/operations.md); for outbox, the
service's DATABASE_URL.
Exit codes: 0 done, 1 failed, 2 wrong usage or unknown topic.`;

class UsageError extends Error {
  override readonly name = 'UsageError';
}

const options = {
  'topic-prefix': { type: 'string' },
  partition: { type: 'string' },
  offset: { type: 'string' },
  limit: { type: 'string' },
  all: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function wholeNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

/** As configured, for the words of a failed connection's error. */
let kafkaConnection: KafkaConnection = {};

function kafkaFromEnvironment(): Kafka {
  // The services' own parsing and checks of KAFKA_BROKERS and of the TLS and SASL settings.
  const environment = loadConfig(
    serviceEnvironment({ name: 'dlq', port: 1 })
      .pick({ NODE_ENV: true, KAFKA_BROKERS: true })
      .extend(kafkaConnectionEnvironment.shape)
      .superRefine(kafkaConnectionRules),
  );
  kafkaConnection = kafkaConnectionOf(environment);
  return createKafkaClient({
    clientId: `dlq-${hostname()}-${process.pid}`,
    brokers: environment.KAFKA_BROKERS,
    connection: kafkaConnection,
    // Failures surface as the command's error; kafkajs' own retry chatter would bury it.
    logLevel: logLevel.NOTHING,
  });
}

/** The service's database, named explicitly: a default would be some other service's. */
async function outboxFromEnvironment(): Promise<DataSource> {
  const { DATABASE_URL } = loadConfig(
    z.object({
      DATABASE_URL: z.url({
        protocol: /^postgres(ql)?$/,
        error: "the database of the service whose outbox to read, postgres://…, as the service's own",
      }),
    }),
  );
  return new DataSource({ type: 'postgres', url: DATABASE_URL, applicationName: 'dlq' }).initialize();
}

function formatParked(events: ParkedEvent[]): string {
  if (events.length === 0) return 'No parked events.';
  return events
    .map((event) =>
      [
        `position ${event.position}  ${event.eventType} ${event.eventId}`,
        `  topic      ${event.topic}`,
        `  key        ${event.key}`,
        `  attempts   ${event.attempts}`,
        `  error      ${event.error ?? '-'}`,
        `  bytes      ${event.bytes}`,
        `  written    ${event.createdAt}`,
        `  parked     ${event.parkedAt}`,
      ].join('\n'),
    )
    .join('\n\n');
}

async function runOutbox(
  [subcommand, position, ...extra]: string[],
  values: { all?: boolean; limit?: string },
  print: <T>(result: T, asText: (result: T) => string) => string,
): Promise<string> {
  if (extra.length > 0) throw new UsageError(`unexpected argument(s): ${extra.join(' ')}`);
  if (subcommand !== 'list' && subcommand !== 'release')
    throw new UsageError(`outbox takes list or release, not "${subcommand ?? ''}"`);
  if (subcommand === 'list' && position) throw new UsageError('outbox list takes no position');
  if (subcommand === 'release' && Boolean(values.all) === Boolean(position))
    throw new UsageError('outbox release takes a position or --all');
  const limit = wholeNumber('limit', values.limit);
  const dataSource = await outboxFromEnvironment();
  try {
    const store = new ParkedEventStore(dataSource);
    if (subcommand === 'list') return print(await store.list({ limit }), formatParked);
    const released = await store.release(position ? { position } : { all: true });
    return print({ released }, () =>
      released.length === 0
        ? 'No parked events.'
        : `released ${released.length} parked event(s), positions ${released.join(', ')}: the relay ` +
          'publishes them in order; one Kafka still refuses is parked again after its attempts.',
    );
  } finally {
    await dataSource.destroy();
  }
}

function prettyValue(value: string | null): string {
  if (value === null) return '(no value)';
  try {
    return JSON.stringify(JSON.parse(value), null, 2);
  } catch {
    return value;
  }
}

function formatLetter(letter: StoredDeadLetter): string {
  const field = (label: string, value: string | number | undefined) =>
    `  ${label.padEnd(10)} ${value === undefined ? '-' : value}`;
  return [
    `${letter.topic} partition ${letter.partition} offset ${letter.offset}${letter.replayed ? ' (replayed)' : ''}`,
    field('key', letter.key ?? undefined),
    field('event', eventLabel(letter)),
    field('reason', letter.reason && `${letter.reason} after ${letter.attempts ?? '?'} attempt(s)`),
    field('error', letter.error),
    field(
      'original',
      letter.originalTopic &&
        `${letter.originalTopic} partition ${letter.originalPartition ?? '?'} offset ${letter.originalOffset ?? '?'}` +
          ` (group ${letter.consumerGroup ?? '?'})`,
    ),
    field('failed at', letter.failedAt),
    '  value',
    prettyValue(letter.value).replace(/^/gm, '    '),
  ].join('\n');
}

function eventLabel(letter: StoredDeadLetter): string {
  return letter.eventId ? `${letter.eventType ?? '?'} ${letter.eventId}` : 'not a CloudEvent';
}

function formatTopics(summaries: DeadLetterTopicSummary[]): string {
  if (summaries.length === 0) return 'No dead-letter topics.';
  const width = Math.max(...summaries.map((summary) => summary.topic.length));
  const row = (topic: string, messages: string | number, notReplayed: string | number) =>
    `${topic.padEnd(width)}  ${String(messages).padStart(8)}  ${String(notReplayed).padStart(12)}`;
  return [
    row('TOPIC', 'MESSAGES', 'NOT REPLAYED'),
    ...summaries.map((summary) => row(summary.topic, summary.messages, summary.notReplayed)),
  ].join('\n');
}

/** Dead-lettered before any handler ran: replayed unchanged, they fail the same way unless the consumer changed. */
const REJECTED_ON_ARRIVAL = new Set(['invalid-envelope', 'invalid-data', 'unknown-version']);

function formatReplay(result: ReplayResult): string {
  const verb = result.dryRun ? 'would replay' : 'replayed';
  const lines = result.replayed.map(
    ({ letter, to }) =>
      `${verb} partition ${letter.partition} offset ${letter.offset} (${eventLabel(letter)}, ${letter.reason ?? '?'}) ` +
      `to ${to}${letter.replayed ? ', replayed before' : ''}`,
  );
  if (result.replayed.length === 0) lines.push(`Nothing to replay in ${result.topic}.`);
  else if (result.dryRun)
    lines.push(
      `dry run: ${result.replayed.length} message(s) would be replayed; nothing published or recorded.`,
    );
  else
    lines.push(
      `${result.replayed.length} message(s) replayed from ${result.topic}; recorded in consumer group ` +
        `${result.replayerGroup}, so replay --all does not replay them again.`,
    );
  if (result.replayed.length > 0)
    lines.push(
      'Consumers skip events their inbox has already recorded: replaying an event that was in fact processed is a no-op.',
    );
  const rejected = result.replayed.filter(({ letter }) => REJECTED_ON_ARRIVAL.has(letter.reason ?? ''));
  if (rejected.length > 0)
    lines.push(
      `${rejected.length} of them were rejected before any handler ran (invalid or unknown): unless the consumer ` +
        'changed since, they will be dead-lettered again.',
    );
  return lines.join('\n');
}

function parsedArguments(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function run(argv: string[]): Promise<string> {
  const { values, positionals } = parsedArguments(argv);
  const [command, topic, ...extra] = positionals;
  if (values.help || !command) return USAGE;
  const print = <T>(result: T, asText: (result: T) => string) =>
    values.json ? JSON.stringify(result, null, 2) : asText(result);
  if (command === 'outbox') return runOutbox(positionals.slice(1), values, print);
  if (extra.length > 0) throw new UsageError(`unexpected argument(s): ${extra.join(' ')}`);
  const partition = wholeNumber('partition', values.partition);
  const offset = wholeNumber('offset', values.offset);
  const store = new DeadLetterStore(kafkaFromEnvironment());

  switch (command) {
    case 'list': {
      if (topic) throw new UsageError('list takes no topic; filter with --topic-prefix');
      const topics = await store.list({ topicPrefix: values['topic-prefix'] });
      return print(topics, formatTopics);
    }
    case 'show': {
      if (!topic) throw new UsageError('show needs a dead-letter topic');
      const letters = await store.show(topic, {
        partition,
        offset,
        limit: wholeNumber('limit', values.limit),
      });
      return print(letters, (shown) =>
        shown.length === 0 ? `No messages in ${topic} from there.` : shown.map(formatLetter).join('\n\n'),
      );
    }
    case 'replay': {
      if (!topic) throw new UsageError('replay needs a dead-letter topic');
      if (values.all && offset !== undefined)
        throw new UsageError('replay takes --all or --offset, not both');
      const selection = values.all
        ? { all: true as const }
        : offset !== undefined
          ? { partition, offset }
          : undefined;
      if (!selection) throw new UsageError('replay needs --all or --offset');
      const result = await store.replay(topic, selection, {
        dryRun: values['dry-run'],
        topicPrefix: values['topic-prefix'],
      });
      return print(result, formatReplay);
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

run(process.argv.slice(2)).then(
  (output) => {
    process.stdout.write(`${output}\n`, () => process.exit(0));
  },
  (error: unknown) => {
    const description = error instanceof Error ? error.message : String(error);
    const message =
      error instanceof KafkaJSError ? `Kafka: ${explainKafkaError(error, kafkaConnection)}` : description;
    const wrongUsage = error instanceof UsageError;
    const wrongTarget =
      error instanceof UnknownDeadLetterTopicError ||
      error instanceof DeadLetterSelectionError ||
      error instanceof ParkedEventSelectionError ||
      error instanceof ConfigError;
    process.stderr.write(`dlq: ${message}\n${wrongUsage ? `\n${USAGE}\n` : ''}`, () =>
      process.exit(wrongUsage || wrongTarget ? 2 : 1),
    );
  },
);
