import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO_ROOT, isRecord, readYamlDocuments } from './platform-services';

/** A Kubernetes object as the manifests write it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [field: string]: unknown;
}

interface PatchOperation {
  op: 'add' | 'replace' | 'remove';
  path: string;
  value?: unknown;
}

/** The kustomization fields the Vouch overlays use; the renderer refuses any other, rather than ignore it. */
const SUPPORTED_FIELDS = new Set([
  'apiVersion',
  'kind',
  'namespace',
  'labels',
  'resources',
  'images',
  'secretGenerator',
  'patches',
]);

/**
 * What `kubectl kustomize <directory>` outputs, for the subset of Kustomize the manifests use:
 * resources (files and directories), namespace, labels (also on pod templates), images, secretGenerator (literals, env files)
 * and JSON 6902 patches with a kind/name target. Generated Secrets keep their name (Kustomize adds a
 * content hash and rewrites the references to it; the references are what the tests check). Env files
 * that are never committed (production's secrets) are read from their committed `.example`.
 */
export function renderKustomization(directory: string): Manifest[] {
  const root = path.join(REPO_ROOT, directory);
  const kustomization: unknown = parse(readFileSync(path.join(root, 'kustomization.yaml'), 'utf8'));
  if (!isRecord(kustomization)) throw new Error(`${directory}: kustomization.yaml is not a map`);
  const unsupported = Object.keys(kustomization).filter((field) => !SUPPORTED_FIELDS.has(field));
  if (unsupported.length > 0)
    throw new Error(`${directory}: unsupported kustomization fields ${unsupported.join(', ')}`);

  const manifests = list(kustomization['resources']).flatMap((resource) => {
    const relative = path.join(directory, String(resource));
    return statSync(path.join(REPO_ROOT, relative)).isDirectory()
      ? renderKustomization(relative)
      : readYamlDocuments(relative).map((document) => asManifest(document, relative));
  });
  manifests.push(
    ...list(kustomization['secretGenerator']).map((generator) => generateSecret(generator, root)),
  );
  for (const manifest of manifests) {
    for (const label of list(kustomization['labels'])) {
      if (!isRecord(label) || !isRecord(label['pairs']))
        throw new Error(`${directory}: labels without pairs`);
      const pairs = stringMap(label['pairs']);
      manifest.metadata.labels = { ...manifest.metadata.labels, ...pairs };
      const template = field(manifest, 'spec', 'template');
      if (label['includeTemplates'] === true && isRecord(template)) {
        const metadata = isRecord(template['metadata']) ? template['metadata'] : {};
        template['metadata'] = {
          ...metadata,
          labels: { ...(isRecord(metadata['labels']) ? metadata['labels'] : {}), ...pairs },
        };
      }
    }
    if (typeof kustomization['namespace'] === 'string')
      manifest.metadata.namespace = kustomization['namespace'];
    for (const image of list(kustomization['images'])) setImage(manifest, image);
  }
  for (const patch of list(kustomization['patches'])) applyPatch(manifests, patch, directory);
  return manifests;
}

function list(value: unknown): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`expected a list, got ${JSON.stringify(value)}`);
  return value;
}

function stringMap(value: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

function asManifest(document: unknown, source: string): Manifest {
  if (
    isRecord(document) &&
    typeof document['apiVersion'] === 'string' &&
    typeof document['kind'] === 'string' &&
    isRecord(document['metadata']) &&
    typeof document['metadata']['name'] === 'string'
  ) {
    return document as Manifest;
  }
  throw new Error(`${source}: a document without apiVersion, kind and metadata.name`);
}

function generateSecret(generator: unknown, root: string): Manifest {
  if (!isRecord(generator) || typeof generator['name'] !== 'string')
    throw new Error('a secretGenerator without a name');
  const lines = [
    ...list(generator['literals']).map(String),
    ...list(generator['envs']).flatMap((file) => {
      const envFile = path.join(root, String(file));
      return readFileSync(existsSync(envFile) ? envFile : `${envFile}.example`, 'utf8').split('\n');
    }),
  ].filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const stringData = Object.fromEntries(
    lines.map((line) => {
      const separator = line.indexOf('=');
      if (separator < 1) throw new Error(`secret ${String(generator['name'])}: "${line}" is not KEY=value`);
      return [line.slice(0, separator), line.slice(separator + 1)];
    }),
  );
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: generator['name'] },
    type: 'Opaque',
    stringData,
  };
}

