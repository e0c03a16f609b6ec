#!/usr/bin/env node
// @ts-check
/**
 * `npm run kube:play`: the local Kubernetes overlay (infra/k8s/overlays/local) on this machine's
 * podman 4.3 with `podman kube play`, with the images `npm run images` built here (no registry).
 * Renders the overlay with the renderer the manifests' tests use (infra/test/kustomize.ts),
 * plays what podman can run, lists what it cannot and why, waits until every pod's containers run
 * and answer their readinessProbe, checks the portal reaches identity by its Service name, prints
 * timings and memory, and tears everything down (pods, their volumes, secrets, network).
 *
 *   node tools/kube-play.mjs [options]
 *     --overlay DIR       the kustomization to play (default infra/k8s/overlays/local)
 *     --network NAME      the podman network the pods share (default vouch-kube; created and removed)
 *     --timeout SECONDS   how long each wave of pods may take to become ready (default 600)
 *     --dry-run           render, split and write the files podman would play; play nothing
 *     --keep              leave the pods running (tear them down later with --down)
 *     --down              only tear down what a kept (or crashed) run left behind
 *
 * What podman 4.3.1 does with the manifests (tried 2026-12-06; `podman kube play --help` names
 * Pod, Deployment, PersistentVolumeClaim and ConfigMap), and what the script does about it:
 * - Deployment: one pod, `<name>-pod-0`, containers `<pod>-<container>`; replicas, strategy,
 *   topologySpreadConstraints and the like are ignored. Pod: played as is. ConfigMap: envFrom and
 *   configMapKeyRef resolve against the ConfigMaps of the same file, so each pod's file carries the
 *   ConfigMaps it uses. PersistentVolumeClaim: a named volume. Resource limits,
 *   runAsUser/runAsGroup, readOnlyRootFilesystem and restartPolicy are applied.
 * - containerPort: published on the host's same port, on every address (5432 and 1025 clash with
 *   `npm run infra:up`'s, and the pods would be open to the network). The script drops the ports
 *   without a hostPort from what podman plays (named ports resolved first): a pod's ports need
 *   no declaring on a podman network.
 * - emptyDir: the podman named volume of the volume's name, removed with the pod: Kafka's and
 *   PostgreSQL's `data` were one volume (Kafka then failed on PostgreSQL's files), and a user's
 *   volume of that name would be taken. The script names each `<network>-<pod>-<volume>`.
 * - Service, Job, StatefulSet and every other kind: ignored without a word in a file with a
 *   supported kind ("YAML document does not contain any supported kube kind" when alone).
 *   Services become DNS aliases here: each pod joins the network as
 *   `--network <net>:alias=<service>,…` for every Service whose selector matches it (aardvark-dns
 *   answers them, and the pod's name), which only works while a Service's port is its target port
 *   (checked). The Job's pod template is played as a Pod (its restartPolicy, OnFailure: podman
 *   restarts it until it succeeds) once the pods it needs are ready, and waited for.
 * - Secret: 4.3 stores a Secret document's YAML as a podman secret but reads secrets back as JSON,
 *   so every secretKeyRef then fails ("secret … is not valid JSON"). The script creates the secrets
 *   itself, `podman secret create` of `{"KEY": "<base64>"}`, the format 4.3 reads.
 * - Init containers: 4.3 runs them in `podman pod start` while holding the pod's lock, so their
 *   cleanup waits and podman only sees them exit after its 20 s conmon timeout; the default "once"
 *   type then often fails the pod ("failed to remove once init container … as it is running").
 *   With the annotation io.podman.annotations.init.container.type: always on the Deployment's own
 *   metadata (4.3 reads it there, not from the pod template or `--annotation`) they work, 20 s
 *   late. A failed init container fails the pod start and podman does not retry it: the script
 *   plays the pods without init containers first (Kafka, PostgreSQL, maildev, the portal), waits
 *   for them, then the others, and starts a pod whose start failed again, with backoff.
 * - Probes: readinessProbe and startupProbe are ignored; a livenessProbe becomes a podman
 *   healthcheck, `curl` for httpGet (the images have none) and port 0 for a named port, which
 *   nothing runs anyway without systemd. The script resolves named probe ports to numbers and
 *   runs the readinessProbes itself: httpGet and tcpSocket from the host to the pod's address on the
 *   network (root podman: the host routes to it), exec with `podman exec`.
 * - Not played at all (printed with the reason): autoscalers (HPA, KEDA), the Gateway API, network
 *   policies (netavark enforces none: every pod reaches every other), Prometheus Operator
 *   resources, PodDisruptionBudgets.
 * docs/operations.md, "Kubernetes manifests on podman (`npm run kube:play`)", says the same for users.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import {
  REPO_ROOT,
  commandLineArguments,
  containerStats,
  podman,
  podmanAsync,
} from '../infra/containers/containers.mjs';
import { imageTags, readVersions } from './images.mjs';
import { readEnvFile, writeLocalOverlaySecrets } from './secrets.mjs';

const WORK_DIR = path.join(REPO_ROOT, '.local', 'kube-play');
const STATE_FILE = path.join(WORK_DIR, 'state.json');
/** Labels what this script creates in podman (secrets, network), with the network's name. */
const OWNER_LABEL = 'io.vouch.kube-play';
const INIT_CONTAINER_TYPE = 'io.podman.annotations.init.container.type';

/**
 * @typedef {{ apiVersion: string, kind: string, metadata: { name: string, namespace?: string, labels?: Record<string, string>, annotations?: Record<string, string> }, [field: string]: unknown }} Manifest
 * @typedef {{ kind: string, name: string, reason: string }} Skipped
 */

