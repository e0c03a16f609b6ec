import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import {
  REPO_ROOT,
  interpolateCompose,
  isRecord,
  readRepoFile,
  readYamlDocuments,
} from './platform-services';

const script = path.join(REPO_ROOT, 'tools', 'images.mjs');
const containers = path.join(REPO_ROOT, 'infra', 'containers', 'containers.mjs');

/** Calls the functions of an ES module of built-ins in a Node of its own, as tools/*.spec.ts do. */
function call<T>(module: string, expression: string): T {
  const source = `import * as m from ${JSON.stringify(module)}; console.log(JSON.stringify(${expression}));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as T;
}

const [compose] = readYamlDocuments('docker-compose.yml');
function composeImage(service: string): string {
  if (!isRecord(compose) || !isRecord(compose['services'])) throw new Error('no services');
  const definition = compose['services'][service];
  if (!isRecord(definition)) throw new Error(`no service ${service}`);
  return String(definition['image']);
}

describe('npm run images (tools/images.mjs)', () => {
  const versions = call<{ node: string; kafka: string; postgres: string; maildev: string }>(
    script,
    'm.readVersions()',
  );
  const tags = call<Record<string, string>>(script, 'm.imageTags(m.readVersions())');

  it('builds its stand-ins from the versions the repo pins, tagged as local ones', () => {
    expect(versions.node).toBe(readRepoFile('.nvmrc').trim());
    expect(readRepoFile('infra/kafka/pom.xml')).toContain(`<kafka.version>${versions.kafka}</kafka.version>`);
    expect(tags).toMatchObject({
      debian: 'localhost/vouch-base/debian:bookworm',
      node: `localhost/vouch-base/node:${versions.node}-bookworm-slim`,
      kafka: `localhost/vouch-base/kafka:${versions.kafka}`,
      postgres: 'localhost/vouch-base/postgres:17',
      maildev: `localhost/vouch-base/maildev:${versions.maildev}`,
      identity: 'localhost/vouch/identity:local',
      portal: 'localhost/vouch/portal:local',
    });
  });

  it('stands in for exactly the official images docker-compose.yml and the Dockerfile name by default', () => {
    const official: Record<string, string> = {
      KAFKA_IMAGE: `apache/kafka:${versions.kafka}`,
      POSTGRES_IMAGE: `postgres:${versions.postgres}`,
      MAILDEV_IMAGE: `maildev/maildev:${versions.maildev}`,
    };
    expect(composeImage('kafka')).toBe(`\${KAFKA_IMAGE:-${official['KAFKA_IMAGE']}}`);
    expect(composeImage('kafka-topics')).toBe(`\${KAFKA_IMAGE:-${official['KAFKA_IMAGE']}}`);
    expect(composeImage('postgres')).toBe(`\${POSTGRES_IMAGE:-${official['POSTGRES_IMAGE']}}`);
    expect(composeImage('maildev')).toBe(`\${MAILDEV_IMAGE:-${official['MAILDEV_IMAGE']}}`);
    expect(readRepoFile('infra/docker/Dockerfile')).toContain(
      `ARG NODE_IMAGE=node:${versions.node}-bookworm-slim`,
    );
    expect(call(script, 'm.imageEnvironment(m.imageTags(m.readVersions()))')).toEqual({
      NODE_IMAGE: tags['node'],
      KAFKA_IMAGE: tags['kafka'],
      POSTGRES_IMAGE: tags['postgres'],
      MAILDEV_IMAGE: tags['maildev'],
    });
  });

  it('reads its options, refusing unknown images and flags', () => {
    expect(call(script, 'm.parseArguments([], {})')).toMatchObject({
      command: 'build',
      only: [
        'debian',
        'node',
        'kafka',
        'postgres',
        'maildev',
        'identity',
        'connections',
        'recommendations',
        'notifications',
        'portal',
      ],
      noCache: false,
      sbom: true,
      sbomDir: path.join(REPO_ROOT, 'dist', 'sbom'),
    });
    expect(
      call(
        script,
        'm.parseArguments(["--only", "portal,node", "--no-cache", "--ca=/tmp/ca.pem", "--no-sbom"], {})',
      ),
    ).toMatchObject({ only: ['node', 'portal'], noCache: true, ca: '/tmp/ca.pem', sbom: false });
    expect(call(script, 'm.parseArguments([], { NODE_EXTRA_CA_CERTS: "/etc/proxy.pem" }).ca')).toBe(
      '/etc/proxy.pem',
    );
    expect(call(script, 'm.parseArguments(["env"], {}).command')).toBe('env');
    expect(() => call(script, 'm.parseArguments(["--only", "redis"], {})')).toThrow(/no image named redis/);
    expect(() => call(script, 'm.parseArguments(["--fast"], {})')).toThrow(/unknown option --fast/);
  });

  it('checks a downloaded tarball against its integrity before using it', () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'vouch-images-'));
    try {
      const file = path.join(directory, 'package.tgz');
      writeFileSync(file, 'the bytes of a tarball');
      const integrity = `sha512-${createHash('sha512').update('the bytes of a tarball').digest('base64')}`;
      expect(
        call(script, `m.verifyIntegrity(${JSON.stringify(file)}, ${JSON.stringify(integrity)}) ?? 'ok'`),
      ).toBe('ok');
      const other = `sha512-${createHash('sha512').update('other bytes').digest('base64')}`;
      expect(() =>
        call(script, `m.verifyIntegrity(${JSON.stringify(file)}, ${JSON.stringify(other)})`),
      ).toThrow(/is not the pinned/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('says what dominates an image: the largest directories, not the parents that only add them up', () => {
    const entries = [
      { path: '/usr', size: 200 },
      { path: '/usr/local', size: 150 },
      { path: '/usr/local/bin', size: 130 },
      { path: '/usr/lib', size: 40 },
      { path: '/app', size: 120 },
      { path: '/app/node_modules', size: 50 },
      { path: '/app/services', size: 45 },
    ];
    expect(call(script, `m.dominantEntries(${JSON.stringify(entries)}, 3).map((e) => e.path)`)).toEqual([
      '/usr/local/bin',
      '/app',
      '/usr/lib',
    ]);
    // A kept directory's own children are not listed again.
    expect(call(script, 'm.humanSize(286_400_000)')).toBe('286 MB');
  });

  it('lists the Debian packages of an image for its SBOM, installed ones only', () => {
    const status = [
      'Package: libc6\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2.36-9+deb12u14',
      'Package: removed\nStatus: deinstall ok config-files\nArchitecture: amd64\nVersion: 1',
    ].join('\n\n');
    expect(call(script, `m.debianComponents(${JSON.stringify(status)})`)).toEqual([
      {
        type: 'library',
        name: 'libc6',
        version: '2.36-9+deb12u14',
        purl: 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u14?arch=amd64',
      },
    ]);
  });
});

describe('the container runtime (infra/containers)', () => {
  it('points podman at the repo’s settings and the tools at its socket, never at /etc', () => {
    const environment = call<Record<string, string>>(containers, 'm.containerEnvironment("/tmp/home")');
    expect(environment).toEqual({
      CONTAINERS_CONF: path.join(REPO_ROOT, 'infra', 'containers', 'containers.conf'),
      DOCKER_HOST: 'unix:///tmp/home/containers/podman.sock',
      TESTCONTAINERS_RYUK_DISABLED: 'true',
    });
    const conf = readRepoFile('infra/containers/containers.conf');
    expect(conf).toMatch(/^runtime = "runc"$/m);
    expect(conf).toMatch(/^default_ulimits = \["nofile=20000:20000", "nproc=4096:4096"\]$/m);
    expect(call<string[]>(containers, 'm.DEBIAN_PACKAGES.map((p) => p.name)')).toEqual(
      expect.arrayContaining(['podman', 'runc', 'debootstrap', 'netavark', 'iptables']),
    );
  });
});

/**
 * The Kafka stand-in turns the compose file's KAFKA_* environment into server.properties with
 * Kafka's own kafka.docker.KafkaDockerWrapper, as the official image does. Run here with the
 * broker's jars `npm run infra:up` fetched (.local/kafka/libs) and the image's default files.
 */
describe('the apache/kafka stand-in (infra/images/kafka)', () => {
  const libs = path.join(REPO_ROOT, '.local', 'kafka', 'libs');
  const java = spawnSync('java', ['-version']).status === 0;
  const haveJars =
    java && existsSync(libs) && readdirSync(libs).some((file) => /^kafka_2\.13-.*\.jar$/.test(file));
  const itWithJars = haveJars ? it : it.skip;

  itWithJars('writes the broker settings docker-compose.yml gives, as the official image maps them', () => {
    if (!isRecord(compose) || !isRecord(compose['services']) || !isRecord(compose['services']['kafka']))
      throw new Error('no kafka service');
    const environment = compose['services']['kafka']['environment'] as Record<string, unknown>;
    const directory = mkdtempSync(path.join(os.tmpdir(), 'vouch-kafka-image-'));
    try {
      // /opt/kafka/config exists in the image; the mounted folder may not.
      const final = path.join(directory, 'config');
      mkdirSync(final);
      const data = path.join(directory, 'data');
      const run = spawnSync(
        'java',
        [
          '-cp',
          `${libs}/*`,
          `-Dlog4j2.configurationFile=${path.join(REPO_ROOT, 'infra/images/kafka/docker/tools-log4j2.yaml')}`,
          'kafka.docker.KafkaDockerWrapper',
          'setup',
          '--default-configs-dir',
          path.join(REPO_ROOT, 'infra/images/kafka/docker'),
          '--mounted-configs-dir',
          path.join(directory, 'mounted'),
          '--final-configs-dir',
          final,
        ],
        {
          encoding: 'utf8',
          env: {
            PATH: process.env['PATH'],
            ...Object.fromEntries(
              Object.entries(environment).map(([name, value]) => [name, interpolateCompose(String(value))]),
            ),
            KAFKA_LOG_DIRS: data,
            // The double underscore is an underscore of the property's name, as in the official image.
            KAFKA_LISTENER_NAME_HOST_SSL_ENDPOINT__IDENTIFICATION_ALGORITHM: '',
          },
        },
      );
      expect(run.status).toBe(0);
      const properties = Object.fromEntries(
        readFileSync(path.join(final, 'server.properties'), 'utf8')
          .split('\n')
          .filter((line) => line.includes('='))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      );
      expect(properties).toMatchObject({
        'node.id': '1',
        'process.roles': 'broker,controller',
        listeners: 'INTERNAL://:9092,HOST://:19092,CONTROLLER://:9093',
        'advertised.listeners': 'INTERNAL://kafka:9092,HOST://127.0.0.1:19092',
        'controller.quorum.voters': '1@kafka:9093',
        'auto.create.topics.enable': 'false',
        'group.initial.rebalance.delay.ms': '0',
        'listener.name.host.ssl.endpoint_identification.algorithm': '',
        'log.dirs': data,
      });
      expect(Object.keys(properties).filter((name) => name.startsWith('cluster'))).toEqual([]);
      // Formatted once with CLUSTER_ID: the data directory says so.
      expect(readFileSync(path.join(data, 'meta.properties'), 'utf8')).toContain(
        `cluster.id=${String(environment['CLUSTER_ID'])}`,
      );
      expect(existsSync(path.join(final, 'log4j2.yaml'))).toBe(true);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('has every /opt/kafka/bin script the compose file’s health checks and jobs call', () => {
    const calls = readRepoFile('docker-compose.yml').match(/\/opt\/kafka\/bin\/[\w.-]+/g) ?? [];
    expect(calls.length).toBeGreaterThan(0);
    for (const call of new Set(calls)) {
      expect(existsSync(path.join(REPO_ROOT, 'infra/images/kafka/bin', path.basename(call)))).toBe(true);
    }
  });
});
