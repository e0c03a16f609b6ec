import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const harness = path.join(__dirname, 'infrastructure.mjs');
const compose = readFileSync(path.resolve(__dirname, '../../../../docker-compose.yml'), 'utf8');

/**
 * Evaluates an expression over the harness's ES module (`m`) in a Node of its own (Jest's CommonJS
 * runtime cannot import it), as tools/*.spec.ts do; nothing is started. Throws the error it threw.
 */
function call<T>(expression: string): T {
  const source = `import * as m from ${JSON.stringify(harness)};
    try { console.log(JSON.stringify(${expression})); }
    catch (error) { console.error(error.message); process.exit(1); }`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr.trim());
  return JSON.parse(result.stdout) as T;
}

interface Plan {
  infrastructure: 'processes' | 'containers';
  provider: string;
  missing: string[];
  images?: { kafka: string; postgres: string; maildev: string };
}

const plan = (env: Record<string, string>) => call<Plan>(`m.infrastructurePlan(${JSON.stringify(env)})`);

/** What docker-compose.yml runs when the variable is unset: `${KAFKA_IMAGE:-apache/kafka:4.4.0}`. */
function composeDefault(variable: string): string {
  const match = new RegExp(`\\$\\{${variable}:-([^}]+)\\}`).exec(compose);
  if (!match?.[1]) throw new Error(`docker-compose.yml does not read ${variable}`);
  return match[1];
}

describe('the test infrastructure the harness chooses (VOUCH_TEST_INFRA)', () => {
  it('is the local processes by default, unset or empty', () => {
    const unsetEmptyOrSaid: Array<Record<string, string>> = [
      {},
      { VOUCH_TEST_INFRA: '' },
      { VOUCH_TEST_INFRA: 'processes' },
    ];
    for (const env of unsetEmptyOrSaid) {
      expect(plan(env)).toMatchObject({
        infrastructure: 'processes',
        provider: 'local processes',
        missing: ['kafka', 'postgres', 'smtp'],
      });
    }
  });

  it('stays on the local processes when a container runtime is configured but not chosen', () => {
    expect(
      plan({
        DOCKER_HOST: 'unix:///var/run/docker.sock',
        TESTCONTAINERS_HOST_OVERRIDE: 'localhost',
        KAFKA_IMAGE: 'localhost/vouch-base/kafka:4.4.0',
      }),
    ).toMatchObject({ infrastructure: 'processes', provider: 'local processes' });
  });

  it('refuses a value it does not know, naming the ones it does', () => {
    for (const value of ['docker', 'Containers', 'testcontainers']) {
      expect(() => plan({ VOUCH_TEST_INFRA: value })).toThrow(
        `VOUCH_TEST_INFRA=${JSON.stringify(value)} is not a test infrastructure: set it to "processes" or "containers"`,
      );
    }
    // Even when the environment names every server, so a typo never goes unnoticed.
    expect(() =>
      plan({
        VOUCH_TEST_INFRA: 'docker',
        KAFKA_BROKERS: '127.0.0.1:19092',
        DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:54329/postgres',
        SMTP_URL: 'smtp://127.0.0.1:1025',
        MAILDEV_URL: 'http://127.0.0.1:1080',
      }),
    ).toThrow('is not a test infrastructure');
  });

  it('runs containers of the official images docker-compose.yml names by default, when chosen', () => {
    expect(plan({ VOUCH_TEST_INFRA: 'containers' })).toEqual({
      infrastructure: 'containers',
      provider: 'testcontainers',
      named: {},
      missing: ['kafka', 'postgres', 'smtp'],
      images: {
        kafka: composeDefault('KAFKA_IMAGE'),
        postgres: composeDefault('POSTGRES_IMAGE'),
        maildev: composeDefault('MAILDEV_IMAGE'),
      },
    });
  });

  it('takes the images from the variables compose reads, an empty one meaning the default as there', () => {
    expect(
      plan({
        VOUCH_TEST_INFRA: 'containers',
        KAFKA_IMAGE: 'localhost/vouch-base/kafka:4.4.0',
        POSTGRES_IMAGE: 'localhost/vouch-base/postgres:17',
        MAILDEV_IMAGE: '',
      }).images,
    ).toEqual({
      kafka: 'localhost/vouch-base/kafka:4.4.0',
      postgres: 'localhost/vouch-base/postgres:17',
      maildev: composeDefault('MAILDEV_IMAGE'),
    });
  });

  it('starts only what the environment does not name, whichever infrastructure is chosen', () => {
    const named = {
      KAFKA_BROKERS: '127.0.0.1:19092',
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:54329/postgres',
      SMTP_URL: 'smtp://127.0.0.1:1025',
    };
    expect(plan({ ...named, VOUCH_TEST_INFRA: 'containers' })).toMatchObject({
      provider: 'testcontainers',
      // SMTP_URL without MAILDEV_URL: the tests could not read the emails, so maildev is started.
      missing: ['smtp'],
    });
    expect(
      plan({ ...named, MAILDEV_URL: 'http://127.0.0.1:1080', VOUCH_TEST_INFRA: 'containers' }),
    ).toMatchObject({
      provider: 'environment',
      missing: [],
    });
  });
});

describe('the Kafka container', () => {
  it('is configured as docker-compose.yml configures apache/kafka, but for the listeners', () => {
    const services = (
      parse(compose, { merge: true }) as { services: Record<string, { environment: object }> }
    ).services;
    const fromCompose = Object.fromEntries(
      Object.entries(services['kafka']?.environment ?? {}).map(([name, value]) => [name, String(value)]),
    );
    const harnessKafka = call<Record<string, string>>('m.kafkaEnvironment("127.0.0.1:41234")');
    const listenerSettings = [
      'KAFKA_LISTENERS',
      'KAFKA_ADVERTISED_LISTENERS',
      'KAFKA_CONTROLLER_QUORUM_VOTERS',
    ];
    const without = (settings: Record<string, string>) =>
      Object.fromEntries(Object.entries(settings).filter(([name]) => !listenerSettings.includes(name)));
    expect(without(harnessKafka)).toEqual(without(fromCompose));
    // The same listener names; the host's advertised with the port the runtime maps.
    expect(harnessKafka['KAFKA_LISTENERS']).toBe(fromCompose['KAFKA_LISTENERS']);
    expect(harnessKafka['KAFKA_ADVERTISED_LISTENERS']).toBe(
      'INTERNAL://localhost:9092,HOST://127.0.0.1:41234',
    );
  });
});

describe('containers a killed run left', () => {
  const container = (id: string, labels?: Record<string, string>) => ({ Id: id, Labels: labels });
  it('are those of this host whose Jest process is gone, and no others', () => {
    const containers = [
      container('dead', { 'vouch.test-run': 'a', 'vouch.test-run.owner': 'ci-host 111' }),
      container('running', { 'vouch.test-run': 'b', 'vouch.test-run.owner': 'ci-host 222' }),
      container('elsewhere', { 'vouch.test-run': 'c', 'vouch.test-run.owner': 'laptop 111' }),
      container('compose', { 'com.docker.compose.project': 'vouch' }),
      container('unlabelled'),
    ];
    const leftovers = call<Array<{ Id: string }>>(
      `m.leftoverContainers(${JSON.stringify(containers)}, { host: 'ci-host', isRunning: (pid) => pid === 222 })`,
    );
    expect(leftovers.map((left) => left.Id)).toEqual(['dead']);
  });
});