/** The kinds podman 4.3's kube play runs, and how. */
export const PLAYED_KINDS = /** @type {Record<string, string>} */ ({
  Deployment: 'one pod, <name>-pod-0 (replicas and rollout settings are ignored)',
  Pod: 'played as is',
  PersistentVolumeClaim: 'a podman named volume, removed with the rest',
  ConfigMap: 'in the file of each pod that uses it (envFrom, configMapKeyRef, volumes)',
});

/** The kinds kube play 4.3 ignores or gets wrong, that the script turns into what podman runs. */
export const CONVERTED_KINDS = /** @type {Record<string, string>} */ ({
  Secret:
    '`podman secret create` of a JSON map (kube play 4.3 stores a Secret as YAML, then reads secrets as JSON)',
  Service:
    "DNS aliases of the pods its selector matches, on the script's network (kube play 4.3 ignores Services)",
  Job: 'its pod template played as a Pod once the pods it needs are ready, waited for until it succeeds (kube play 4.3 ignores Jobs)',
});

const UNSUPPORTED_KIND =
  'podman 4.3 kube play knows no such kind (Pod, Deployment, PersistentVolumeClaim, ConfigMap only)';

/** The kinds nothing runs under podman, with why. */
export const NOT_PLAYED = /** @type {Record<string, string>} */ ({
  HorizontalPodAutoscaler: 'no autoscaler on podman: each Deployment runs one pod',
  ScaledObject: "KEDA's resource: no KEDA operator on podman; notifications runs one pod",
  TriggerAuthentication: "KEDA's resource: no KEDA operator on podman",
  HTTPRoute:
    "Gateway API: no gateway on podman; the portal answers on its pod's address on the network instead",
  Gateway: "Gateway API: no gateway implementation on podman (the portal answers on its pod's address)",
  GatewayClass: 'Gateway API: no gateway implementation on podman',
  NetworkPolicy:
    'not enforced: netavark has no network policies, every pod on the network reaches every other',
  PrometheusRule: 'Prometheus Operator resource: no operator (nor Prometheus) on podman',
  ServiceMonitor: 'Prometheus Operator resource: no operator (nor Prometheus) on podman',
  PodMonitor: 'Prometheus Operator resource: no operator (nor Prometheus) on podman',
  PodDisruptionBudget: 'no evictions or node drains on one host: nothing to budget',
  StatefulSet: UNSUPPORTED_KIND,
  DaemonSet: UNSUPPORTED_KIND,
  ReplicaSet: UNSUPPORTED_KIND,
  CronJob: `${UNSUPPORTED_KIND}; no scheduler runs it either`,
  Ingress: 'no ingress controller on podman',
  ServiceAccount: 'no API server: nothing to authenticate to',
  Role: 'no API server: nothing to authorize',
  RoleBinding: 'no API server: nothing to authorize',
  Namespace: 'podman has no namespaces: every pod shares the one network',
});

/** @param {unknown} value @returns {value is Record<string, any>} */
const isRecord = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** @param {unknown} value @returns {any[]} */
const list = (value) => (Array.isArray(value) ? value : []);

/**
 * Sorts the rendered manifests into what podman plays, what the script converts, and what nothing
 * runs (with the reason).
 * @param {Manifest[]} manifests
 */
export function splitManifests(manifests) {
  /** @type {{ workloads: Manifest[], configMaps: Manifest[], claims: Manifest[], secrets: Manifest[], services: Manifest[], jobs: Manifest[], notPlayed: Skipped[] }} */
  const split = {
    workloads: [],
    configMaps: [],
    claims: [],
    secrets: [],
    services: [],
    jobs: [],
    notPlayed: [],
  };
  for (const manifest of manifests) {
    const { kind } = manifest;
    if (kind === 'Deployment' || kind === 'Pod') split.workloads.push(manifest);
    else if (kind === 'ConfigMap') split.configMaps.push(manifest);
    else if (kind === 'PersistentVolumeClaim') split.claims.push(manifest);
    else if (kind === 'Secret') split.secrets.push(manifest);
    else if (kind === 'Service') split.services.push(manifest);
    else if (kind === 'Job') split.jobs.push(manifest);
    else
      split.notPlayed.push({
        kind,
        name: manifest.metadata.name,
        reason: NOT_PLAYED[kind] ?? UNSUPPORTED_KIND,
      });
  }
  return split;
}

/**
 * The pod spec of a workload (Pod, or the template of a Deployment or Job).
 * @param {Manifest} manifest
 * @returns {Record<string, any>}
 */
export function podSpec(manifest) {
  const spec = isRecord(manifest['spec']) ? manifest['spec'] : {};
  if (manifest.kind === 'Pod') return spec;
  return isRecord(spec['template']) && isRecord(spec['template']['spec']) ? spec['template']['spec'] : {};
}

/** @param {Manifest} manifest @returns {Record<string, string>} */
export function podLabels(manifest) {
  if (manifest.kind === 'Pod') return manifest.metadata.labels ?? {};
  const spec = isRecord(manifest['spec']) ? manifest['spec'] : {};
  const template = isRecord(spec['template']) ? spec['template'] : {};
  return isRecord(template['metadata']) && isRecord(template['metadata']['labels'])
    ? template['metadata']['labels']
    : {};
}

/** @param {Manifest} manifest @returns {Record<string, any>[]} */
const containersOf = (manifest) => {
  const spec = podSpec(manifest);
  return [...list(spec['initContainers']), ...list(spec['containers'])].filter(isRecord);
};

/** The name kube play 4.3 gives a workload's pod. @param {Manifest} manifest */
export const podName = (manifest) =>
  manifest.kind === 'Deployment' ? `${manifest.metadata.name}-pod-0` : manifest.metadata.name;

/**
 * The official images the manifests name, by repository, and the local stand-in `npm run images`
 * builds for each (tools/images.mjs imageTags: the same tag, built here).
 */
