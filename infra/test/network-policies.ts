import { isRecord } from './platform-services';
import { field, type Manifest } from './kustomize';

/** A pod, or an address outside the cluster, that sends or receives traffic. */
export interface Endpoint {
  name: string;
  /** The pod's namespace; undefined outside the cluster. */
  namespace?: string;
  labels?: Record<string, string>;
  ip: string;
  /** What it listens on (a pod: its containers' ports, with their names). */
  ports: Array<{ port: number; protocol: 'TCP' | 'UDP'; name?: string }>;
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/** Kubernetes' label selector semantics; an empty selector matches everything. */
export function selects(selector: unknown, labels: Record<string, string> = {}): boolean {
  if (!isRecord(selector)) return false;
  const { matchLabels = {}, matchExpressions = [] } = selector as LabelSelector;
  return (
    Object.entries(matchLabels).every(([key, value]) => labels[key] === value) &&
    matchExpressions.every(({ key, operator, values = [] }) => {
      const value = labels[key];
      switch (operator) {
        case 'In':
          return value !== undefined && values.includes(value);
        case 'NotIn':
          return value === undefined || !values.includes(value);
        case 'Exists':
          return value !== undefined;
        case 'DoesNotExist':
          return value === undefined;
        default:
          throw new Error(`unknown selector operator ${operator}`);
      }
    })
  );
}

function ipv4(address: string): number {
  return address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
}

function inCidr(address: string, cidr: string): boolean {
  const [network = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(address) / size) === Math.floor(ipv4(network) / size);
}

/**
 * Whether a peer of a policy in `namespace` names the endpoint. An ipBlock is taken to match pod
 * addresses too (Calico does; the API leaves it to the network plugin): the stricter reading.
 */
function peerMatches(peer: Record<string, unknown>, endpoint: Endpoint, namespace: string): boolean {
  const ipBlock = peer['ipBlock'];
  if (isRecord(ipBlock)) {
    const except = Array.isArray(ipBlock['except']) ? ipBlock['except'].map(String) : [];
    return inCidr(endpoint.ip, String(ipBlock['cidr'])) && !except.some((cidr) => inCidr(endpoint.ip, cidr));
  }
  if (endpoint.namespace === undefined) return false;
  const namespaceSelector = peer['namespaceSelector'];
  const namespaceMatches =
    namespaceSelector === undefined
      ? endpoint.namespace === namespace
      : selects(namespaceSelector, { 'kubernetes.io/metadata.name': endpoint.namespace });
  const podSelector = peer['podSelector'];
  return namespaceMatches && (podSelector === undefined || selects(podSelector, endpoint.labels));
}

/** Whether a rule's ports admit the receiver's port: a number, or a name its container gives the port. */
function portMatches(ports: unknown, port: Endpoint['ports'][number]): boolean {
  if (!Array.isArray(ports) || ports.length === 0) return true;
  return ports.filter(isRecord).some((rule) => {
    if (String(rule['protocol'] ?? 'TCP') !== port.protocol) return false;
    if (rule['port'] === undefined) return true;
    if (typeof rule['port'] === 'string') return rule['port'] === port.name;
    const first = Number(rule['port']);
    const last = rule['endPort'] === undefined ? first : Number(rule['endPort']);
    return port.port >= first && port.port <= last;
  });
}

function policyTypes(policy: Manifest): string[] {
  const types = field(policy, 'spec', 'policyTypes');
  if (Array.isArray(types)) return types.map(String);
  return field(policy, 'spec', 'egress') === undefined ? ['Ingress'] : ['Ingress', 'Egress'];
}

/** Whether the policies of the endpoint's namespace let it send (Egress) or receive (Ingress) this. */
function allowedBy(
  policies: Manifest[],
  direction: 'Ingress' | 'Egress',
  subject: Endpoint,
  other: Endpoint,
  port: Endpoint['ports'][number],
): boolean {
  const namespace = subject.namespace;
  if (namespace === undefined) return true;
  const applying = policies.filter(
    (policy) =>
      (policy.metadata.namespace ?? namespace) === namespace &&
      policyTypes(policy).includes(direction) &&
      selects(field(policy, 'spec', 'podSelector'), subject.labels),
  );
  if (applying.length === 0) return true;
  const rulesKey = direction === 'Ingress' ? 'ingress' : 'egress';
  const peersKey = direction === 'Ingress' ? 'from' : 'to';
  return applying.some((policy) => {
    const rules = field(policy, 'spec', rulesKey);
    return (Array.isArray(rules) ? rules.filter(isRecord) : []).some((rule) => {
      const peers = rule[peersKey];
      const peerOk =
        !Array.isArray(peers) ||
        peers.length === 0 ||
        peers.filter(isRecord).some((peer) => peerMatches(peer, other, namespace));
      return peerOk && portMatches(rule['ports'], port);
    });
  });
}

/**
 * Every connection the policies allow, as `sender → receiver:port/protocol`, between endpoints one of
 * which at least is a pod of the namespace (the rest is not the policies' business).
 */
export function allowedConnections(policies: Manifest[], endpoints: Endpoint[], namespace: string): string[] {
  const connections: string[] = [];
  for (const from of endpoints) {
    for (const to of endpoints) {
      if (from.namespace !== namespace && to.namespace !== namespace) continue;
      for (const port of to.ports) {
        if (allowedBy(policies, 'Egress', from, to, port) && allowedBy(policies, 'Ingress', to, from, port))
          connections.push(`${from.name} → ${to.name}:${port.port}/${port.protocol}`);
      }
    }
  }
  return connections.sort();
}

/** The pods a rendering runs (Deployments' and Jobs' templates), each with made-up address in the pod range. */
export function podsOf(manifests: Manifest[], namespace: string): Endpoint[] {
  return manifests
    .filter((manifest) => manifest.kind === 'Deployment' || manifest.kind === 'Job')
    .map((manifest, index) => {
      const template = field(manifest, 'spec', 'template');
      const labels = field(template, 'metadata', 'labels');
      const containers = field(template, 'spec', 'containers');
      return {
        name: manifest.metadata.name,
        namespace,
        labels: isRecord(labels) ? (labels as Record<string, string>) : {},
        ip: `10.244.1.${index + 1}`,
        ports: (Array.isArray(containers) ? containers.filter(isRecord) : []).flatMap((container) =>
          (Array.isArray(container['ports']) ? container['ports'].filter(isRecord) : []).map((port) => ({
            port: Number(port['containerPort']),
            protocol: String(port['protocol'] ?? 'TCP') as 'TCP' | 'UDP',
            ...(typeof port['name'] === 'string' ? { name: port['name'] } : {}),
          })),
        ),
      };
    });
}
