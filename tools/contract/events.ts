/**
 * The events' contract, generated from libs/contracts: a JSON Schema of each event type's `data` per
 * schema version (docs/events/), and the AsyncAPI document of the topics that carry them, their
 * messages and headers (docs/asyncapi.yaml).
 */
import { z } from 'zod';
import { stringify } from 'yaml';
import {
  CloudEventHeaders,
  deadLetterTopic,
  PlatformEvents,
  TopicDefinitions,
  Topics,
  type EventDefinition,
  type TopicDefinition,
} from '@vouch/contracts';
import { serviceEnvironment } from '@vouch/platform';
import { version as platformVersion } from '../../package.json';
import type { GeneratedFile } from './generated-file';

type JsonSchema = z.core.JSONSchema.BaseSchema;

export const ASYNCAPI_PATH = 'docs/asyncapi.yaml';

const GENERATED_NOTE = 'Generated from libs/contracts by `npm run contract`: do not edit.';
const KAFKA_BINDING_VERSION = '0.5.0';
const HEADERS_SCHEMA = 'CloudEventsHeaders';

/** `EmployeeRegistered.v1`: the message's name in the AsyncAPI document, and its schema file's. */
export function messageName(definition: EventDefinition): string {
  return `${definition.type}.v${definition.version}`;
}

export function eventSchemaPath(definition: EventDefinition): string {
  return `docs/events/${messageName(definition)}.schema.json`;
}

/**
 * The schema of an event's `data` as producers put it on the wire: zod's output (a field with a
 * default is always there), except that it never forbids fields it does not name. zod says
 * `additionalProperties: false` of an object's output, since parsing strips unknown keys; but a v1
 * consumer must accept the fields a later v1 adds (docs/schema-evolution.md), as the platform's own
 * zod consumers do by stripping them. (`io: 'input'` would drop it too, and make defaulted fields
 * optional.)
 */
function dataSchema(definition: EventDefinition, target: 'draft-2020-12' | 'draft-07'): JsonSchema {
  const { $schema, ...schema } = z.toJSONSchema(definition.schema, {
    target,
    io: 'output',
    override: ({ jsonSchema }) => {
      if (jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  });
  return { $schema, title: messageName(definition), description: definition.description, ...schema };
}

/** The JSON Schema (draft 2020-12) of one version of one event type's `data`. */
export function eventJsonSchema(definition: EventDefinition): JsonSchema {
  const { $schema, ...schema } = dataSchema(definition, 'draft-2020-12');
  return {
    $schema,
    $id: `urn:vouch:events:${definition.type}:v${definition.version}`,
    $comment: GENERATED_NOTE,
    ...schema,
  };
}

function topicOf(definition: EventDefinition): TopicDefinition {
  const topic = TopicDefinitions.find((candidate) => candidate.name === definition.topic);
  if (!topic) throw new Error(`${messageName(definition)} travels on ${definition.topic}, which is no topic`);
  return topic;
}

/** The channel's id: the topic's name in `Topics` (`employees`), short and stable as the name is. */
function channelId(topic: TopicDefinition): string {
  const entry = Object.entries(Topics).find(([, name]) => name === topic.name);
  if (!entry) throw new Error(`${topic.name} is not in Topics`);
  return entry[0];
}

/** Kafka's topic configuration as the AsyncAPI Kafka binding types it: lists and numbers. */
function topicConfiguration(config: TopicDefinition['config']): Record<string, string | number | string[]> {
  return Object.fromEntries(
    Object.entries(config).map(([name, value]) => [
      name,
      name === 'cleanup.policy' ? value.split(',') : /^-?\d+$/.test(value) ? Number(value) : value,
    ]),
  );
}

/** The CloudEvents attributes a message carries as headers (Kafka protocol binding, binary mode). */
function cloudEventsHeaders(): JsonSchema {
  const header = CloudEventHeaders;
  const text = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });
  return {
    type: 'object',
    description:
      'CloudEvents 1.0 attributes, each a `ce_`-prefixed header, as the Kafka protocol binding ' +
      'has them in binary content mode, plus the W3C trace context. A consumer ignores headers it ' +
      'does not know.',
    required: [
      header.id,
      header.source,
      header.type,
      header.specversion,
      header.time,
      header.subject,
      header.schemaversion,
      header.correlationid,
      header.contentType,
    ],
    properties: {
      [header.id]: text('Unique id of this event; consumers deduplicate by it.'),
      [header.source]: text('The producing service, as a URI reference (`/vouch/recommendations`).'),
      [header.type]: text("The event's type, e.g. `RecommendationGiven`."),
      [header.specversion]: {
        type: 'string',
        const: '1.0',
        description: 'CloudEvents specification version.',
      },
      [header.time]: {
        type: 'string',
        format: 'date-time',
        description: 'When the event happened, ISO-8601.',
      },
      [header.subject]: text('Id of what the event is about; also the message key.'),
      [header.schemaversion]: {
        type: 'string',
        pattern: '^[1-9][0-9]*$',
        description:
          'Version of the schema of the `data` of this type: with the type, it names the schema ' +
          '(`docs/events/<type>.v<version>.schema.json`, message `<type>.v<version>` here).',
      },
      [header.correlationid]: text(
        'Id shared by every event caused, directly or not, by one request or event.',
      ),
      [header.causationid]: text('Id of the event that caused this one, when an event did.'),
      [header.contentType]: {
        type: 'string',
        const: 'application/json',
        description: 'Media type of the value: the `data`, as JSON.',
      },
      [header.traceparent]: text('W3C trace context of the operation that produced the event.'),
    },
  };
}