const STAND_INS = /** @type {Record<string, string>} */ ({
  'apache/kafka': 'kafka',
  postgres: 'postgres',
  'maildev/maildev': 'maildev',
  node: 'node',
  debian: 'debian',
});

/** @param {string} image @returns {{ repository: string, tag: string | undefined }} */
function parseImage(image) {
  const withoutDigest = image.split('@')[0] ?? image;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const [repository, tag] =
    colon > slash
      ? [withoutDigest.slice(0, colon), withoutDigest.slice(colon + 1)]
      : [withoutDigest, undefined];
  return { repository: repository.replace(/^(docker\.io\/)(library\/)?/, ''), tag };
}

/**
 * The local image for an image a manifest names: vouch/<service> is the service's local build
 * (whatever the tag: this plays what was built here); an official image is its local stand-in,
 * which must be of the same version.
 * @param {string} image
 * @param {Record<string, string>} tags tools/images.mjs imageTags()
 */
export function localImage(image, tags) {
  const { repository, tag } = parseImage(image);
  const service = repository.match(/^(?:localhost\/)?vouch\/([\w-]+)$/)?.[1];
  if (service) {
    const local = tags[service];
    if (!local) throw new Error(`${image}: npm run images builds no vouch/${service}`);
    return local;
  }
  if (Object.values(tags).includes(image)) return image;
  const standIn = STAND_INS[repository];
  const local = standIn ? tags[standIn] : undefined;
  if (!local)
    throw new Error(
      `${image}: no local image stands in for it (npm run images builds ${Object.values(tags).join(', ')})`,
    );
  const localTag = parseImage(local).tag;
  if (tag !== undefined && tag !== localTag)
    throw new Error(
      `${image}: the local stand-in is ${local}, another version (see tools/images.mjs readVersions)`,
    );
  return local;
}

/**
 * Points every container of the workloads at its local image; returns what changed.
 * @param {Manifest[]} manifests
 * @param {Record<string, string>} tags
 */
export function pinImages(manifests, tags) {
  /** @type {Map<string, string>} */
  const changes = new Map();
  for (const manifest of manifests) {
    for (const container of containersOf(manifest)) {
      const image = String(container['image']);
      const local = localImage(image, tags);
      if (local !== image) changes.set(image, local);
      container['image'] = local;
    }
  }
  return [...changes].map(([from, to]) => ({ from, to }));
}

/**
 * A container's port by name or number, as a number.
 * @param {Record<string, any>} container
 * @param {unknown} port
 * @param {string} where for the error
 */
function portNumber(container, port, where) {
  if (typeof port === 'number') return port;
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  const named = list(container['ports']).find(
    (candidate) => isRecord(candidate) && candidate['name'] === port,
  );
  if (!named) throw new Error(`${where}: no container port named ${String(port)}`);
  return Number(named['containerPort']);
}

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'];

/**
 * Named probe ports as numbers: kube play 4.3 turns a named port into port 0.
 * @param {Manifest[]} manifests
 */
export function resolveProbePorts(manifests) {
  for (const manifest of manifests) {
    for (const container of containersOf(manifest)) {
      for (const probe of PROBES) {
        for (const handler of ['httpGet', 'tcpSocket']) {
          const action = container[probe]?.[handler];
          if (isRecord(action))
            action['port'] = portNumber(
              container,
              action['port'],
              `${manifest.metadata.name}/${container['name']} ${probe}`,
            );
        }
      }
    }
  }
}

/**
 * Drops the containerPort declarations podman would publish: kube play 4.3 binds every
 * containerPort to the same port of the host, on every address (5432 and 1025 are taken on a
 * machine running `npm run infra:up`, and the pods would be open to the network). The pods'
 * ports need no declaring on a podman network; one with a hostPort is kept, as asked. Run after
 * the named ports are resolved (resolveProbePorts, serviceAliases).
 * @param {Manifest[]} manifests
 */
export function dropContainerPorts(manifests) {
  for (const manifest of manifests) {
    for (const container of containersOf(manifest)) {
      const kept = list(container['ports']).filter(
        (port) => isRecord(port) && port['hostPort'] !== undefined,
      );
      if (kept.length > 0) container['ports'] = kept;
      else delete container['ports'];
    }
  }
}

/**
 * Gives every emptyDir a name of its own, `<prefix>-<pod>-<volume>`: kube play 4.3 makes an
 * emptyDir the podman named volume of the volume's name, so Kafka's and PostgreSQL's `data` (and
 * every service's `tmp`) would be one volume shared by the pods, and an existing volume of that
 * name would be mounted (and removed with the pod). Returns the names, removed at teardown.
 * @param {Manifest[]} manifests
 * @param {string} prefix
 */
export function renameEmptyDirs(manifests, prefix) {
  /** @type {string[]} */
  const names = [];
  for (const manifest of manifests) {
    const spec = podSpec(manifest);
    /** @type {Map<string, string>} */
    const renamed = new Map();
    for (const volume of list(spec['volumes']).filter(isRecord)) {
      if (!isRecord(volume['emptyDir'])) continue;
      const name = `${prefix}-${manifest.metadata.name}-${volume['name']}`;
      renamed.set(String(volume['name']), name);
      volume['name'] = name;
      names.push(name);
    }
    for (const container of containersOf(manifest)) {
      for (const mount of list(container['volumeMounts']).filter(isRecord)) {
        const name = renamed.get(String(mount['name']));
        if (name) mount['name'] = name;
      }
    }
  }
  return names;
}

/**
 * Marks the init containers of each workload "always" (run at every start of the pod, never
 * removed) rather than kube play's default "once", whose removal fails on 4.3 here ("failed to
 * remove once init container … as it is running"). 4.3 reads the annotation from the Deployment's
 * (or Pod's) own metadata, not from the pod template or `--annotation`.
 * @param {Manifest[]} manifests
 */
