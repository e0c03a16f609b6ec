import { Parser, type Diagnostic } from '@asyncapi/parser';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse, stringify } from 'yaml';
import type { z } from 'zod';
import {
  createEvent,
  PlatformEvents,
  toKafkaRecord,
  topicDefinition,
  TopicDefinitions,
  type EventDefinition,
} from '@vouch/contracts';
import { EventContractValidator } from '../../e2e/event-contract-support/event-contract-validator';
import { ASYNCAPI_PATH, eventDocuments, eventJsonSchema, eventSchemaPath, messageName } from './events';
import { exampleOf } from './example-data';

type JsonSchema = z.core.JSONSchema._JSONSchema;

interface Channel {
  address: string;
  messages: Record<string, unknown>;
  bindings: { kafka: { topic: string; partitions: number; topicConfiguration: Record<string, unknown> } };
}

/** Spectral's severities: 0 error, 1 warning, 2 information, 3 hint. */
function errorsAndWarnings(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .filter((diagnostic) => diagnostic.severity <= 1)
    .map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`);
}

async function generated(): Promise<Map<string, string>> {
  return new Map((await eventDocuments()).map((file) => [file.path, file.content]));
}

function document(files: Map<string, string>, path: string): string {
  const content = files.get(path);
  if (content === undefined) throw new Error(`${path} is not generated`);
  return content;
}

/** Every subschema of `schema` with the path to it, the schema itself first. */
function subschemas(schema: JsonSchema, path = ''): Array<{ path: string; schema: JsonSchema }> {
  if (typeof schema === 'boolean') return [{ path, schema }];
  const children: Array<[string, JsonSchema]> = [
    ...Object.entries(schema.properties ?? {}).map(([name, child]): [string, JsonSchema] => [
      `${path}/${name}`,
      child,
    ]),
    ...(schema.items && !Array.isArray(schema.items)
      ? [[`${path}[]`, schema.items] as [string, JsonSchema]]
      : []),
    ...(schema.anyOf ?? []).map((child): [string, JsonSchema] => [path, child]),
  ];
  return [{ path, schema }, ...children.flatMap(([childPath, child]) => subschemas(child, childPath))];
}

/** The fields, at any depth, that have no description of their own. */
function undescribedFields(schema: JsonSchema, path: string): string[] {
  return subschemas(schema, path).flatMap(({ path: at, schema: object }) =>
    typeof object === 'boolean'
      ? []
      : Object.entries(object.properties ?? {})
          .filter(([, field]) => typeof field === 'object' && !field.description)
          .map(([name]) => `${at}/${name}`),
  );
}

describe('the events contract documents', () => {
  it('make a valid AsyncAPI 3.0 document, without errors or warnings from the AsyncAPI parser', async () => {
    const asyncApi = document(await generated(), ASYNCAPI_PATH);

    const { document: parsed, diagnostics } = await new Parser().parse(asyncApi);

    expect(errorsAndWarnings(diagnostics)).toEqual([]);
    expect(parsed?.version()).toBe('3.0.0');
    expect(
      parsed
        ?.messages()
        .all()
        .map((message) => message.name()),
    ).toEqual(PlatformEvents.map(messageName));
  });

  it('are checked by a parser that refuses a Kafka topic configuration of the wrong type', async () => {
    const asyncApi = parse(document(await generated(), ASYNCAPI_PATH)) as {
      channels: Record<string, Channel>;
    };
    const [channel] = Object.values(asyncApi.channels);
    channel.bindings.kafka.topicConfiguration['retention.ms'] = 'a week';

    const { diagnostics } = await new Parser().parse(stringify(asyncApi));

    expect(errorsAndWarnings(diagnostics).join('\n')).toContain('retention.ms');
  });

  it('give each topic a channel with its Kafka configuration, carrying each type and version of its events', async () => {
    const asyncApi = parse(document(await generated(), ASYNCAPI_PATH)) as {
      channels: Record<string, Channel>;
    };
    const channels = Object.values(asyncApi.channels);

    expect(channels.map((channel) => channel.address)).toEqual(TopicDefinitions.map((topic) => topic.name));
    for (const topic of TopicDefinitions) {
      const channel = channels.find((candidate) => candidate.address === topic.name);
      expect(channel?.bindings.kafka).toEqual({
        topic: topic.name,
        partitions: 12,
        topicConfiguration: expect.objectContaining({ 'cleanup.policy': [topic.config['cleanup.policy']] }),
        bindingVersion: '0.5.0',
      });
      expect(Object.keys(channel?.messages ?? {})).toEqual(
        PlatformEvents.filter((definition) => definition.topic === topic.name).map(messageName),
      );
    }
  });

  it('write one JSON Schema per event type and version, which Ajv compiles as draft 2020-12 in strict mode', async () => {
    const files = await generated();
    const ajv = new Ajv2020({ strict: true });
    addFormats(ajv);

    for (const definition of PlatformEvents) {
      const schema = JSON.parse(document(files, eventSchemaPath(definition))) as object;
      expect(() => ajv.compile(schema)).not.toThrow();
    }
    expect([...files.keys()].filter((path) => path.startsWith('docs/events/'))).toHaveLength(
      PlatformEvents.length,
    );
  });

  it('describe every event and every field of its data, nested ones too', () => {
    const undescribed = PlatformEvents.flatMap((definition) => {
      const schema = eventJsonSchema(definition);
      return [
        ...(schema.description ? [] : [messageName(definition)]),
        ...undescribedFields(schema, messageName(definition)),
      ];
    });

    expect(undescribed).toEqual([]);
  });

  it('never forbid the fields a later release of the same version adds', async () => {
    const files = await generated();
    const forbidding = [...files]
      .filter(([path]) => path.endsWith('.json'))
      .flatMap(([path, content]) =>
        subschemas(JSON.parse(content) as JsonSchema)
          .filter(({ schema }) => typeof schema === 'object' && schema.additionalProperties === false)
          .map(({ path: field }) => `${path}${field}`),
      );

    expect(forbidding).toEqual([]);
    expect(document(files, ASYNCAPI_PATH)).not.toContain('additionalProperties: false');
  });

  it('accept, headers and data, every event as the platform puts it on the wire', async () => {
    const files = await generated();
    const validator = new EventContractValidator(document(files, ASYNCAPI_PATH), (message) => {
      const definition = PlatformEvents.find((candidate) => messageName(candidate) === message);
      if (!definition) throw new Error(`no event ${message}`);
      return JSON.parse(document(files, eventSchemaPath(definition))) as object;
    });
    const wire = (
      definition: EventDefinition,
      source = `/vouch/${topicDefinition(definition.topic)?.owner}`,
    ) =>
      toKafkaRecord(
        createEvent(definition, {
          source,
          subject: 'an-id',
          data: exampleOf(eventJsonSchema(definition)),
          cause: {
            causationId: 'a-cause',
            traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
          },
        }),
      );

    const checks = PlatformEvents.map((definition) => validator.check(wire(definition)));

    expect(checks.filter((check) => check.problems.length > 0)).toEqual([]);
    expect(checks.map((check) => check.message)).toEqual(PlatformEvents.map(messageName));
    const [first] = PlatformEvents;
    expect(validator.check(wire(first, '/vouch/someone-else')).problems).toEqual([
      expect.stringContaining('headers/ce_source'),
    ]);
  });

  it('come out the same every time', async () => {
    expect(await eventDocuments()).toEqual(await eventDocuments());
  });
});
