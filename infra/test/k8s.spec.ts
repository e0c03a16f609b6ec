import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { validateGateway, validateHttpRoute, validatePrometheusRule } from './custom-resources';
import { field, podContainers, renderKustomization, type Manifest } from './kustomize';
import { allowedConnections, podsOf, type Endpoint } from './network-policies';
import {
  PLATFORM_SERVICES,
  PORTAL,
  REPO_ROOT,
  isRecord,
  readYamlDocuments,
  platformService,
  platformTopicEntries,
  readRepoFile,
  unknownVariables,
  type PlatformService,
} from './platform-services';

const RENDERINGS = ['infra/k8s/base', 'infra/k8s/overlays/local', 'infra/k8s/overlays/production'];
const OVERLAYS = RENDERINGS.slice(1);

/** Variables that hold credentials: only ever from a Secret. */
const SECRET_VARIABLES = [
  'DATABASE_URL',
  'JWT_PRIVATE_KEYS',
  'DOCUMENT_SIGNING_KEY',
  'SMTP_URL',
  'SMTP_PASSWORD',
  'SMTP_OAUTH_CLIENT_SECRET',
  'UNSUBSCRIBE_SECRET',
  'SCIM_TOKEN',
  'OIDC_CLIENT_SECRET',
  'INVITATION_SECRET',
  'KAFKA_SASL_PASSWORD',
  'KAFKA_SASL_OAUTH_CLIENT_SECRET',
  'KAFKA_TLS_KEY_PASSPHRASE',
];

function validatorOf<TData>(Model: new (data: TData) => { validate(): void }) {
  return (manifest: Manifest) => new Model(manifest as TData).validate();
}

/** kubernetes-models' schema of each built-in kind the manifests use (Kubernetes' OpenAPI, offline). */
const VALIDATORS: Record<string, (manifest: Manifest) => void> = {
  'v1/ConfigMap': validatorOf(ConfigMap),
  'v1/Secret': validatorOf(Secret),
  'v1/Service': validatorOf(Service),
  'apps/v1/Deployment': validatorOf(Deployment),
  'batch/v1/Job': validatorOf(Job),
  'policy/v1/PodDisruptionBudget': validatorOf(PodDisruptionBudget),
  'autoscaling/v2/HorizontalPodAutoscaler': validatorOf(HorizontalPodAutoscaler),
  'networking.k8s.io/v1/NetworkPolicy': validatorOf(NetworkPolicy),
  // Custom resources kubernetes-models has no schema for: custom-resources.ts, from their CRDs.
  'gateway.networking.k8s.io/v1/HTTPRoute': validateHttpRoute,
  'gateway.networking.k8s.io/v1/Gateway': validateGateway,
  'keda.sh/v1alpha1/ScaledObject': validateScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': validateTriggerAuthentication,
};

/** The Kafka scaler's authentication parameters KEDA knows (keda.sh, Apache Kafka scaler). */
const KEDA_KAFKA_PARAMETERS = ['sasl', 'tls', 'ca', 'cert', 'key', 'keyPassword', 'username', 'password'];

/** KEDA's TriggerAuthentication, by hand as well: each parameter from a Secret's key. */
function validateTriggerAuthentication(manifest: Manifest): void {
  const references = field(manifest, 'spec', 'secretTargetRef');
  if (!Array.isArray(references) || references.length === 0)
    throw new Error(`TriggerAuthentication ${manifest.metadata.name}: spec.secretTargetRef is empty`);
  for (const reference of references) {
    if (
      !isRecord(reference) ||
      !['parameter', 'name', 'key'].every((key) => typeof reference[key] === 'string')
    )
      throw new Error(
        `TriggerAuthentication ${manifest.metadata.name}: each secretTargetRef has parameter, name, key`,
      );
    if (!KEDA_KAFKA_PARAMETERS.includes(String(reference['parameter'])))
      throw new Error(
        `TriggerAuthentication ${manifest.metadata.name}: unknown parameter ${String(reference['parameter'])}`,
      );
  }
}

/** KEDA's CRD is not in kubernetes-models: the fields its controller requires, by hand. */
function validateScaledObject(manifest: Manifest): void {
  const spec = manifest['spec'];
  if (
    !isRecord(spec) ||
    !isRecord(spec['scaleTargetRef']) ||
    typeof spec['scaleTargetRef']['name'] !== 'string'
  ) {
    throw new Error(`ScaledObject ${manifest.metadata.name}: spec.scaleTargetRef.name is required`);
  }
  const triggers = spec['triggers'];
  if (!Array.isArray(triggers) || triggers.length === 0) {
    throw new Error(`ScaledObject ${manifest.metadata.name}: spec.triggers needs at least one trigger`);
  }
  for (const trigger of triggers) {
    if (!isRecord(trigger) || typeof trigger['type'] !== 'string' || !isRecord(trigger['metadata'])) {
      throw new Error(`ScaledObject ${manifest.metadata.name}: every trigger has a type and metadata`);
    }
    for (const [key, value] of Object.entries(trigger['metadata'])) {
      if (typeof value !== 'string') throw new Error(`ScaledObject trigger metadata ${key} must be a string`);
    }
  }
  for (const count of ['minReplicaCount', 'maxReplicaCount', 'pollingInterval', 'cooldownPeriod']) {
    if (spec[count] !== undefined && !Number.isInteger(spec[count]))
      throw new Error(`ScaledObject ${count} is not an integer`);
  }
}