export function keepInitContainers(manifests) {
  for (const manifest of manifests) {
    if (list(podSpec(manifest)['initContainers']).length === 0) continue;
    manifest.metadata.annotations = { ...manifest.metadata.annotations, [INIT_CONTAINER_TYPE]: 'always' };
  }
}

/**
 * A Job's pod template as the Pod that runs it (kube play 4.3 ignores Jobs).
 * @param {Manifest} job
 * @returns {Manifest}
 */
export function jobAsPod(job) {
  const spec = isRecord(job['spec']) ? job['spec'] : {};
  const template = isRecord(spec['template']) ? spec['template'] : {};
  const metadata = isRecord(template['metadata']) ? template['metadata'] : {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...metadata,
      name: job.metadata.name,
      labels: { ...metadata['labels'], 'job-name': job.metadata.name },
    },
    spec: { restartPolicy: 'OnFailure', ...structuredClone(template['spec'] ?? {}) },
  };
}

/**
 * The DNS aliases of each workload's pod: the Services whose selector matches its labels. An alias
 * reaches the pod's own ports, so a Service whose port differs from its target port is a problem.
 * @param {Manifest[]} services
 * @param {Manifest[]} workloads
 */
export function serviceAliases(services, workloads) {
  /** @type {Record<string, string[]>} */
  const aliases = Object.fromEntries(workloads.map((workload) => [workload.metadata.name, []]));
  /** @type {string[]} */
  const problems = [];
  for (const service of services) {
    const spec = isRecord(service['spec']) ? service['spec'] : {};
    const selector = isRecord(spec['selector']) ? spec['selector'] : {};
    const matching = workloads.filter((workload) => {
      const labels = podLabels(workload);
      const entries = Object.entries(selector);
      return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
    });
    if (matching.length === 0) {
      problems.push(`Service ${service.metadata.name}: its selector matches no pod played here`);
      continue;
    }
    for (const workload of matching) {
      aliases[workload.metadata.name]?.push(service.metadata.name);
      for (const port of list(spec['ports']).filter(isRecord)) {
        const target = port['targetPort'] ?? port['port'];
        const container = list(podSpec(workload)['containers']).find(
          (candidate) =>
            isRecord(candidate) &&
            (typeof target === 'number' ||
              list(candidate['ports']).some((p) => isRecord(p) && p['name'] === target)),
        );
        const targetNumber = container
          ? portNumber(container, target, `Service ${service.metadata.name}`)
          : Number(target);
        if (targetNumber !== Number(port['port']))
          problems.push(
            `Service ${service.metadata.name}: port ${port['port']} goes to ${targetNumber}; the alias reaches ${targetNumber} only`,
          );
      }
    }
  }
  return { aliases, problems };
}

/**
 * The ConfigMaps a workload uses (envFrom, configMapKeyRef, configMap volumes): its file carries
 * them, as kube play resolves them within the file.
 * @param {Manifest} workload
 * @param {Manifest[]} configMaps
 */
export function configMapsOf(workload, configMaps) {
  const names = new Set();
  for (const container of containersOf(workload)) {
    for (const source of list(container['envFrom']))
      if (source?.configMapRef?.name) names.add(source.configMapRef.name);
    for (const variable of list(container['env']))
      if (variable?.valueFrom?.configMapKeyRef?.name) names.add(variable.valueFrom.configMapKeyRef.name);
  }
  for (const volume of list(podSpec(workload)['volumes']))
    if (volume?.configMap?.name) names.add(volume.configMap.name);
  return configMaps.filter((configMap) => names.has(configMap.metadata.name));
}

/**
 * A Secret as kube play 4.3 reads a podman secret: a JSON map of base64 values.
 * @param {Manifest} secret
 */
export function podmanSecretData(secret) {
  const data = isRecord(secret['data']) ? secret['data'] : {};
  const stringData = isRecord(secret['stringData']) ? secret['stringData'] : {};
  return JSON.stringify({
    ...Object.fromEntries(Object.entries(data).map(([key, value]) => [key, String(value)])),
    ...Object.fromEntries(
      Object.entries(stringData).map(([key, value]) => [key, Buffer.from(String(value)).toString('base64')]),
    ),
  });
}

/**
 * The order the pods start in: those without init containers first (the infrastructure the init
 * containers need: podman does not retry a failed one by itself), then the Jobs and the others.
 * @param {Manifest[]} workloads Deployments and Pods (the Jobs already as Pods, marked by job-name)
 */
export function playWaves(workloads) {
  const isJob = (/** @type {Manifest} */ workload) => Boolean(workload.metadata.labels?.['job-name']);
  const first = workloads.filter(
    (workload) => !isJob(workload) && list(podSpec(workload)['initContainers']).length === 0,
  );
  return [first, workloads.filter((workload) => !first.includes(workload))];
}

// ---------------------------------------------------------------------------------------------
// Rendering

/**
 * The overlay rendered by infra/test/kustomize.ts (TypeScript: loaded through @swc-node/register,
 * as package.json's scripts run TypeScript).
 * @param {string} overlay relative to the repo
 * @returns {Manifest[]}
 */
function render(overlay) {
  process.env['SWC_NODE_PROJECT'] ??= path.join(REPO_ROOT, 'tsconfig.json');
  const require = createRequire(import.meta.url);
  require('@swc-node/register');
  /** @type {{ renderKustomization: (directory: string) => Manifest[] }} */
  const renderer = require('../infra/test/kustomize.ts');
  return renderer.renderKustomization(overlay);
}