function message(definition: EventDefinition): Record<string, unknown> {
  const topic = topicOf(definition);
  return {
    name: messageName(definition),
    title: `${definition.type} v${definition.version}`,
    summary: definition.description,
    contentType: 'application/json',
    headers: {
      type: 'object',
      allOf: [
        { $ref: `#/components/schemas/${HEADERS_SCHEMA}` },
        {
          type: 'object',
          properties: {
            [CloudEventHeaders.type]: { const: definition.type },
            [CloudEventHeaders.schemaversion]: { const: String(definition.version) },
            [CloudEventHeaders.source]: { const: `/vouch/${topic.owner}` },
          },
        },
      ],
    },
    payload: { $ref: `#/components/schemas/${messageName(definition)}` },
    bindings: {
      kafka: {
        key: {
          type: 'string',
          description: `The event's subject (${CloudEventHeaders.subject}): ${topic.key}. Events of one key keep their order.`,
        },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

function infoDescription(partitions: number): string {
  const example = deadLetterTopic(Topics.employees, 'notifications');
  return [
    'The integration events of the Vouch platform: what its services (identity, connections, ' +
      'recommendations, notifications) tell each other, and anyone else who reads the topics. Each ' +
      'topic has one owner, the only service that publishes on it, through a transactional outbox: ' +
      'at least once (deduplicate by `ce_id`), in order per key.',
    'On the wire, CloudEvents 1.0 in the Kafka binding’s binary content mode: the attributes are ' +
      '`ce_*` headers, the key is the subject, the value is the JSON of `data`. `ce_type` and ' +
      '`ce_schemaversion` name the message here and its JSON Schema, `docs/events/<type>.v<version>.schema.json`.',
    `Vouch creates a missing topic with ${partitions} partitions (\`KAFKA_TOPIC_PARTITIONS\`) and the ` +
      'configuration given here; every topic and consumer group name starts with `KAFKA_TOPIC_PREFIX`, ' +
      'empty in production.',
    'A consumer group parks a message it cannot process, unchanged and with `dlq-*` headers saying ' +
      `why, on \`<topic>.dlq.<group>\`, the group being the consuming service (\`${example}\`): ` +
      'those topics are for operators, not part of this contract.',
    'What may change within a version, and what makes a new one: docs/schema-evolution.md.',
  ].join('\n\n');
}

/** How many partitions a service creates a topic with when KAFKA_TOPIC_PARTITIONS is not set. */
function defaultTopicPartitions(): number {
  // A service's name and port play no part in this variable's default.
  return serviceEnvironment({ name: 'any', port: 1 }).shape.KAFKA_TOPIC_PARTITIONS.parse(undefined);
}

/** The AsyncAPI 3.0 document of every topic of the platform and the events they carry. */
function asyncApiDocument(): Record<string, unknown> {
  const partitions = defaultTopicPartitions();
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const topic of TopicDefinitions) {
    const id = channelId(topic);
    const names = PlatformEvents.filter((definition) => definition.topic === topic.name).map(messageName);
    channels[id] = {
      address: topic.name,
      title: topic.name,
      description: `${topic.description} Published by ${topic.owner} only. Key: ${topic.key}.`,
      messages: Object.fromEntries(names.map((name) => [name, { $ref: `#/components/messages/${name}` }])),
      bindings: {
        kafka: {
          topic: topic.name,
          partitions,
          topicConfiguration: topicConfiguration(topic.config),
          bindingVersion: KAFKA_BINDING_VERSION,
        },
      },
    };
    operations[`${topic.owner}.publish.${id}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      title: `${topic.owner} publishes on ${topic.name}`,
      description: `${topic.owner} writes these events to its outbox in the transaction of the change they tell of; its relay publishes them.`,
      tags: [{ name: topic.owner }],
      messages: names.map((name) => ({ $ref: `#/channels/${id}/messages/${name}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Vouch platform events',
      version: platformVersion,
      description: infoDescription(partitions),
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      messages: Object.fromEntries(
        PlatformEvents.map((definition) => [messageName(definition), message(definition)]),
      ),
      schemas: {
        [HEADERS_SCHEMA]: cloudEventsHeaders(),
        // The AsyncAPI Schema Object is a superset of JSON Schema draft-07: the same schema as the
        // file's, in that draft.
        ...Object.fromEntries(
          PlatformEvents.map((definition) => {
            const { $schema: _draft, ...schema } = dataSchema(definition, 'draft-07');
            return [messageName(definition), schema];
          }),
        ),
      },
    },
  };
}

export async function eventDocuments(): Promise<GeneratedFile[]> {
  const schemas = PlatformEvents.map((definition) => ({
    path: eventSchemaPath(definition),
    content: `${JSON.stringify(eventJsonSchema(definition), null, 2)}\n`,
  }));
  const asyncApi = stringify(asyncApiDocument(), { aliasDuplicateObjects: false, lineWidth: 0 });
  return [...schemas, { path: ASYNCAPI_PATH, content: `# ${GENERATED_NOTE}\n${asyncApi}` }];
}