function find(manifests: Manifest[], kind: string, name: string): Manifest {
  const manifest = manifests.find((candidate) => candidate.kind === kind && candidate.metadata.name === name);
  if (!manifest) throw new Error(`no ${kind} ${name}`);
  return manifest;
}

function records(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

interface EnvironmentSource {
  name: string;
  /** A literal value, or where it comes from. */
  from: { value: string } | { configMap: string } | { secret: string; key?: string };
}

/** Every variable a container sets, with its source: `env` entries and the keys of `envFrom` maps. */
function environmentOf(container: Record<string, unknown>, manifests: Manifest[]): EnvironmentSource[] {
  const fromMaps = records(container['envFrom']).flatMap((source): EnvironmentSource[] => {
    const configMap = field(source, 'configMapRef', 'name');
    const secret = field(source, 'secretRef', 'name');
    if (typeof configMap === 'string') {
      const data = field(find(manifests, 'ConfigMap', configMap), 'data');
      return Object.keys(isRecord(data) ? data : {}).map((name) => ({ name, from: { configMap } }));
    }
    if (typeof secret === 'string') {
      const data = field(find(manifests, 'Secret', secret), 'stringData');
      return Object.keys(isRecord(data) ? data : {}).map((name) => ({ name, from: { secret } }));
    }
    throw new Error(`an envFrom entry from neither a ConfigMap nor a Secret: ${JSON.stringify(source)}`);
  });
  const direct = records(container['env']).map((variable): EnvironmentSource => {
    const name = String(variable['name']);
    const secret = field(variable, 'valueFrom', 'secretKeyRef');
    if (isRecord(secret))
      return { name, from: { secret: String(secret['name']), key: String(secret['key']) } };
    if (typeof variable['value'] === 'string') return { name, from: { value: variable['value'] } };
    throw new Error(`${name}: neither a value nor a secretKeyRef`);
  });
  return [...fromMaps, ...direct];
}

function serviceDeployments(
  manifests: Manifest[],
  services: readonly PlatformService[] = PLATFORM_SERVICES,
): Array<[PlatformService, Manifest]> {
  return services.map((service) => [service, find(manifests, 'Deployment', service.name)]);
}

/** The four services and the portal: everything that serves HTTP. */
const SERVED = [...PLATFORM_SERVICES, PORTAL];

/**
 * Where Gateway API sends a request: the HTTPRoute rule for its host whose path match wins (an Exact
 * match, else the longest PathPrefix, whole path segments only), as the specification orders them.
 */
function httpRouteBackend(manifests: Manifest[], request: string): string | undefined {
  const url = new URL(request);
  // The listener the main route is on (HTTPS in production): the routes attached to it.
  const listener = JSON.stringify(field(find(manifests, 'HTTPRoute', 'vouch'), 'spec', 'parentRefs', 0));
  const candidates = manifests
    .filter((manifest) => manifest.kind === 'HTTPRoute')
    .filter((route) =>
      records(field(route, 'spec', 'parentRefs')).some((parent) => JSON.stringify(parent) === listener),
    )
    .filter((route) => {
      const hostnames = field(route, 'spec', 'hostnames');
      return !Array.isArray(hostnames) || hostnames.includes(url.hostname);
    })
    .flatMap((route) => records(field(route, 'spec', 'rules')))
    .flatMap((rule) =>
      records(rule['matches']).map((match) => {
        const type = String(field(match, 'path', 'type') ?? 'PathPrefix');
        const value = String(field(match, 'path', 'value') ?? '/');
        if (type === 'RegularExpression') throw new Error('RegularExpression is implementation-specific');
        const prefix = value.replace(/\/$/, '');
        const matches =
          type === 'Exact'
            ? url.pathname === value
            : url.pathname === prefix || url.pathname.startsWith(`${prefix}/`) || value === '/';
        return { matches, rank: type === 'Exact' ? Infinity : value.length, rule };
      }),
    )
    .filter((candidate) => candidate.matches)
    .sort((a, b) => b.rank - a.rank);
  const backend = field(candidates[0]?.rule, 'backendRefs', 0, 'name');
  return typeof backend === 'string' ? backend : undefined;
}

/** The portal gateway's path table (services/portal/src/gateway/routes.ts), loaded by path. */
const portalRoutes = createRequire(path.join(REPO_ROOT, 'package.json'))(
  './services/portal/src/gateway/routes',
) as { serviceFor(pathname: string): string | undefined };

describe.each(RENDERINGS)('Kubernetes manifests: %s', (directory) => {
  const manifests = renderKustomization(directory);

  it('are valid Kubernetes objects', () => {
    const problems = manifests.flatMap((manifest) => {
      const validate = VALIDATORS[`${manifest.apiVersion}/${manifest.kind}`];
      if (!validate) return [`${manifest.apiVersion} ${manifest.kind} ${manifest.metadata.name}: no schema`];
      try {
        validate(manifest);
        return [];
      } catch (error) {
        return [`${manifest.kind} ${manifest.metadata.name}: ${(error as Error).message}`];
      }
    });
    expect(problems).toEqual([]);
  });

  it('give every container resource requests and limits', () => {
    const missing = manifests.flatMap((manifest) =>
      podContainers(manifest)
        .filter((container) =>
          ['requests', 'limits'].some(
            (bound) =>
              !field(container, 'resources', bound, 'cpu') || !field(container, 'resources', bound, 'memory'),
          ),
        )
        .map((container) => `${manifest.kind} ${manifest.metadata.name}/${String(container['name'])}`),
    );
    expect(missing).toEqual([]);
  });

  it('probe readiness and liveness on each service’s health endpoints, on its contract port', () => {
    for (const [service, deployment] of serviceDeployments(manifests, SERVED)) {
      const container = podContainers(deployment).find((candidate) => candidate['name'] === service.name);
      expect({
        service: service.name,
        ports: container?.['ports'],
        readiness: field(container, 'readinessProbe', 'httpGet'),
        liveness: field(container, 'livenessProbe', 'httpGet'),
      }).toEqual({
        service: service.name,
        ports: [{ name: 'http', containerPort: service.port }],
        readiness: { path: '/health/ready', port: 'http' },
        liveness: { path: '/health/live', port: 'http' },
      });
      const kubernetesService = find(manifests, 'Service', service.name);
      expect(field(kubernetesService, 'spec', 'ports')).toEqual([
        { name: 'http', port: service.port, targetPort: 'http' },
      ]);
    }
  });

  it('set only variables each service reads, and credentials only from Secrets', () => {
    for (const [service, deployment] of serviceDeployments(manifests, SERVED)) {
      for (const container of podContainers(deployment)) {
        const environment = environmentOf(container, manifests);
        const where = `${service.name}/${String(container['name'])}`;
        expect({
          [where]: unknownVariables(
            service,
            environment.map((variable) => variable.name),
          ),
        }).toEqual({ [where]: [] });
        const exposed = environment
          .filter((variable) => SECRET_VARIABLES.includes(variable.name) && !('secret' in variable.from))
          .map((variable) => variable.name);
        expect({ [where]: exposed }).toEqual({ [where]: [] });
        expect(environment.find((variable) => variable.name === 'PORT')?.from).toEqual({
          value: String(service.port),
        });
      }
    }
  });

  it('give ConfigMap values each service accepts', () => {
    for (const [service, deployment] of serviceDeployments(manifests)) {
      const [container] = podContainers(deployment);
      for (const variable of container ? environmentOf(container, manifests) : []) {
        if (!('configMap' in variable.from)) continue;
        const value = field(find(manifests, 'ConfigMap', variable.from.configMap), 'data', variable.name);
        const result = service.environment.shape[variable.name]?.safeParse(value);
        expect({ [`${service.name} ${variable.name}=${String(value)}`]: result?.success }).toEqual({
          [`${service.name} ${variable.name}=${String(value)}`]: true,
        });
      }
    }
  });

  it('give the services time to finish in-flight work before SIGKILL', () => {
    const deadlineMs = Number(
      readRepoFile('libs/platform/src/bootstrap.ts')
        .match(/SHUTDOWN_DEADLINE_MS = ([\d_]+)/)?.[1]
        ?.replace(/_/g, ''),
    );
    expect(deadlineMs).toBeGreaterThan(0);
    for (const [service, deployment] of serviceDeployments(manifests)) {
      const grace = Number(field(deployment, 'spec', 'template', 'spec', 'terminationGracePeriodSeconds'));
      const container = podContainers(deployment).find((candidate) => candidate['name'] === service.name);
      const preStop = field(container, 'lifecycle', 'preStop', 'exec', 'command');
      const preStopSeconds = Array.isArray(preStop) && preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
      expect({ [service.name]: grace * 1000 >= preStopSeconds * 1000 + deadlineMs }).toEqual({
        [service.name]: true,
      });
    }
  });

  it('apply migrations in an init container of the same image before the service starts', () => {
    for (const [service, deployment] of serviceDeployments(manifests)) {
      const [migrate] = records(field(deployment, 'spec', 'template', 'spec', 'initContainers'));
      const [main] = records(field(deployment, 'spec', 'template', 'spec', 'containers'));
      expect({ service: service.name, command: migrate?.['command'], image: migrate?.['image'] }).toEqual({
        service: service.name,
        command: ['node', 'migrate.mjs'],
        image: main?.['image'],
      });
    }
  });

  it('keep at least one pod through voluntary disruptions and autoscale every service', () => {
    for (const [service, deployment] of serviceDeployments(manifests, SERVED)) {
      const selector = field(deployment, 'spec', 'selector', 'matchLabels');
      expect(
        field(find(manifests, 'PodDisruptionBudget', service.name), 'spec', 'selector', 'matchLabels'),
      ).toEqual(selector);
      expect(field(deployment, 'spec', 'replicas')).toBeUndefined();
      if (service.scaledOn === 'cpu') {
        const autoscaler = find(manifests, 'HorizontalPodAutoscaler', service.name);
        expect(field(autoscaler, 'spec', 'scaleTargetRef')).toEqual({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: service.name,
        });
        expect(field(autoscaler, 'spec', 'metrics', 0, 'resource', 'name')).toBe('cpu');
      }
    }
  });

  it('scale notifications on the lag of its consumer group, up to one instance per partition', () => {
    const notifications = platformService('notifications');
    const scaledObject = find(manifests, 'ScaledObject', 'notifications');
    const trigger = field(scaledObject, 'spec', 'triggers', 0);
    const deployment = find(manifests, 'Deployment', 'notifications');
    const [container] = records(field(deployment, 'spec', 'template', 'spec', 'containers'));
    const environment = container ? environmentOf(container, manifests) : [];
    const platform = field(find(manifests, 'ConfigMap', 'vouch-platform'), 'data');
    const settings = notifications.environment.parse({
      ...(isRecord(platform) ? platform : {}),
      UNSUBSCRIBE_SECRET: 'only-for-parsing-here',
      ...(isRecord(platform) && platform['KAFKA_SASL_MECHANISM']
        ? { KAFKA_SASL_USERNAME: 'notifications', KAFKA_SASL_PASSWORD: 'only-for-parsing-here' }
        : {}),
    });

    expect(field(scaledObject, 'spec', 'scaleTargetRef', 'name')).toBe('notifications');
    expect(field(trigger, 'type')).toBe('kafka');
    // libs/messaging: the consumer group is the service's name after the topic prefix.
    expect(field(trigger, 'metadata', 'consumerGroup')).toBe(
      `${String(settings.KAFKA_TOPIC_PREFIX)}notifications`,
    );
    const brokersVariable = field(trigger, 'metadata', 'bootstrapServersFromEnv');
    expect(environment.map((variable) => variable.name)).toContain(brokersVariable);
    expect(Number(field(scaledObject, 'spec', 'maxReplicaCount'))).toBeLessThanOrEqual(
      Number(settings.KAFKA_TOPIC_PARTITIONS),
    );
  });

  it("let KEDA read the lag with the notifications service's own Kafka user, where the service uses one", () => {
    const trigger = field(find(manifests, 'ScaledObject', 'notifications'), 'spec', 'triggers', 0);
    const platform = field(find(manifests, 'ConfigMap', 'vouch-platform'), 'data');
    const mechanism = isRecord(platform) ? platform['KAFKA_SASL_MECHANISM'] : undefined;
    const authentication = field(trigger, 'authenticationRef', 'name');
    if (!mechanism) {
      expect(authentication).toBeUndefined();
      return;
    }
    const references = records(
      field(find(manifests, 'TriggerAuthentication', String(authentication)), 'spec', 'secretTargetRef'),
    );
    const [container] = podContainers(find(manifests, 'Deployment', 'notifications'));
    const environment = container ? environmentOf(container, manifests) : [];
    const secretOf = (name: string) => environment.find((variable) => variable.name === name)?.from;
    const parameter = (name: string) => {
      const reference = references.find((candidate) => candidate['parameter'] === name);
      return reference && { secret: reference['name'], key: reference['key'] };
    };
    expect(parameter('username')).toEqual(secretOf('KAFKA_SASL_USERNAME'));
    expect(parameter('password')).toEqual(secretOf('KAFKA_SASL_PASSWORD'));
    expect(parameter('sasl')).toBeDefined();
    expect(parameter('tls')).toBeDefined();
  });

  it('create every topic and dead-letter topic with the services’ partition count and configuration', () => {
    const job = find(manifests, 'Job', 'kafka-topics');
    const [container] = podContainers(job);
    const sources = records(container?.['envFrom']).map((source) => field(source, 'configMapRef', 'name'));
    expect(sources).toEqual(['vouch-platform', 'kafka-topics']);
    // The services' TLS and SASL settings, with a user of its own.
    expect(
      environmentOf(container ?? {}, manifests)
        .filter((variable) => /^KAFKA_SASL_(USERNAME|PASSWORD)$/.test(variable.name))
        .map((variable) => [variable.name, variable.from]),
    ).toEqual([
      ['KAFKA_SASL_USERNAME', { secret: 'kafka-topics-secrets', key: 'KAFKA_SASL_USERNAME' }],
      ['KAFKA_SASL_PASSWORD', { secret: 'kafka-topics-secrets', key: 'KAFKA_SASL_PASSWORD' }],
    ]);
    expect(String(field(container, 'args', 0))).toContain('--command-config "${config}"');
    expect(
      String(field(find(manifests, 'ConfigMap', 'kafka-topics'), 'data', 'TOPICS'))
        .split(/\s+/)
        .sort(),
    ).toEqual(platformTopicEntries().sort());
    expect(field(find(manifests, 'ConfigMap', 'vouch-platform'), 'data', 'KAFKA_TOPIC_PARTITIONS')).toBe(
      '12',
    );
  });

  it('route each public path to the service that owns it, and the rest to the portal, as the Ingress did', () => {
    // The HTTPRoute sends the host's every request to the portal, whose gateway forwards the API paths.
    const host = String(field(find(manifests, 'HTTPRoute', 'vouch'), 'spec', 'hostnames', 0));
    const owner = (requestPath: string) => {
      const backend = httpRouteBackend(manifests, `https://${host}${requestPath}`);
      if (backend !== 'portal') return `the Gateway's ${String(backend)}`;
      return portalRoutes.serviceFor(new URL(requestPath, 'https://any.host').pathname) ?? 'portal';
    };
    expect(httpRouteBackend(manifests, 'https://elsewhere.example.org/v1/auth/login')).toBeUndefined();
    const owners = Object.fromEntries(
      [
        '/v1/auth/login',
        '/v1/employees/me',
        '/v1/employees/6d1c/recommendations',
        '/v1/employees?q=ana',
        '/v1/admin/audit-log?employeeId=6d1c',
        '/v1/admin/people-import?dryRun=true',
        '/v1/admin/employees/6d1c/invitation',
        '/v1/auth/invitations/accept',
        '/v1/auth/methods',
        '/v1/auth/sso/start',
        '/v1/auth/sso/callback?code=c&state=s&iss=https%3A%2F%2Flogin.acme.test',
        '/sso-complete',
        '/.well-known/jwks.json',
        '/scim/v2',
        '/scim/v2/Users',
        '/scim/v2/Users/2819c223',
        '/scim/v2/ServiceProviderConfig',
        '/scim/v2/Groups?filter=displayName%20eq%20%22Vouch%20Admins%22',
        '/scimx',
        '/v1/connection-requests/6d1c/accept',
        '/v1/connections/suggestions',
        '/v1/recommendation-requests',
        '/v1/recommendations/balance',
        '/v1/admin/recommendations/coverage',
        '/v1/notification-preferences',
        '/v1/unsubscribe?token=t',
        '/v1/deliveries?recipientId=6d1c',
        '/',
        '/profile/6d1c',
      ].map((requestPath) => [requestPath, owner(requestPath)]),
    );
    expect(owners).toEqual({
      '/v1/auth/login': 'identity',
      '/v1/employees/me': 'identity',
      '/v1/employees/6d1c/recommendations': 'recommendations',
      '/v1/employees?q=ana': 'identity',
      '/v1/admin/audit-log?employeeId=6d1c': 'identity',
      '/v1/admin/people-import?dryRun=true': 'identity',
      '/v1/admin/employees/6d1c/invitation': 'identity',
      '/v1/auth/invitations/accept': 'identity',
      '/v1/auth/methods': 'identity',
      '/v1/auth/sso/start': 'identity',
      '/v1/auth/sso/callback?code=c&state=s&iss=https%3A%2F%2Flogin.acme.test': 'identity',
      '/sso-complete': 'portal',
      '/.well-known/jwks.json': 'identity',
      '/scim/v2': 'identity',
      '/scim/v2/Users': 'identity',
      '/scim/v2/Users/2819c223': 'identity',
      '/scim/v2/ServiceProviderConfig': 'identity',
      '/scim/v2/Groups?filter=displayName%20eq%20%22Vouch%20Admins%22': 'identity',
      '/scimx': 'portal',
      '/v1/connection-requests/6d1c/accept': 'connections',
      '/v1/connections/suggestions': 'connections',
      '/v1/recommendation-requests': 'recommendations',
      '/v1/recommendations/balance': 'recommendations',
      '/v1/admin/recommendations/coverage': 'recommendations',
      '/v1/notification-preferences': 'notifications',
      '/v1/unsubscribe?token=t': 'notifications',
      '/v1/deliveries?recipientId=6d1c': 'notifications',
      '/': 'portal',
      '/profile/6d1c': 'portal',
    });
  });
  it('keep no Ingress: one HTTPRoute to the portal, the services’ own ports routed nowhere', () => {
    expect(manifests.filter((manifest) => manifest.kind === 'Ingress')).toEqual([]);
    const backends = manifests
      .filter((manifest) => manifest.kind === 'HTTPRoute')
      .flatMap((route) => records(field(route, 'spec', 'rules')))
      .flatMap((rule) => records(rule['backendRefs']));
    expect(backends).toEqual([{ name: 'portal', port: PORTAL.port }]);
    // As long as the portal's gateway gives a request (an import's upload), not some shorter default.
    const requestMs = Number(
      readRepoFile('services/portal/src/gateway/gateway.ts')
        .match(/requestMs: ([\d_]+)/)?.[1]
        ?.replace(/_/g, ''),
    );
    expect(field(find(manifests, 'HTTPRoute', 'vouch'), 'spec', 'rules', 0, 'timeouts')).toEqual({
      request: `${requestMs / 1000}s`,
    });
  });

  it('spread every Deployment’s replicas over zones and nodes, preferably', () => {
    for (const [service, deployment] of serviceDeployments(manifests, SERVED)) {
      const constraints = records(field(deployment, 'spec', 'template', 'spec', 'topologySpreadConstraints'));
      const selector = field(deployment, 'spec', 'selector');
      expect({ [service.name]: constraints }).toEqual({
        [service.name]: ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
          maxSkew: 1,
          topologyKey,
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: selector,
          matchLabelKeys: ['pod-template-hash'],
        })),
      });
    }
  });
});