/**
 * The renderer reads a missing env file's committed `.example` (placeholders the services refuse):
 * for the overlay's secretGenerators whose env files are not there, the values
 * `tools/secrets.mjs k8s-local` generates, kept in .local/kube-play/secrets. Returns the Secrets
 * given generated values.
 * @param {string} overlay
 * @param {Manifest[]} secrets
 */
function fillGeneratedSecrets(overlay, secrets) {
  const kustomization = parse(fs.readFileSync(path.join(REPO_ROOT, overlay, 'kustomization.yaml'), 'utf8'));
  const directory = path.join(WORK_DIR, 'secrets');
  /** @type {string[]} */
  const filled = [];
  for (const generator of list(kustomization?.secretGenerator)) {
    const envs = list(generator?.envs).map(String);
    if (envs.length === 0 || envs.every((file) => fs.existsSync(path.join(REPO_ROOT, overlay, file))))
      continue;
    writeLocalOverlaySecrets(directory);
    const secret = secrets.find((candidate) => candidate.metadata.name === generator.name);
    const generated = envs.map((file) => path.join(directory, path.basename(file)));
    if (!secret || !generated.every((file) => fs.existsSync(file))) continue;
    secret['stringData'] = Object.fromEntries(generated.flatMap((file) => [...readEnvFile(file)]));
    filled.push(secret.metadata.name);
  }
  return filled;
}

// ---------------------------------------------------------------------------------------------
// Running podman

/** @param {string[]} args */
function podmanOk(args) {
  const result = podman(args);
  if (result.status !== 0) throw new Error(`podman ${args.join(' ')}: ${String(result.stderr).trim()}`);
  return String(result.stdout);
}

/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** @param {string} line */
const say = (line) => console.error(`[kube-play] ${line}`);

/**
 * @typedef {{ network: string, pods: string[], files: string[], secrets: string[], volumes: string[] }} State
 */

/** @returns {State | undefined} */
function readState() {
  return fs.existsSync(STATE_FILE) ? JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) : undefined;
}

/** @param {State} state */
function writeState(state) {
  fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

/**
 * Removes what a run created, and nothing else: its pods (with their containers and anonymous
 * volumes), its secrets, the claims' volumes, its network.
 * @param {State} state
 */
async function tearDown(state) {
  const log = path.join(WORK_DIR, 'down.log');
  await Promise.all(
    state.files.filter((file) => fs.existsSync(file)).map((file) => podmanAsync(['kube', 'down', file], log)),
  );
  for (const pod of state.pods) {
    if (podman(['pod', 'exists', pod]).status === 0) podman(['pod', 'rm', '--force', '--time', '10', pod]);
  }
  for (const secret of state.secrets) podman(['secret', 'rm', secret]);
  for (const volume of state.volumes) podman(['volume', 'rm', '--force', volume]);
  if (podman(['network', 'exists', state.network]).status === 0) {
    const result = podman(['network', 'rm', state.network]);
    if (result.status !== 0) say(`network ${state.network} not removed: ${String(result.stderr).trim()}`);
  }
  fs.rmSync(STATE_FILE, { force: true });
}

/** @param {string} pod @param {string} network */
function podAddress(pod, network) {
  const infra = podmanOk(['pod', 'inspect', pod, '--format', '{{.InfraContainerID}}']).trim();
  const networks = JSON.parse(podmanOk(['inspect', infra, '--format', '{{json .NetworkSettings.Networks}}']));
  return String(networks?.[network]?.IPAddress ?? '');
}

/** @param {string} container @returns {{ status: string, exitCode: number, restarts: number }} */
function containerState(container) {
  const result = podman([
    'inspect',
    container,
    '--format',
    '{{.State.Status}} {{.State.ExitCode}} {{.RestartCount}}',
  ]);
  if (result.status !== 0) return { status: 'missing', exitCode: -1, restarts: 0 };
  const [status = 'unknown', exitCode = '-1', restarts = '0'] = String(result.stdout).trim().split(' ');
  return { status, exitCode: Number(exitCode), restarts: Number(restarts) };
}

/** @param {string} host @param {number} port @param {number} timeout */
function tcpAnswers(host, port, timeout) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout });
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/**
 * Runs a container's readinessProbe once, as the kubelet would: httpGet and tcpSocket against the
 * pod's address, exec inside the container.
 * @param {Record<string, any>} probe
 * @param {string} address
 * @param {string} container
 * @returns {Promise<{ ready: boolean, detail: string }>}
 */
