import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { createRequire } from 'node:module';
import { z } from 'zod';
import * as contracts from '@vouch/contracts';
import {
  deadLetterTopic,
  deadLetterTopicConfig,
  DEFAULT_DEAD_LETTER_RETENTION_DAYS,
  TopicDefinitions,
  type EventDefinition,
} from '@vouch/contracts';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface PlatformService {
  name: string;
  /** The default port of the contract (docs/api.md, "Conventions"). */
  port: number;
  /** The variables the service reads, as its config.ts validates them at boot. */
  environment: z.ZodObject;
  /** Served over HTTP to people, so scaled on CPU; notifications scales on consumer lag. */
  scaledOn: 'cpu' | 'consumer-lag';
}

/**
 * The `<service>Environment` schema of services/<service>/src/config.ts. Loaded by path, as the
 * manifests are read by path: a service publishes no library entry point to import it through.
 */
function environmentSchema(service: string): z.ZodObject {
  const loadFromRepo = createRequire(path.join(REPO_ROOT, 'package.json'));
  const config: unknown = loadFromRepo(`./services/${service}/src/config`);
  const schema = isRecord(config) ? config[`${service}Environment`] : undefined;
  if (!(schema instanceof z.ZodObject))
    throw new Error(`services/${service}/src/config.ts exports no ${service}Environment`);
  return schema;
}

export const PLATFORM_SERVICES: readonly PlatformService[] = [
  { name: 'identity', port: 3001, environment: environmentSchema('identity'), scaledOn: 'cpu' },
  { name: 'connections', port: 3002, environment: environmentSchema('connections'), scaledOn: 'cpu' },
  { name: 'recommendations', port: 3003, environment: environmentSchema('recommendations'), scaledOn: 'cpu' },
  {
    name: 'notifications',
    port: 3004,
    environment: environmentSchema('notifications'),
    scaledOn: 'consumer-lag',
  },
];

/** The employee portal's gateway: no database, no topics; it serves the app and forwards the APIs. */
export const PORTAL: PlatformService = {
  name: 'portal',
  port: 8080,
  environment: environmentSchema('portal'),
  scaledOn: 'cpu',
};

export function platformService(name: string): PlatformService {
  const service = PLATFORM_SERVICES.find((candidate) => candidate.name === name);
  if (!service) throw new Error(`no platform service named ${name}`);
  return service;
}

/** Names of variables a service's config does not know: a typo there is silently ignored at boot. */
export function unknownVariables(service: PlatformService, names: Iterable<string>): string[] {
  return [...names].filter((name) => !(name in service.environment.shape));
}

/** The contract's event definitions by exported name (`EmployeeRegisteredV1`). */
const eventDefinitions = new Map<string, EventDefinition>();
for (const [name, value] of Object.entries(contracts)) {
  if (isEventDefinition(value)) eventDefinitions.set(name, value);
}

function isEventDefinition(value: unknown): value is EventDefinition {
  return isRecord(value) && typeof value['type'] === 'string' && typeof value['topic'] === 'string';
}

export function readRepoFile(relativePath: string): string {
  return readFileSync(path.join(REPO_ROOT, relativePath), 'utf8');
}

/** Every document of a YAML file, as plain data; `<<` merge keys resolved, as Compose does. */
export function readYamlDocuments(relativePath: string): unknown[] {
  return parseAllDocuments(readRepoFile(relativePath), { merge: true }).map((document) => {
    if (document.errors.length > 0) throw new Error(`${relativePath}: ${document.errors.join('; ')}`);
    return document.toJS();
  });
}

/**
 * A value as Compose interpolates it given `variables`: `${NAME:-default}` → the variable or
 * `default`, `${NAME:?message}` → the variable (Compose refuses to start without it), `${NAME}` → it.
 */
export function interpolateCompose(value: string, variables: Readonly<Record<string, string>> = {}): string {
  return value.replace(
    /\$\{(\w+)(?:(:?-)([^}]*)|(:?\?)[^}]*)?\}/g,
    (_reference, name: string, _dash: string | undefined, fallback: string | undefined) =>
      variables[name] ?? fallback ?? '',
  );
}

/** A whole Compose document interpolated (`interpolateCompose`) in every string it holds. */
export function interpolateComposeDocument(
  document: unknown,
  variables: Readonly<Record<string, string>> = {},
): unknown {
  if (typeof document === 'string') return interpolateCompose(document, variables);
  if (Array.isArray(document)) return document.map((item) => interpolateComposeDocument(item, variables));
  if (!isRecord(document)) return document;
  return Object.fromEntries(
    Object.entries(document).map(([key, value]) => [key, interpolateComposeDocument(value, variables)]),
  );
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The events a service consumes, from its `@HandlesEvent(<Event>)` handlers. */
export function consumedTopics(service: PlatformService): string[] {
  const sourceDir = path.join(REPO_ROOT, 'services', service.name, 'src');
  const topics = new Set<string>();
  for (const file of readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
    const source = readFileSync(path.join(sourceDir, file), 'utf8');
    for (const [, eventName] of source.matchAll(/@HandlesEvent\((\w+)[,)]/g)) {
      const definition = eventDefinitions.get(eventName ?? '');
      if (!definition)
        throw new Error(`${service.name}/${file}: ${eventName} is no event of @vouch/contracts`);
      topics.add(definition.topic);
    }
  }
  return [...topics];
}

/**
 * Every topic the platform needs as the topic jobs create them: the contract's, each with the
 * configuration the services create it with (`<topic>:<name>=<value>,…`), and a dead-letter topic
 * per consumed topic and group (kept DEFAULT_DEAD_LETTER_RETENTION_DAYS, as the services create them).
 */
export function platformTopicEntries(): string[] {
  const entry = (name: string, config: Readonly<Record<string, string>>) =>
    `${name}:${Object.entries(config)
      .map(([setting, value]) => `${setting}=${value}`)
      .join(',')}`;
  return [
    ...TopicDefinitions.map((topic) => entry(topic.name, topic.config)),
    ...PLATFORM_SERVICES.flatMap((service) =>
      consumedTopics(service).map((topic) =>
        entry(
          deadLetterTopic(topic, service.name),
          deadLetterTopicConfig(DEFAULT_DEAD_LETTER_RETENTION_DAYS),
        ),
      ),
    ),
  ];
}
