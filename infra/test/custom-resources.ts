import { isRecord } from './platform-services';
import type { Manifest } from './kustomize';

/**
 * The custom resources the manifests use whose schemas kubernetes-models does not carry (it has the
 * built-in kinds only): Gateway API's HTTPRoute and Gateway (gateway.networking.k8s.io/v1, standard
 * channel) and the Prometheus Operator's PrometheusRule (monitoring.coreos.com/v1). Checked against
 * the required fields, enums, patterns, limits and validation rules of their official CRDs, and
 * against unknown fields (which the API server's strict field validation refuses).
 */

// The caller names the object (k8s.spec.ts: "<kind> <name>: …").
function fail(_manifest: Manifest, message: string): never {
  throw new Error(message);
}

function only(manifest: Manifest, where: string, value: Record<string, unknown>, known: string[]): void {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) fail(manifest, `${where}: unknown field(s) ${unknown.join(', ')}`);
}

function list(manifest: Manifest, where: string, value: unknown, min: number, max: number) {
  if (value === undefined && min === 0) return [];
  if (!Array.isArray(value) || value.length < min || value.length > max)
    fail(manifest, `${where}: a list of ${min} to ${max} items`);
  return value.map((item, index) => {
    if (!isRecord(item)) fail(manifest, `${where}[${index}]: not an object`);
    return item;
  });
}

// Gateway API's own patterns (apis/v1/shared_types.go).
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SECTION_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const GATEWAY_DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;

function milliseconds(duration: string): number {
  const units: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };
  return [...duration.matchAll(/([0-9]+)(ms|h|m|s)/g)].reduce(
    (sum, [, amount, unit]) => sum + Number(amount) * (units[unit ?? 's'] ?? 0),
    0,
  );
}

export function validateHttpRoute(manifest: Manifest): void {
  const spec = manifest['spec'];
  if (!isRecord(spec)) fail(manifest, 'spec is required');
  only(manifest, 'spec', spec, ['parentRefs', 'hostnames', 'rules']);
  for (const [index, parent] of list(manifest, 'spec.parentRefs', spec['parentRefs'], 1, 32).entries()) {
    only(manifest, `parentRefs[${index}]`, parent, [
      'group',
      'kind',
      'namespace',
      'name',
      'sectionName',
      'port',
    ]);
    if (typeof parent['name'] !== 'string' || parent['name'] === '')
      fail(manifest, `parentRefs[${index}].name is required`);
    if (parent['sectionName'] !== undefined && !SECTION_NAME.test(String(parent['sectionName'])))
      fail(manifest, `parentRefs[${index}].sectionName is not a section name`);
  }
  const hostnames = spec['hostnames'];
  if (hostnames !== undefined) {
    if (!Array.isArray(hostnames) || hostnames.length > 16) fail(manifest, 'spec.hostnames: at most 16');
    for (const hostname of hostnames)
      if (!HOSTNAME.test(String(hostname))) fail(manifest, `hostname ${String(hostname)} is not valid`);
  }
  for (const [index, rule] of list(manifest, 'spec.rules', spec['rules'], 1, 16).entries()) {
    const where = `rules[${index}]`;
    only(manifest, where, rule, ['name', 'matches', 'filters', 'backendRefs', 'timeouts']);
    for (const match of list(manifest, `${where}.matches`, rule['matches'], 0, 64)) {
      only(manifest, `${where}.matches`, match, ['path', 'headers', 'queryParams', 'method']);
      const matchPath = match['path'];
      if (matchPath !== undefined) {
        if (!isRecord(matchPath)) fail(manifest, `${where}: path is an object`);
        if (!['Exact', 'PathPrefix', 'RegularExpression'].includes(String(matchPath['type'] ?? 'PathPrefix')))
          fail(manifest, `${where}: path.type must be Exact, PathPrefix or RegularExpression`);
        if (!String(matchPath['value'] ?? '/').startsWith('/'))
          fail(manifest, `${where}: path.value must start with /`);
      }
    }
    const filters = list(manifest, `${where}.filters`, rule['filters'], 0, 16);
    for (const filter of filters) {
      const types = [
        'RequestHeaderModifier',
        'ResponseHeaderModifier',
        'RequestMirror',
        'RequestRedirect',
        'URLRewrite',
        'ExtensionRef',
      ];
      if (!types.includes(String(filter['type'])))
        fail(manifest, `${where}: unknown filter ${String(filter['type'])}`);
      const redirect = filter['requestRedirect'];
      if (filter['type'] === 'RequestRedirect') {
        if (!isRecord(redirect)) fail(manifest, `${where}: RequestRedirect needs requestRedirect`);
        only(manifest, `${where}.requestRedirect`, redirect, [
          'scheme',
          'hostname',
          'path',
          'port',
          'statusCode',
        ]);
        if (redirect['scheme'] !== undefined && !['http', 'https'].includes(String(redirect['scheme'])))
          fail(manifest, `${where}: requestRedirect.scheme is http or https`);
        if (redirect['statusCode'] !== undefined && ![301, 302].includes(Number(redirect['statusCode'])))
          fail(manifest, `${where}: requestRedirect.statusCode is 301 or 302`);
      }
    }
    const backendRefs = list(manifest, `${where}.backendRefs`, rule['backendRefs'], 0, 16);
    // The CRD's rule: a redirect answers the request, so it cannot go to a backend as well.
    if (filters.some((filter) => filter['type'] === 'RequestRedirect') && backendRefs.length > 0)
      fail(manifest, `${where}: RequestRedirect and backendRefs cannot both be set`);
    for (const backend of backendRefs) {
      only(manifest, `${where}.backendRefs`, backend, [
        'group',
        'kind',
        'name',
        'namespace',
        'port',
        'weight',
        'filters',
      ]);
      if (typeof backend['name'] !== 'string') fail(manifest, `${where}: backendRefs[].name is required`);
      // The CRD's rule: a Service (the default kind) needs its port.
      if ((backend['kind'] ?? 'Service') === 'Service' && !Number.isInteger(backend['port']))
        fail(manifest, `${where}: a Service backendRef needs a port`);
    }
    const timeouts = rule['timeouts'];
    if (timeouts !== undefined) {
      if (!isRecord(timeouts)) fail(manifest, `${where}: timeouts is an object`);
      only(manifest, `${where}.timeouts`, timeouts, ['request', 'backendRequest']);
      for (const value of Object.values(timeouts))
        if (!GATEWAY_DURATION.test(String(value)))
          fail(manifest, `${where}: ${String(value)} is not a Gateway API duration`);
      if (
        timeouts['request'] !== undefined &&
        timeouts['backendRequest'] !== undefined &&
        milliseconds(String(timeouts['backendRequest'])) > milliseconds(String(timeouts['request']))
      )
        fail(manifest, `${where}: backendRequest cannot be longer than request`);
    }
  }
}