async function runProbe(probe, address, container) {
  const timeout = Math.max(Number(probe['timeoutSeconds'] ?? 1), 2) * 1000;
  if (isRecord(probe['httpGet'])) {
    const url = `http://${address}:${probe['httpGet']['port']}${probe['httpGet']['path'] ?? '/'}`;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeout) });
      await response.arrayBuffer();
      return {
        ready: response.status >= 200 && response.status < 400,
        detail: `GET ${url} → ${response.status}`,
      };
    } catch (error) {
      return {
        ready: false,
        detail: `GET ${url}: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
  }
  if (isRecord(probe['tcpSocket'])) {
    const port = Number(probe['tcpSocket']['port']);
    const ready = await tcpAnswers(address, port, timeout);
    return { ready, detail: `tcp ${address}:${port} ${ready ? 'answers' : 'refused'}` };
  }
  if (isRecord(probe['exec'])) {
    const command = list(probe['exec']['command']).map(String);
    const result = podman(['exec', container, ...command], { timeout });
    return { ready: result.status === 0, detail: `exec ${command.join(' ')} → ${result.status}` };
  }
  return { ready: true, detail: 'no probe handler' };
}

/**
 * @typedef {{ workload: Manifest, pod: string, file: string, log: string, isJob: boolean, playedAt: number, readyAt?: number, attempts: number, lastDetail: string }} Played
 */

/**
 * One look at a played pod: running and ready (or, for a Job, succeeded)?
 * @param {Played} played
 * @param {string} network
 */
async function check(played, network) {
  const containers = list(podSpec(played.workload)['containers']).filter(isRecord);
  const states = containers.map((container) => ({
    container,
    name: `${played.pod}-${container['name']}`,
    state: containerState(`${played.pod}-${container['name']}`),
  }));
  if (played.isJob) {
    const done = states.every(({ state }) => state.status === 'exited' && state.exitCode === 0);
    played.lastDetail = states
      .map(
        ({ name, state }) => `${name} ${state.status} (exit ${state.exitCode}, restarts ${state.restarts})`,
      )
      .join(', ');
    return {
      done,
      startFailed: states.some(({ state }) => state.status === 'created' || state.status === 'missing'),
    };
  }
  const notRunning = states.filter(({ state }) => state.status !== 'running');
  if (notRunning.length > 0) {
    played.lastDetail = notRunning.map(({ name, state }) => `${name} ${state.status}`).join(', ');
    return {
      done: false,
      startFailed: notRunning.some(({ state }) => state.status === 'created' || state.status === 'missing'),
    };
  }
  const address = podAddress(played.pod, network);
  /** @type {string[]} */
  const details = [];
  let ready = true;
  for (const { container, name } of states) {
    if (!isRecord(container['readinessProbe'])) continue;
    const result = await runProbe(container['readinessProbe'], address, name);
    details.push(result.detail);
    ready &&= result.ready;
  }
  played.lastDetail = details.join(', ') || 'running (no readinessProbe)';
  return { done: ready, startFailed: false };
}

/**
 * Waits until every pod is ready (a Job's, succeeded), starting again a pod whose start failed (an
 * init container that exited non-zero: podman does not retry it), with a growing delay.
 * @param {Played[]} pods
 * @param {string} network
 * @param {number} deadline
 */
async function waitReady(pods, network, deadline) {
  /** @type {Map<string, number>} */
  const nextStart = new Map();
  for (;;) {
    const pending = pods.filter((played) => played.readyAt === undefined);
    if (pending.length === 0) return;
    for (const played of pending) {
      const { done, startFailed } = await check(played, network);
      if (done) {
        played.readyAt = Date.now();
        say(
          `${played.pod}: ${played.isJob ? 'succeeded' : 'ready'} after ${seconds(played.readyAt - played.playedAt)} (${played.lastDetail})`,
        );
      } else if (startFailed && Date.now() >= (nextStart.get(played.pod) ?? 0)) {
        played.attempts += 1;
        const delay = Math.min(5000 * 2 ** (played.attempts - 1), 40_000);
        nextStart.set(played.pod, Date.now() + delay);
        say(
          `${played.pod}: not started (${played.lastDetail}); podman pod start, attempt ${played.attempts + 1}`,
        );
        void podmanAsync(['pod', 'start', played.pod], played.log);
      }
    }
    if (Date.now() > deadline) {
      const late = pods.filter((played) => played.readyAt === undefined);
      throw new Error(
        `not ready in time:\n  ${late.map((played) => `${played.pod}: ${played.lastDetail} (log ${path.relative(REPO_ROOT, played.log)})`).join('\n  ')}`,
      );
    }
    await sleep(2000);
  }
}

/** @param {string} text "12.3MB / 512MB" → bytes of the first figure */
export function parseSize(text) {
  const match = String(text)
    .trim()
    .match(/^([\d.]+)\s*([kKMGT]i?)?B?/);
  if (!match) return 0;
  const units = /** @type {Record<string, number>} */ ({
    k: 1e3,
    K: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    Ki: 1024,
    Mi: 1024 ** 2,
    Gi: 1024 ** 3,
    Ti: 1024 ** 4,
  });
  return Number(match[1]) * (match[2] ? (units[match[2]] ?? 1) : 1);
}

/** @param {string[]} argv */
function parseArguments(argv) {
  const options = {
    overlay: 'infra/k8s/overlays/local',
    network: 'vouch-kube',
    timeout: 600,
    dryRun: false,
    keep: false,
    down: false,
  };
  for (const [arg, value] of commandLineArguments(argv)) {
    if (arg === '--overlay') options.overlay = path.relative(REPO_ROOT, path.resolve(value()));
    else if (arg === '--network') options.network = value();
    else if (arg === '--timeout') options.timeout = Number(value());
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--down') options.down = true;
    else throw new Error(`unknown option ${arg} (see the head of tools/kube-play.mjs)`);
  }
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(options.network) || ['podman', 'host', 'none'].includes(options.network))
    throw new Error(`--network ${options.network}: a lower-case name of a network of its own`);
  if (!(options.timeout > 0)) throw new Error('--timeout: a number of seconds');
  return options;
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  fs.mkdirSync(path.join(WORK_DIR, 'logs'), { recursive: true });
  const previous = readState();
  if (options.down) {
    if (!previous) return say('nothing to tear down (no .local/kube-play/state.json)');
    await tearDown(previous);
    return say(`torn down: pods ${previous.pods.join(', ')}; network ${previous.network}`);
  }
  if (previous && !options.dryRun) {
    say(`a previous run left pods (${previous.pods.join(', ')}): tearing them down first`);
    await tearDown(previous);
  }
  const timings = /** @type {Record<string, number>} */ ({});
  const started = Date.now();

  // 1. Render, fill in generated secrets, split, pin the images.
  const manifests = render(options.overlay);
  timings['render'] = Date.now() - started;
  const split = splitManifests(manifests);
  const filled = fillGeneratedSecrets(options.overlay, split.secrets);
  if (filled.length > 0)
    say(
      `secrets: ${options.overlay}/secrets/*.env missing, generated ones used (${path.relative(REPO_ROOT, WORK_DIR)}/secrets): ${filled.join(', ')}`,
    );
  const workloads = [...split.workloads, ...split.jobs.map(jobAsPod)];
  const images = pinImages(workloads, imageTags(readVersions()));
  resolveProbePorts(workloads);
  const { aliases, problems } = serviceAliases(split.services, workloads);
  dropContainerPorts(workloads);
  const emptyDirs = renameEmptyDirs(workloads, options.network);
  keepInitContainers(workloads);

  say(`rendered ${options.overlay}: ${manifests.length} objects in ${seconds(timings['render'])}`);
  say(
    `played by podman kube play: ${workloads.map((w) => `${w.kind === 'Pod' && split.jobs.some((j) => j.metadata.name === w.metadata.name) ? 'Job' : w.kind}/${w.metadata.name}`).join(', ')}`,
  );
  say(`  with ${split.configMaps.length} ConfigMaps, ${split.claims.length} PersistentVolumeClaims`);
  for (const [kind, how] of Object.entries(CONVERTED_KINDS)) {
    const names = [...split.secrets, ...split.services, ...split.jobs]
      .filter((m) => m.kind === kind)
      .map((m) => m.metadata.name);
    if (names.length > 0) say(`converted ${kind} (${names.join(', ')}): ${how}`);
  }
  for (const { from, to } of images) say(`image ${from} → ${to}`);
  say(`not played (${split.notPlayed.length}):`);
  /** @type {Map<string, Skipped[]>} */
  const byKind = new Map();
  for (const skipped of split.notPlayed)
    byKind.set(skipped.kind, [...(byKind.get(skipped.kind) ?? []), skipped]);
  for (const [kind, skipped] of byKind)
    say(`  ${kind} ${skipped.map((s) => s.name).join(', ')}: ${skipped[0]?.reason}`);
  for (const problem of problems) say(`problem: ${problem}`);
  if (problems.length > 0) throw new Error('Services podman cannot stand in for (above)');

  // 2. The files podman plays: one per pod, with the ConfigMaps it uses.
  const filesDir = path.join(WORK_DIR, 'manifests');
  fs.rmSync(filesDir, { recursive: true, force: true });
  fs.mkdirSync(filesDir, { recursive: true });
  /** @type {Played[]} */
  const played = workloads.map((workload) => {
    const file = path.join(filesDir, `${workload.metadata.name}.yaml`);
    const documents = [...configMapsOf(workload, split.configMaps), workload];
    fs.writeFileSync(file, documents.map((document) => stringify(document)).join('---\n'));
    const log = path.join(WORK_DIR, 'logs', `${workload.metadata.name}.log`);
    fs.rmSync(log, { force: true });
    return {
      workload,
      pod: podName(workload),
      file,
      log,
      isJob: Boolean(workload.metadata.labels?.['job-name']),
      playedAt: 0,
      attempts: 0,
      lastDetail: '',
    };
  });
  let claimsFile;
  if (split.claims.length > 0) {
    claimsFile = path.join(filesDir, 'persistent-volume-claims.yaml');
    fs.writeFileSync(claimsFile, split.claims.map((claim) => stringify(claim)).join('---\n'));
  }
  say(`files: ${path.relative(REPO_ROOT, filesDir)}/`);
  if (options.dryRun) return;

  const missing = [
    ...new Set(workloads.flatMap((w) => containersOf(w).map((c) => String(c['image'])))),
  ].filter((image) => podman(['image', 'exists', image]).status !== 0);
  if (missing.length > 0)
    throw new Error(`images missing: ${missing.join(', ')} (npm run images builds them)`);

  // Nothing of the same name that this run would take over (and remove at the end).
  if (podman(['network', 'exists', options.network]).status === 0)
    throw new Error(`network ${options.network} exists already, not this script's (--network another)`);
  const taken = [...emptyDirs, ...split.claims.map((claim) => claim.metadata.name)].filter(
    (volume) => podman(['volume', 'exists', volume]).status === 0,
  );
  if (taken.length > 0) throw new Error(`volumes exist already, not this script's: ${taken.join(', ')}`);

  /** @type {State} */
  const state = { network: options.network, pods: [], files: [], secrets: [], volumes: [...emptyDirs] };
  let failed = false;
  try {
    // 3. The network, the secrets, the volumes.
    podmanOk(['network', 'create', '--label', `${OWNER_LABEL}=${options.network}`, options.network]);
    writeState(state);
    const secretsDir = fs.mkdtempSync(path.join(WORK_DIR, 'podman-secrets-'));
    fs.chmodSync(secretsDir, 0o700);
    for (const secret of split.secrets) {
      if (podman(['secret', 'inspect', secret.metadata.name]).status === 0)
        throw new Error(
          `a podman secret ${secret.metadata.name} exists already: not this script's, left alone`,
        );
      // podman takes `-` from a pipe only (Node's stdin is a socket): a file readable by root alone,
      // gone once podman has copied it into its store.
      const file = path.join(secretsDir, `${secret.metadata.name}.json`);
      fs.writeFileSync(file, podmanSecretData(secret), { mode: 0o600 });
      try {
        podmanOk([
          'secret',
          'create',
          '--label',
          `${OWNER_LABEL}=${options.network}`,
          secret.metadata.name,
          file,
        ]);
      } finally {
        fs.rmSync(file, { force: true });
      }
      state.secrets.push(secret.metadata.name);
      writeState(state);
    }
    fs.rmSync(secretsDir, { recursive: true, force: true });
    if (claimsFile) {
      const log = path.join(WORK_DIR, 'logs', 'persistent-volume-claims.log');
      state.volumes.push(...split.claims.map((claim) => claim.metadata.name));
      writeState(state);
      if ((await podmanAsync(['kube', 'play', claimsFile], log)) !== 0)
        throw new Error(`podman kube play of the claims failed (log ${path.relative(REPO_ROOT, log)})`);
    }

    // 4. The pods, in two waves.
    const waves = playWaves(played.map((p) => p.workload)).map((wave) =>
      played.filter((p) => wave.includes(p.workload)),
    );
    for (const [index, wave] of waves.entries()) {
      if (wave.length === 0) continue;
      const waveStarted = Date.now();
      say(`wave ${index + 1}: podman kube play ${wave.map((p) => p.pod).join(', ')}`);
      state.pods.push(...wave.map((p) => p.pod));
      state.files.push(...wave.map((p) => p.file));
      writeState(state);
      await Promise.all(
        wave.map(async (p) => {
          const network = [
            options.network,
            ...(aliases[p.workload.metadata.name] ?? []).map((alias) => `alias=${alias}`),
          ];
          p.playedAt = Date.now();
          const code = await podmanAsync(
            [
              'kube',
              'play',
              '--network',
              `${network[0]}${network.length > 1 ? `:${network.slice(1).join(',')}` : ''}`,
              p.file,
            ],
            p.log,
          );
          if (code !== 0) {
            if (podman(['pod', 'exists', p.pod]).status !== 0)
              throw new Error(
                `podman kube play ${path.relative(REPO_ROOT, p.file)} failed (log ${path.relative(REPO_ROOT, p.log)})`,
              );
            say(
              `${p.pod}: podman kube play exited ${code}; the pod exists, retried until ready (log ${path.relative(REPO_ROOT, p.log)})`,
            );
          }
        }),
      );
      timings[`wave ${index + 1} played`] = Date.now() - waveStarted;
      await waitReady(wave, options.network, waveStarted + options.timeout * 1000);
      timings[`wave ${index + 1} ready`] = Date.now() - waveStarted;
    }
    timings['all ready'] = Date.now() - started;

    // 5. Through the portal: its Service-name upstreams (identity:3001) answer.
    const portal = played.find((p) => p.workload.metadata.name === 'portal');
    /** @type {string[]} */
    const failures = [];
    if (portal) {
      const base = `http://${podAddress(portal.pod, options.network)}:8080`;
      const methods = await fetch(`${base}/v1/auth/methods`, { signal: AbortSignal.timeout(5000) });
      const anonymous = await fetch(`${base}/v1/connections`, { signal: AbortSignal.timeout(5000) });
      say(`portal ${base}/v1/auth/methods → ${methods.status} ${await methods.text()}`);
      say(
        `portal ${base}/v1/connections without a token → ${anonymous.status} ${anonymous.headers.get('content-type')}`,
      );
      if (methods.status !== 200) failures.push(`portal /v1/auth/methods: ${methods.status}`);
      if (anonymous.status !== 401) failures.push(`portal /v1/connections: ${anonymous.status}`);
    }

    // 6. Summary: what runs, how long it took, memory.
    const containers = played.flatMap((p) =>
      list(podSpec(p.workload)['containers']).map((c) => `${p.pod}-${c.name}`),
    );
    const usage = containerStats(containers.filter((c) => containerState(c).status === 'running'));
    const memory = new Map(usage.map((u) => [u.name, u.mem_usage]));
    console.log('');
    console.log('pod                          kind        ready after  memory (usage / limit)');
    for (const p of played) {
      const kind = p.isJob ? 'Job→Pod' : p.workload.kind;
      const mem = list(podSpec(p.workload)['containers'])
        .map((c) => memory.get(`${p.pod}-${c.name}`) ?? (p.isJob ? 'exited' : '?'))
        .join(', ');
      console.log(
        `${p.pod.padEnd(28)} ${kind.padEnd(11)} ${seconds((p.readyAt ?? 0) - p.playedAt).padStart(11)}  ${mem}`,
      );
    }
    const total = usage.reduce((sum, u) => sum + parseSize(u.mem_usage), 0);
    console.log(`total memory of the running containers: ${(total / 1e6).toFixed(0)} MB`);
    console.log(
      `timings: ${Object.entries(timings)
        .map(([step, ms]) => `${step} ${seconds(ms)}`)
        .join(', ')}`,
    );
    console.log(`not played: ${[...byKind.keys()].join(', ')} (reasons above)`);
    fs.writeFileSync(
      path.join(WORK_DIR, 'report.json'),
      `${JSON.stringify({ timings, usage, notPlayed: split.notPlayed, images, pods: played.map((p) => ({ pod: p.pod, readyAfterMs: (p.readyAt ?? 0) - p.playedAt, detail: p.lastDetail })) }, null, 2)}\n`,
    );
    if (failures.length > 0) throw new Error(`not answering as expected:\n  ${failures.join('\n  ')}`);
    say(
      options.keep
        ? `running; tear down with: node tools/kube-play.mjs --down`
        : 'every pod ran and answered',
    );
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (!options.keep || failed) {
      const downStarted = Date.now();
      if (failed)
        say(
          `logs: ${path.relative(REPO_ROOT, path.join(WORK_DIR, 'logs'))}/ (podman logs are gone with the pods)`,
        );
      if (failed) saveContainerLogs(played);
      await tearDown(state);
      say(`torn down in ${seconds(Date.now() - downStarted)}`);
    }
  }
}

/**
 * The containers' own output, kept before the pods go (a failed run's evidence).
 * @param {Played[]} played
 */
function saveContainerLogs(played) {
  for (const p of played) {
    for (const container of containersOf(p.workload)) {
      const name = `${p.pod}-${container['name']}`;
      const result = podman(['logs', '--tail', '200', name]);
      if (result.status === 0)
        fs.writeFileSync(
          path.join(WORK_DIR, 'logs', `${name}.container.log`),
          `${result.stdout}${result.stderr}`,
        );
    }
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`[kube-play] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
