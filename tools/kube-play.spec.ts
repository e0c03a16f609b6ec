import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { renderKustomization, type Manifest } from '../infra/test/kustomize';

const script = path.join(__dirname, 'kube-play.mjs');

/**
 * Evaluates an expression over tools/kube-play.mjs (`kube`) and tools/images.mjs (`images`) in a
 * Node of its own (they are ES modules), with `input` as given; returns its JSON, or the error's
 * message as `{ error }`.
 */
function call<T>(expression: string, input: unknown = null): T {
  const source = `
    import fs from 'node:fs';
    import * as kube from ${JSON.stringify(script)};
    import * as images from ${JSON.stringify(path.join(__dirname, 'images.mjs'))};
    const input = JSON.parse(fs.readFileSync(0, 'utf8'));
    const tags = images.imageTags(images.readVersions());
    let result;
    try { result = (() => (${expression}))(); } catch (error) { result = { error: error.message }; }
    process.stdout.write(JSON.stringify(result ?? null));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', source], {
    encoding: 'utf8',
    input: JSON.stringify(input),
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as T;
}

const overlay = renderKustomization('infra/k8s/overlays/local');
const byKind = (kind: string) => overlay.filter((manifest) => manifest.kind === kind);
const names = (manifests: Manifest[]) => manifests.map((manifest) => manifest.metadata.name).sort();

interface Split {
  workloads: Manifest[];
  configMaps: Manifest[];
  claims: Manifest[];
  secrets: Manifest[];
  services: Manifest[];
  jobs: Manifest[];
  notPlayed: Array<{ kind: string; name: string; reason: string }>;
}

describe('npm run kube:play (tools/kube-play.mjs): what podman 4.3 plays', () => {
  const split = call<Split>('kube.splitManifests(input)', overlay);

  it("plays the local overlay's Deployments, converts its Services, Secrets and Job, and accounts for every object", () => {
    expect(names(split.workloads)).toEqual(names(byKind('Deployment')));
    expect(names(split.workloads)).toEqual(
      [
        'connections',
        'identity',
        'kafka',
        'maildev',
        'notifications',
        'portal',
        'postgres',
        'recommendations',
      ].sort(),
    );
    expect(names(split.jobs)).toEqual(['kafka-topics']);
    expect(names(split.services)).toEqual(names(byKind('Service')));
    expect(names(split.secrets)).toEqual(names(byKind('Secret')));
    expect(names(split.configMaps)).toEqual(names(byKind('ConfigMap')));
    const accounted =
      split.workloads.length +
      split.jobs.length +
      split.services.length +
      split.secrets.length +
      split.configMaps.length +
      split.claims.length +
      split.notPlayed.length;
    expect(accounted).toBe(overlay.length);
  });

  it('says why each kind it does not play cannot run under podman, with a reason of its own', () => {
    const kinds = [...new Set(split.notPlayed.map((skipped) => skipped.kind))].sort();
    expect(kinds).toEqual([
      'Gateway',
      'HTTPRoute',
      'HorizontalPodAutoscaler',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'ScaledObject',
      'TriggerAuthentication',
    ]);
    const reasons = call<Record<string, string>>('kube.NOT_PLAYED');
    for (const skipped of split.notPlayed) expect(skipped.reason).toBe(reasons[skipped.kind]);
  });

  it('lists the kinds of the other renderings and unknown kinds as not played, never drops them', () => {
    const others = ['PrometheusRule', 'ServiceMonitor', 'StatefulSet', 'CronJob', 'Certificate'].map(
      (kind) => ({ apiVersion: 'x/v1', kind, metadata: { name: kind.toLowerCase() } }),
    );
    const { notPlayed } = call<Split>('kube.splitManifests(input)', others);
    expect(notPlayed.map((skipped) => skipped.kind)).toEqual(others.map((other) => other.kind));
    expect(notPlayed.find((skipped) => skipped.kind === 'PrometheusRule')?.reason).toMatch(/Prometheus/);
    expect(notPlayed.find((skipped) => skipped.kind === 'StatefulSet')?.reason).toMatch(/no such kind/);
    expect(notPlayed.find((skipped) => skipped.kind === 'Certificate')?.reason).toMatch(/no such kind/);
  });
});

describe('npm run kube:play: images pinned to the local builds', () => {
  it('points every container of the overlay at an image `npm run images` builds', () => {
    const pinned = call<{ changes: Array<{ from: string; to: string }>; images: string[] }>(
      `(() => {
        const workloads = [...kube.splitManifests(input).workloads, ...kube.splitManifests(input).jobs.map(kube.jobAsPod)];
        const changes = kube.pinImages(workloads, tags);
        return { changes, images: workloads.flatMap((w) => [...(kube.podSpec(w).initContainers ?? []), ...kube.podSpec(w).containers].map((c) => c.image)) };
      })()`,
      overlay,
    );
    const tags = call<Record<string, string>>('tags');
    for (const image of pinned.images) expect(Object.values(tags)).toContain(image);
    expect(pinned.changes).toEqual(
      expect.arrayContaining([
        { from: 'vouch/identity:local', to: 'localhost/vouch/identity:local' },
        { from: 'vouch/portal:local', to: 'localhost/vouch/portal:local' },
        { from: 'postgres:17', to: tags['postgres'] },
        { from: 'maildev/maildev:2.2.1', to: tags['maildev'] },
      ]),
    );
    expect(pinned.changes.find((change) => change.from.startsWith('apache/kafka:'))?.to).toBe(tags['kafka']);
  });

  it('takes a service image of any tag as the local build, and a stand-in only of the same version', () => {
    expect(call('kube.localImage("registry.example.com/vouch/identity:0.1.0", tags)')).toEqual({
      error: expect.stringMatching(/no local image/),
    });
    expect(call('kube.localImage("vouch/identity:0.1.0", tags)')).toBe('localhost/vouch/identity:local');
    expect(call('kube.localImage("docker.io/library/postgres:17", tags)')).toBe(call('tags.postgres'));
    expect(call('kube.localImage("apache/kafka:3.9.1", tags)')).toEqual({
      error: expect.stringMatching(/another version/),
    });
    expect(call('kube.localImage("redis:7", tags)')).toEqual({
      error: expect.stringMatching(/no local image stands in/),
    });
    expect(call('kube.localImage("vouch/billing:local", tags)')).toEqual({
      error: expect.stringMatching(/builds no vouch\/billing/),
    });
  });
});

describe('npm run kube:play: what the script does for podman', () => {
  it('gives each pod the Services that select it as DNS aliases, and refuses what an alias cannot do', () => {
    const { aliases, problems } = call<{ aliases: Record<string, string[]>; problems: string[] }>(
      '(() => { const s = kube.splitManifests(input); return kube.serviceAliases(s.services, [...s.workloads, ...s.jobs.map(kube.jobAsPod)]); })()',
      overlay,
    );
    expect(problems).toEqual([]);
    expect(aliases).toEqual({
      identity: ['identity'],
      connections: ['connections'],
      recommendations: ['recommendations'],
      notifications: ['notifications'],
      portal: ['portal'],
      kafka: ['kafka'],
      postgres: ['postgres'],
      maildev: ['maildev'],
      'kafka-topics': [],
    });

    const web = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', ports: [{ name: 'http', containerPort: 8080 }] }] },
        },
      },
    };
    const service = (name: string, selector: Record<string, string>, port: number) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector, ports: [{ port, targetPort: 'http' }] },
    });
    const refused = call<{ problems: string[] }>('kube.serviceAliases(input.services, [input.web])', {
      web,
      services: [service('web', { app: 'web' }, 80), service('orphan', { app: 'none' }, 8080)],
    });
    expect(refused.problems).toEqual([
      'Service web: port 80 goes to 8080; the alias reaches 8080 only',
      'Service orphan: its selector matches no pod played here',
    ]);
  });

  it('runs the Job as a Pod that restarts on failure, after the pods without init containers', () => {
    const job = byKind('Job')[0];
    const pod = call<Manifest & { spec: { restartPolicy: string; containers: unknown[] } }>(
      'kube.jobAsPod(input)',
      job,
    );
    expect(pod.kind).toBe('Pod');
    expect(pod.metadata.name).toBe('kafka-topics');
    expect(pod.metadata.labels).toMatchObject({
      'app.kubernetes.io/name': 'kafka-topics',
      'job-name': 'kafka-topics',
    });
    expect(pod.spec.restartPolicy).toBe('OnFailure');
    expect(pod.spec.containers).toHaveLength(1);

    const waves = call<string[][]>(
      '(() => { const s = kube.splitManifests(input); return kube.playWaves([...s.workloads, ...s.jobs.map(kube.jobAsPod)]).map((w) => w.map((m) => m.metadata.name).sort()); })()',
      overlay,
    );
    expect(waves).toEqual([
      ['kafka', 'maildev', 'portal', 'postgres'],
      ['connections', 'identity', 'kafka-topics', 'notifications', 'recommendations'],
    ]);
  });

  it('numbers named probe ports (podman 4.3 makes them port 0) and refuses an unknown one', () => {
    const identity = call<Manifest>('(() => { kube.resolveProbePorts([input]); return input; })()', {
      ...byKind('Deployment').find((manifest) => manifest.metadata.name === 'identity'),
    });
    const container = (
      identity['spec'] as {
        template: { spec: { containers: Array<Record<string, { httpGet: { port: unknown } }>> } };
      }
    ).template.spec.containers[0];
    expect(container?.['readinessProbe']?.httpGet.port).toBe(3001);
    expect(container?.['livenessProbe']?.httpGet.port).toBe(3001);
    const broken = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'broken' },
      spec: { containers: [{ name: 'c', readinessProbe: { tcpSocket: { port: 'nope' } } }] },
    };
    expect(call('kube.resolveProbePorts([input])', broken)).toEqual({
      error: 'broken/c readinessProbe: no container port named nope',
    });
  });

  it('publishes no port, gives each emptyDir a volume of its own and keeps the init containers', () => {
    const played = call<{ workloads: Manifest[]; volumes: string[] }>(
      `(() => {
        const s = kube.splitManifests(input);
        const workloads = [...s.workloads, ...s.jobs.map(kube.jobAsPod)];
        kube.resolveProbePorts(workloads);
        kube.dropContainerPorts(workloads);
        const volumes = kube.renameEmptyDirs(workloads, 'vouch-kube');
        kube.keepInitContainers(workloads);
        return { workloads, volumes };
      })()`,
      overlay,
    );
    const kafka = played.workloads.find((workload) => workload.metadata.name === 'kafka') as Manifest;
    const postgres = played.workloads.find((workload) => workload.metadata.name === 'postgres') as Manifest;
    const identity = played.workloads.find((workload) => workload.metadata.name === 'identity') as Manifest;
    type Spec = {
      volumes?: Array<{ name: string }>;
      initContainers?: Array<{ ports?: unknown; volumeMounts?: Array<{ name: string }> }>;
      containers: Array<{ ports?: unknown; volumeMounts?: Array<{ name: string }> }>;
    };
    const spec = (workload: Manifest) => (workload['spec'] as { template: { spec: Spec } }).template.spec;

    // kube play 4.3 would bind every containerPort on the host: none is left.
    for (const workload of played.workloads) {
      const { containers, initContainers = [] } =
        workload.kind === 'Pod' ? (workload['spec'] as Spec) : spec(workload);
      for (const container of [...initContainers, ...containers]) expect(container.ports).toBeUndefined();
    }
    // Kafka's and PostgreSQL's `data` and every service's `tmp`: one volume each, mounts renamed too.
    expect(spec(kafka).volumes?.map((volume) => volume.name)).toEqual(['vouch-kube-kafka-data']);
    expect(spec(kafka).containers[0]?.volumeMounts?.map((mount) => mount.name)).toEqual([
      'vouch-kube-kafka-data',
    ]);
    expect(spec(postgres).volumes?.map((volume) => volume.name)).toEqual(['vouch-kube-postgres-data']);
    expect(new Set(played.volumes).size).toBe(played.volumes.length);
    expect(played.volumes).toEqual(
      expect.arrayContaining(['vouch-kube-identity-tmp', 'vouch-kube-notifications-tmp']),
    );
    // On the Deployment's own metadata, where 4.3 reads it; only where there are init containers.
    expect(identity.metadata.annotations).toEqual({ 'io.podman.annotations.init.container.type': 'always' });
    expect(kafka.metadata.annotations).toBeUndefined();
  });

  it('hands each pod the ConfigMaps it uses, and podman the Secrets as the JSON 4.3 reads', () => {
    const configMaps = call<string[]>(
      '(() => { const s = kube.splitManifests(input); return kube.configMapsOf(s.workloads.find((w) => w.metadata.name === "identity"), s.configMaps).map((c) => c.metadata.name); })()',
      overlay,
    );
    expect(configMaps).toEqual(['vouch-platform', 'identity-config']);
    const data = call<string>('kube.podmanSecretData(input)', {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's' },
      data: { A: Buffer.from('a').toString('base64') },
      stringData: { B: 'b=c\\n', EMPTY: '' },
    });
    expect(JSON.parse(data)).toEqual({
      A: Buffer.from('a').toString('base64'),
      B: Buffer.from('b=c\\n').toString('base64'),
      EMPTY: '',
    });
  });

  it("reads podman stats' memory figures", () => {
    expect(
      call('["49.77MB / 134.2MB", "1.5GB / 2GB", "512kB / 1GB", "12MiB / 1GiB", "?"].map(kube.parseSize)'),
    ).toEqual([49.77e6, 1.5e9, 512e3, 12 * 1024 ** 2, 0]);
  });
});