describe.each(OVERLAYS)('Kubernetes overlay: %s', (directory) => {
  const manifests = renderKustomization(directory);

  it('supplies every Secret key a Deployment names', () => {
    const missing = manifests
      .filter((manifest) => manifest.kind === 'Deployment')
      .flatMap((deployment) =>
        podContainers(deployment).flatMap((container) => environmentOf(container, manifests)),
      )
      .flatMap((variable) => {
        if (!('secret' in variable.from)) return [];
        const { secret, key } = variable.from;
        const data = field(
          manifests.find((manifest) => manifest.kind === 'Secret' && manifest.metadata.name === secret),
          'stringData',
        );
        return isRecord(data) && key !== undefined && key in data
          ? []
          : [`${secret}/${key ?? variable.name}`];
      });
    expect(missing).toEqual([]);
  });

  it('supplies every Secret key a TriggerAuthentication or the kafka-topics Job names', () => {
    const used = manifests
      .filter((manifest) => manifest.kind === 'ScaledObject')
      .flatMap((manifest) => records(field(manifest, 'spec', 'triggers')))
      .map((trigger) => field(trigger, 'authenticationRef', 'name'));
    const keda = manifests
      .filter(
        (manifest) => manifest.kind === 'TriggerAuthentication' && used.includes(manifest.metadata.name),
      )
      .flatMap((manifest) => records(field(manifest, 'spec', 'secretTargetRef')))
      .map((reference) => ({ secret: String(reference['name']), key: String(reference['key']) }));
    const topics = podContainers(find(manifests, 'Job', 'kafka-topics'))
      .flatMap((container) => environmentOf(container, manifests))
      .flatMap((variable) =>
        'secret' in variable.from ? [{ ...variable.from, key: variable.from.key ?? '' }] : [],
      );
    const missing = [...keda, ...topics].filter(({ secret, key }) => {
      const data = field(find(manifests, 'Secret', secret), 'stringData');
      return !(isRecord(data) && key in data);
    });
    expect(missing).toEqual([]);
  });

  it('runs each service from its own image, tagged', () => {
    for (const [service, deployment] of serviceDeployments(manifests, SERVED)) {
      for (const container of podContainers(deployment)) {
        expect(String(container['image'])).toMatch(new RegExp(`(^|/)vouch/${service.name}:[\\w.-]+$`));
      }
    }
  });
});