export function validateGateway(manifest: Manifest): void {
  const spec = manifest['spec'];
  if (!isRecord(spec)) fail(manifest, 'spec is required');
  only(manifest, 'spec', spec, ['gatewayClassName', 'listeners', 'addresses', 'infrastructure']);
  if (typeof spec['gatewayClassName'] !== 'string' || spec['gatewayClassName'] === '')
    fail(manifest, 'spec.gatewayClassName is required');
  const listeners = list(manifest, 'spec.listeners', spec['listeners'], 1, 64);
  if (new Set(listeners.map((listener) => listener['name'])).size !== listeners.length)
    fail(manifest, 'listener names must be unique');
  for (const listener of listeners) {
    only(manifest, 'listeners', listener, ['name', 'hostname', 'port', 'protocol', 'tls', 'allowedRoutes']);
    if (!SECTION_NAME.test(String(listener['name']))) fail(manifest, 'a listener needs a name');
    const port = Number(listener['port']);
    if (!Number.isInteger(port) || port < 1 || port > 65535) fail(manifest, 'a listener needs a port');
    const protocol = String(listener['protocol']);
    if (!/^(HTTP|HTTPS|TLS|TCP|UDP|[a-z0-9.-]+\/[A-Za-z0-9_-]+)$/.test(protocol))
      fail(manifest, `listener protocol ${protocol} is not valid`);
    if (listener['hostname'] !== undefined && !HOSTNAME.test(String(listener['hostname'])))
      fail(manifest, 'listener hostname is not valid');
    // The CRD's rules: tls with HTTPS and TLS, never with HTTP, TCP or UDP.
    if ((protocol === 'HTTPS') !== (listener['tls'] !== undefined) && protocol !== 'TLS')
      fail(manifest, `a ${protocol} listener ${protocol === 'HTTPS' ? 'needs' : 'takes no'} tls`);
    const from = (
      listener['allowedRoutes'] as { namespaces?: { from?: string; selector?: unknown } } | undefined
    )?.namespaces;
    if (from?.from !== undefined && !['All', 'Same', 'Selector'].includes(from.from))
      fail(manifest, 'allowedRoutes.namespaces.from is All, Same or Selector');
    if (from?.from === 'Selector' && !isRecord(from.selector))
      fail(manifest, 'allowedRoutes.namespaces.from: Selector needs a selector');
  }
}

// The Prometheus Operator's duration pattern (monitoringv1.Duration).
const PROMETHEUS_DURATION =
  /^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$/;

export function validatePrometheusRule(manifest: Manifest): void {
  const spec = manifest['spec'];
  if (!isRecord(spec)) fail(manifest, 'spec is required');
  only(manifest, 'spec', spec, ['groups']);
  const groups = list(manifest, 'spec.groups', spec['groups'], 1, Infinity);
  if (new Set(groups.map((group) => group['name'])).size !== groups.length)
    fail(manifest, 'group names must be unique');
  for (const group of groups) {
    only(manifest, 'groups', group, [
      'name',
      'interval',
      'rules',
      'limit',
      'partial_response_strategy',
      'query_offset',
      'labels',
    ]);
    if (typeof group['name'] !== 'string' || group['name'] === '') fail(manifest, 'a group needs a name');
    if (group['interval'] !== undefined && !PROMETHEUS_DURATION.test(String(group['interval'])))
      fail(manifest, `group ${group['name']}: interval is not a duration`);
    for (const rule of list(manifest, `group ${group['name']}.rules`, group['rules'], 0, Infinity)) {
      only(manifest, 'rules', rule, [
        'alert',
        'record',
        'expr',
        'for',
        'keep_firing_for',
        'labels',
        'annotations',
      ]);
      const name = String(rule['alert'] ?? rule['record']);
      // The operator's admission webhook: exactly one of alert and record; expr always.
      if ((rule['alert'] === undefined) === (rule['record'] === undefined))
        fail(manifest, `rule ${name}: exactly one of alert and record`);
      if (typeof rule['expr'] !== 'string' || rule['expr'].trim() === '')
        fail(manifest, `rule ${name}: expr is required`);
      for (const key of ['for', 'keep_firing_for'])
        if (rule[key] !== undefined && !PROMETHEUS_DURATION.test(String(rule[key])))
          fail(manifest, `rule ${name}: ${key} is not a duration`);
      for (const key of ['labels', 'annotations']) {
        const map = rule[key];
        if (
          map !== undefined &&
          (!isRecord(map) || Object.values(map).some((value) => typeof value !== 'string'))
        )
          fail(manifest, `rule ${name}: ${key} maps names to strings`);
      }
    }
  }
}