/** The value at a path of keys and indexes, or undefined where the path leaves the document. */
export function field(value: unknown, ...keys: Array<string | number>): unknown {
  return keys.reduce<unknown>(
    (current, key) =>
      Array.isArray(current) || isRecord(current) ? (current as Record<string, unknown>)[key] : undefined,
    value,
  );
}

/** The containers and init containers of a workload's pod template. */
export function podContainers(manifest: Manifest): Array<Record<string, unknown>> {
  const spec = manifest['spec'];
  const template = isRecord(spec) ? spec['template'] : undefined;
  const podSpec = isRecord(template) ? template['spec'] : undefined;
  if (!isRecord(podSpec)) return [];
  return [...list(podSpec['initContainers']), ...list(podSpec['containers'])].filter(isRecord);
}

function setImage(manifest: Manifest, image: unknown): void {
  if (!isRecord(image) || typeof image['name'] !== 'string')
    throw new Error('an images entry without a name');
  for (const container of podContainers(manifest)) {
    const [name, tag] = String(container['image']).split(':');
    if (name !== image['name']) continue;
    const newName = typeof image['newName'] === 'string' ? image['newName'] : name;
    const newTag = image['newTag'] === undefined ? tag : String(image['newTag']);
    container['image'] = newTag === undefined ? newName : `${newName}:${newTag}`;
  }
}

function applyPatch(manifests: Manifest[], patch: unknown, directory: string): void {
  if (!isRecord(patch) || !isRecord(patch['target']) || typeof patch['patch'] !== 'string') {
    throw new Error(`${directory}: only JSON 6902 patches with a target are supported`);
  }
  const { kind, name } = patch['target'];
  const targets = manifests.filter(
    (manifest) => manifest.kind === kind && (name === undefined || manifest.metadata.name === name),
  );
  if (targets.length === 0)
    throw new Error(`${directory}: a patch matches nothing (${String(kind)} ${String(name)})`);
  const operations: unknown = parse(patch['patch']);
  for (const target of targets) {
    for (const operation of list(operations)) applyOperation(target, operation as PatchOperation, directory);
  }
}

/** One RFC 6902 operation; a path that does not exist is an error, as in Kustomize. */
function applyOperation(document: Manifest, operation: PatchOperation, directory: string): void {
  const keys = operation.path
    .split('/')
    .slice(1)
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = keys.pop();
  let parent: unknown = document;
  for (const key of keys) {
    parent = Array.isArray(parent) ? parent[Number(key)] : isRecord(parent) ? parent[key] : undefined;
  }
  if (last === undefined || (!Array.isArray(parent) && !isRecord(parent))) {
    throw new Error(
      `${directory}: patch path ${operation.path} does not exist in ${document.kind} ${document.metadata.name}`,
    );
  }
  if (Array.isArray(parent)) {
    const index = last === '-' ? parent.length : Number(last);
    if (operation.op === 'add') parent.splice(index, 0, operation.value);
    else if (index >= parent.length)
      throw new Error(`${directory}: patch path ${operation.path} does not exist`);
    else if (operation.op === 'replace') parent[index] = operation.value;
    else parent.splice(index, 1);
    return;
  }
  if (operation.op !== 'add' && !(last in parent)) {
    throw new Error(
      `${directory}: patch path ${operation.path} does not exist in ${document.kind} ${document.metadata.name}`,
    );
  }
  if (operation.op === 'remove') delete parent[last];
  else parent[last] = operation.value;
}