/** KEY=value lines of an env file, comments and blank lines aside. */
function envFile(file: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.includes('=') && !line.trimStart().startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/**
 * What a Deployment's first container reads, NODE_ENV=production as the image sets it: literal values,
 * ConfigMap values, and each Secret's key from `secrets` (by Secret name), else from the rendering.
 */
function productionEnvironment(
  deployment: Manifest,
  manifests: Manifest[],
  secrets: Record<string, Record<string, string>> = {},
): Record<string, unknown> {
  const [container] = podContainers(deployment);
  const environment = Object.fromEntries(
    (container ? environmentOf(container, manifests) : []).map((variable) => {
      const { from } = variable;
      if ('value' in from) return [variable.name, from.value];
      if ('configMap' in from)
        return [variable.name, field(find(manifests, 'ConfigMap', from.configMap), 'data', variable.name)];
      const key = from.key ?? variable.name;
      return [
        variable.name,
        secrets[from.secret]?.[key] ?? field(find(manifests, 'Secret', from.secret), 'stringData', key),
      ];
    }),
  );
  return { ...environment, NODE_ENV: 'production' };
}

const SERVICE_NAMES = PLATFORM_SERVICES.map((service) => service.name);
const SERVICE_PORTS = (to: string) =>
  PLATFORM_SERVICES.map((service) => `${to} → ${service.name}:${service.port}/TCP`);
const each = (senders: string[], receiver: string) => senders.map((sender) => `${sender} → ${receiver}`);

/** Who, outside the namespace, sends or answers: by overlay, as its patches (or the base) describe them. */
const OUTSIDE: Record<string, Endpoint[]> = {
  'infra/k8s/overlays/production': [
    {
      name: 'gateway proxy',
      namespace: 'gateway-system',
      labels: { app: 'proxy' },
      ip: '10.244.2.1',
      ports: [],
    },
    {
      name: 'kafka broker',
      namespace: 'kafka',
      labels: { 'strimzi.io/cluster': 'kafka' },
      ip: '10.244.6.1',
      ports: [{ port: 9092, protocol: 'TCP' }],
    },
    { name: 'postgresql', ip: '192.0.2.10', ports: [{ port: 5432, protocol: 'TCP' }] },
    {
      name: 'smtp server',
      ip: '198.51.100.25',
      ports: [25, 465, 587].map((port) => ({ port, protocol: 'TCP' as const })),
    },
    {
      name: 'oidc provider',
      ip: '203.0.113.10',
      ports: [80, 443, 5432].map((port) => ({ port, protocol: 'TCP' as const })),
    },
  ],
  'infra/k8s/overlays/local': [
    {
      name: 'gateway proxy',
      namespace: 'envoy-gateway-system',
      labels: { app: 'proxy' },
      ip: '10.244.2.1',
      ports: [],
    },
    {
      name: 'keda operator',
      namespace: 'keda',
      labels: { app: 'keda-operator' },
      ip: '10.244.7.1',
      ports: [],
    },
    {
      name: 'oidc provider',
      ip: '203.0.113.10',
      ports: [80, 443, 5432, 9092].map((port) => ({ port, protocol: 'TCP' as const })),
    },
  ],
};

/** Everywhere: the cluster's DNS and Prometheus, a Grafana beside it, a pod of another namespace named like the portal. */
const EVERYWHERE: Endpoint[] = [
  {
    name: 'kube-dns',
    namespace: 'kube-system',
    labels: { 'k8s-app': 'kube-dns' },
    ip: '10.244.4.1',
    ports: [
      { port: 53, protocol: 'UDP' },
      { port: 53, protocol: 'TCP' },
    ],
  },
  {
    name: 'prometheus',
    namespace: 'monitoring',
    labels: { 'app.kubernetes.io/name': 'prometheus' },
    ip: '10.244.3.1',
    ports: [],
  },
  {
    name: 'grafana',
    namespace: 'monitoring',
    labels: { 'app.kubernetes.io/name': 'grafana' },
    ip: '10.244.3.2',
    ports: [],
  },
  {
    name: 'impostor',
    namespace: 'other',
    labels: { 'app.kubernetes.io/name': 'portal' },
    ip: '10.244.5.1',
    ports: [{ port: 3001, protocol: 'TCP', name: 'http' }],
  },
];

/** Every connection each overlay's pods need, and nothing else. */
const NEEDED: Record<string, (pods: string[]) => string[]> = {
  'infra/k8s/overlays/production': (pods) => [
    'gateway proxy → portal:8080/TCP',
    ...SERVICE_PORTS('portal'),
    ...SERVICE_PORTS('prometheus'),
    ...each(SERVICE_NAMES, 'identity:3001/TCP'),
    ...pods.flatMap((pod) => [`${pod} → kube-dns:53/TCP`, `${pod} → kube-dns:53/UDP`]),
    ...each(SERVICE_NAMES, 'postgresql:5432/TCP'),
    ...each([...SERVICE_NAMES, 'kafka-topics'], 'kafka broker:9092/TCP'),
    ...each(['identity', 'notifications'], 'smtp server:465/TCP'),
    ...each(['identity', 'notifications'], 'smtp server:587/TCP'),
    'identity → oidc provider:443/TCP',
  ],
  'infra/k8s/overlays/local': (pods) => [
    'gateway proxy → portal:8080/TCP',
    ...SERVICE_PORTS('portal'),
    ...SERVICE_PORTS('prometheus'),
    ...each(SERVICE_NAMES, 'identity:3001/TCP'),
    ...pods.flatMap((pod) => [`${pod} → kube-dns:53/TCP`, `${pod} → kube-dns:53/UDP`]),
    ...each(SERVICE_NAMES, 'postgres:5432/TCP'),
    ...each([...SERVICE_NAMES, 'kafka-topics', 'kafka', 'keda operator'], 'kafka:9092/TCP'),
    ...each(['identity', 'notifications'], 'maildev:1025/TCP'),
    'identity → oidc provider:443/TCP',
  ],
};

describe.each(OVERLAYS)('Kubernetes network policies: %s', (directory) => {
  const manifests = renderKustomization(directory);
  const namespace = String(find(manifests, 'Deployment', 'portal').metadata.namespace);
  const policies = manifests.filter((manifest) => manifest.kind === 'NetworkPolicy');
  // A pod someone starts in the namespace (kubectl run), listening as a service would.
  const stray: Endpoint = {
    name: 'stray pod',
    namespace,
    labels: { run: 'debug' },
    ip: '10.244.1.99',
    ports: [{ port: 3001, protocol: 'TCP', name: 'http' }],
  };
  const pods = [...podsOf(manifests, namespace), stray];

  it('deny everything by default, both ways, to every pod of the namespace', () => {
    expect(
      policies
        .filter((policy) => JSON.stringify(field(policy, 'spec', 'podSelector')) === '{}')
        .filter(
          (policy) =>
            field(policy, 'spec', 'ingress') === undefined && field(policy, 'spec', 'egress') === undefined,
        )
        .map((policy) => field(policy, 'spec', 'policyTypes')),
    ).toEqual([['Ingress', 'Egress']]);
  });

  it('allow exactly the connections the pods need (the migrate init containers’ and the Job’s included)', () => {
    const allowed = allowedConnections(
      policies,
      [...pods, ...EVERYWHERE, ...(OUTSIDE[directory] ?? [])],
      namespace,
    );
    expect(allowed).toEqual([...new Set(NEEDED[directory]?.(pods.map((pod) => pod.name)))].sort());
  });

  it('let the portal and every service’s own port be reached through the names the configuration uses', () => {
    // The portal forwards to IDENTITY_URL…, every service fetches JWKS_URL: each a Service on its `http` port.
    const portal = field(find(manifests, 'ConfigMap', 'portal-config'), 'data');
    const targets = [
      ...PLATFORM_SERVICES.map((service) => String(field(portal, `${service.name.toUpperCase()}_URL`))),
      String(field(find(manifests, 'ConfigMap', 'vouch-platform'), 'data', 'JWKS_URL')),
    ];
    for (const target of targets) {
      const url = new URL(target);
      const kubernetesService = find(manifests, 'Service', url.hostname);
      expect(field(kubernetesService, 'spec', 'ports', 0)).toMatchObject({
        port: Number(url.port),
        targetPort: 'http',
      });
    }
  });
});

describe('the HTTPRoute’s Gateway', () => {
  it('is the local overlay’s own, on plain HTTP for vouch.localhost, taking routes from its namespace', () => {
    const manifests = renderKustomization('infra/k8s/overlays/local');
    const route = find(manifests, 'HTTPRoute', 'vouch');
    const parent = field(route, 'spec', 'parentRefs', 0);
    const gateway = find(manifests, 'Gateway', String(field(parent, 'name')));
    expect(field(parent, 'namespace')).toBe(gateway.metadata.namespace);
    const listener = records(field(gateway, 'spec', 'listeners')).find(
      (candidate) => candidate['name'] === field(parent, 'sectionName'),
    );
    expect(listener).toMatchObject({ protocol: 'HTTP', hostname: field(route, 'spec', 'hostnames', 0) });
    expect(field(listener, 'allowedRoutes', 'namespaces', 'from')).toBe('Same');
  });

  it('is the platform’s in production: its HTTPS listener for the host, plain HTTP redirected', () => {
    const manifests = renderKustomization('infra/k8s/overlays/production');
    expect(manifests.filter((manifest) => manifest.kind === 'Gateway')).toEqual([]);
    const route = find(manifests, 'HTTPRoute', 'vouch');
    const redirect = find(manifests, 'HTTPRoute', 'vouch-http-redirect');
    expect(field(route, 'spec', 'parentRefs', 0)).toMatchObject({
      name: 'vouch',
      namespace: 'gateway-system',
      sectionName: 'https',
    });
    expect(field(redirect, 'spec', 'parentRefs', 0)).toEqual({
      ...(field(route, 'spec', 'parentRefs', 0) as object),
      sectionName: 'http',
    });
    expect(field(redirect, 'spec', 'hostnames')).toEqual(field(route, 'spec', 'hostnames'));
    expect(field(redirect, 'spec', 'rules')).toEqual([
      { filters: [{ type: 'RequestRedirect', requestRedirect: { scheme: 'https', statusCode: 301 } }] },
    ]);
    expect(String(field(find(manifests, 'ConfigMap', 'portal-config'), 'data', 'PUBLIC_URL'))).toBe(
      `https://${String(field(route, 'spec', 'hostnames', 0))}`,
    );
  });
});

describe('the PrometheusRule', () => {
  const [rule] = readYamlDocuments('infra/prometheus/prometheusrule.yaml') as Manifest[];
  const [alerts] = readYamlDocuments('infra/prometheus/alerts.yml');

  it('is a valid PrometheusRule', () => {
    expect(rule?.apiVersion).toBe('monitoring.coreos.com/v1');
    expect(rule?.kind).toBe('PrometheusRule');
    expect(() => validatePrometheusRule(rule as Manifest)).not.toThrow();
  });

  it('carries the groups of alerts.yml, the Compose Prometheus’ rule file, exactly', () => {
    expect(field(rule, 'spec', 'groups')).toEqual(field(alerts, 'groups'));
    expect(readRepoFile('infra/prometheus/prometheus.yml')).toMatch(/rule_files:\n\s+- alerts\.yml/);
  });
});

describe("the production overlay's example secrets", () => {
  it('stop every service from starting, naming each secret to fill in', () => {
    const manifests = renderKustomization('infra/k8s/overlays/production');
    const refused = Object.fromEntries(
      serviceDeployments(manifests).map(([service, deployment]) => [
        service.name,
        [
          ...new Set(
            service.environment
              .safeParse(productionEnvironment(deployment, manifests))
              .error?.issues.map((issue) => issue.path.join('.')),
          ),
        ].sort(),
      ]),
    );
    expect(refused).toEqual({
      identity: [
        'DATABASE_URL',
        'INVITATION_SECRET',
        'JWT_PRIVATE_KEYS',
        'KAFKA_SASL_PASSWORD',
        'SCIM_TOKEN',
        // The placeholder password in SMTP_URL.
        'SMTP_PASSWORD',
      ],
      connections: ['DATABASE_URL', 'KAFKA_SASL_PASSWORD'],
      recommendations: ['DATABASE_URL', 'DOCUMENT_SIGNING_KEY', 'KAFKA_SASL_PASSWORD'],
      notifications: [
        'DATABASE_URL',
        'INVITATION_SECRET',
        'KAFKA_SASL_PASSWORD',
        'SMTP_PASSWORD',
        'UNSUBSCRIBE_SECRET',
      ],
    });
  });
});

describe("the local overlay's secrets", () => {
  const overlay = 'infra/k8s/overlays/local';
  const kustomization = parse(readRepoFile(`${overlay}/kustomization.yaml`)) as {
    secretGenerator: Array<{ name: string; literals?: string[]; envs?: string[] }>;
  };

  it('are in no committed file: generated into env files git ignores', () => {
    for (const generator of kustomization.secretGenerator) {
      expect({ [generator.name]: generator.literals ?? [] }).toEqual({ [generator.name]: [] });
      for (const file of generator.envs ?? []) expect(file).toMatch(/^secrets\/[\w-]+\.env$/);
    }
    expect(readRepoFile(`${overlay}/secrets/.gitignore`).split('\n')).toContain('*.env');
  });

  it('start every service in production once `node tools/secrets.mjs k8s-local` generated them', () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'vouch-k8s-local-secrets-'));
    try {
      const run = spawnSync(process.execPath, [
        path.join(REPO_ROOT, 'tools', 'secrets.mjs'),
        'k8s-local',
        directory,
      ]);
      expect(String(run.stderr)).toBe('');
      const secrets = Object.fromEntries(
        kustomization.secretGenerator.map((generator) => [
          generator.name,
          Object.assign(
            {},
            ...(generator.envs ?? []).map((file) => envFile(path.join(directory, path.basename(file)))),
          ) as Record<string, string>,
        ]),
      );
      const manifests = renderKustomization(overlay);
      for (const [service, deployment] of serviceDeployments(manifests)) {
        const parsed = service.environment.safeParse(productionEnvironment(deployment, manifests, secrets));
        expect({ [service.name]: parsed.error?.issues ?? [] }).toEqual({ [service.name]: [] });
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
