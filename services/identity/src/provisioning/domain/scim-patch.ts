import { filter as matcherOf, parse as parseFilter } from 'scim2-parse-filter';
import { InvalidScimRequestError } from './scim.errors';
import { isScimObject, keyOf, ScimSchemas, valueOf, type ScimObject } from './scim-schemas';

type PatchOperationName = 'add' | 'replace' | 'remove';

/** One PatchOp operation, its `op` in lower case: Entra ID sends "Add", "Replace", "Remove". */
export interface PatchOperation {
  op: PatchOperationName;
  path?: string;
  value?: unknown;
}

/** The operations of a PatchOp request (RFC 7644 §3.5.2), Entra ID's spellings normalised. */
export function patchOperationsOf(request: unknown): PatchOperation[] {
  const operations = isScimObject(request) ? valueOf(request, 'Operations') : undefined;
  if (!Array.isArray(operations) || operations.length === 0)
    throw new InvalidScimRequestError('invalidSyntax', 'a PatchOp request needs a list of Operations');
  return operations.map((operation: unknown) => {
    if (!isScimObject(operation))
      throw new InvalidScimRequestError('invalidSyntax', 'an operation must be an object');
    const op = valueOf(operation, 'op');
    const name = typeof op === 'string' ? op.toLowerCase() : undefined;
    if (name !== 'add' && name !== 'replace' && name !== 'remove')
      throw new InvalidScimRequestError(
        'invalidSyntax',
        `op must be add, replace or remove, not ${String(op)}`,
      );
    const path = valueOf(operation, 'path');
    if (path !== undefined && (typeof path !== 'string' || path.trim() === ''))
      throw new InvalidScimRequestError('invalidPath', 'path must be a non-empty string');
    return { op: name, path: path?.trim(), value: valueOf(operation, 'value') };
  });
}

// attribute, an optional [value filter], an optional .subAttribute
const ATTRIBUTE_PATH = /^([A-Za-z][\w$-]*)(?:\[(.+)\])?(?:\.([A-Za-z][\w$-]*))?$/;

interface Target {
  container: ScimObject;
  attribute: string;
  valueFilter?: string;
  subAttribute?: string;
}

/** Where a path points: the resource or its enterprise extension, and the attribute in it. */
function targetOf(resource: ScimObject, path: string): Target {
  let container = resource;
  let rest = path;
  const extensionPrefix = `${ScimSchemas.enterpriseUser}:`;
  const corePrefix = `${ScimSchemas.user}:`;
  if (path.toLowerCase().startsWith(extensionPrefix.toLowerCase())) {
    const key = keyOf(resource, ScimSchemas.enterpriseUser) ?? ScimSchemas.enterpriseUser;
    const extension = resource[key];
    container = isScimObject(extension) ? extension : {};
    resource[key] = container;
    rest = path.slice(extensionPrefix.length);
  } else if (path.toLowerCase().startsWith(corePrefix.toLowerCase())) {
    rest = path.slice(corePrefix.length);
  }
  const match = ATTRIBUTE_PATH.exec(rest);
  if (!match?.[1]) throw new InvalidScimRequestError('invalidPath', `path ${path} is not supported`);
  return {
    container,
    attribute: keyOf(container, match[1]) ?? match[1],
    valueFilter: match[2],
    subAttribute: match[3],
  };
}

function matcher(valueFilter: string): (element: unknown) => boolean {
  try {
    const test = matcherOf(parseFilter(valueFilter));
    return (element) => isScimObject(element) && test(element);
  } catch {
    throw new InvalidScimRequestError('invalidFilter', `the value filter [${valueFilter}] cannot be parsed`);
  }
}

/** The element a filter like `type eq "work"` describes, for adding one that is not there yet. */
function elementOf(valueFilter: string): ScimObject {
  const parsed = parseFilter(valueFilter);
  return parsed.op === 'eq' && 'compValue' in parsed ? { [parsed.attrPath]: parsed.compValue } : {};
}

function setAttribute(object: ScimObject, name: string, value: unknown, op: PatchOperationName): void {
  const key = keyOf(object, name) ?? name;
  const current = object[key];
  if (op === 'add' && Array.isArray(current) && Array.isArray(value)) object[key] = [...current, ...value];
  else if (op === 'add' && isScimObject(current) && isScimObject(value))
    object[key] = { ...current, ...value };
  else object[key] = value;
}

function applyAtPath(resource: ScimObject, operation: PatchOperation & { path: string }): void {
  const { container, attribute, valueFilter, subAttribute } = targetOf(resource, operation.path);
  if (valueFilter === undefined) {
    if (subAttribute === undefined) {
      // Removing sets null rather than deleting, so the result says "cleared", not "left as is".
      if (operation.op === 'remove') container[attribute] = null;
      else setAttribute(container, attribute, operation.value, operation.op);
      return;
    }
    const parent = isScimObject(container[attribute]) ? (container[attribute] as ScimObject) : {};
    container[attribute] = parent;
    if (operation.op === 'remove') parent[keyOf(parent, subAttribute) ?? subAttribute] = null;
    else setAttribute(parent, subAttribute, operation.value, operation.op);
    return;
  }
  const matches = matcher(valueFilter);
  const elements: unknown[] = Array.isArray(container[attribute])
    ? [...(container[attribute] as unknown[])]
    : [];
  if (operation.op === 'remove') {
    container[attribute] =
      subAttribute === undefined
        ? elements.filter((element) => !matches(element))
        : elements.map((element) =>
            matches(element) && isScimObject(element) ? { ...element, [subAttribute]: null } : element,
          );
    return;
  }
  if (!elements.some(matches)) {
    if (operation.op === 'replace' && subAttribute === undefined)
      throw new InvalidScimRequestError('noTarget', `nothing in ${attribute} matches [${valueFilter}]`);
    elements.push(elementOf(valueFilter));
  }
  container[attribute] = elements.map((element) => {
    if (!matches(element) || !isScimObject(element)) return element;
    if (subAttribute !== undefined) return { ...element, [subAttribute]: operation.value };
    return isScimObject(operation.value) ? { ...element, ...operation.value } : element;
  });
}

/** Without a path the value is a map of attributes, by name, dotted path or extension URN. */
function applyValueMap(resource: ScimObject, operation: PatchOperation): void {
  if (!isScimObject(operation.value))
    throw new InvalidScimRequestError('invalidValue', `${operation.op} without a path needs an object value`);
  for (const [key, value] of Object.entries(operation.value)) {
    if (key.toLowerCase() === ScimSchemas.enterpriseUser.toLowerCase() && isScimObject(value)) {
      for (const [attribute, inner] of Object.entries(value))
        applyAtPath(resource, {
          op: operation.op,
          path: `${ScimSchemas.enterpriseUser}:${attribute}`,
          value: inner,
        });
    } else {
      applyAtPath(resource, { op: operation.op, path: key, value });
    }
  }
}

/** The resource after a PatchOp request's operations, in order; the resource given is not changed. */
export function applyPatch(resource: ScimObject, request: unknown): ScimObject {
  const patched = structuredClone(resource);
  for (const operation of patchOperationsOf(request)) {
    const { path } = operation;
    if (path !== undefined) applyAtPath(patched, { ...operation, path });
    else if (operation.op === 'remove') throw new InvalidScimRequestError('noTarget', 'remove needs a path');
    else applyValueMap(patched, operation);
  }
  return patched;
}
