import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, isRecord, readRepoFile, readYamlDocuments } from './platform-services';

/** Series Prometheus itself records for every scrape target. */
const PROMETHEUS_SERIES = ['up'];
/** PromQL words that are not series: aggregations' clauses and set operators. */
const PROMQL_KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
]);
const HISTOGRAM_SERIES = /_(bucket|sum|count)$/;

function sourceFiles(directory: string, extension: RegExp): string[] {
  return readdirSync(path.join(REPO_ROOT, directory), { recursive: true, encoding: 'utf8' })
    .filter(
      (file) =>
        extension.test(file) &&
        !/\.(spec|int-spec|e2e-spec)\.ts$/.test(file) &&
        !file.includes('node_modules'),
    )
    .map((file) => path.join(REPO_ROOT, directory, file));
}

/**
 * Metric names the code registers: `name: '…'` of the prom-client metrics in libs and services, and
 * prom-client's default metrics (collectDefaultMetrics, libs/platform ServiceMetrics).
 */
function definedMetrics(): Set<string> {
  const ours = [...sourceFiles('libs', /\.ts$/), ...sourceFiles('services', /\.ts$/)].flatMap((file) => {
    const source = readFileSync(file, 'utf8');
    if (!source.includes('prom-client')) return [];
    return [...source.matchAll(/\bname: '([a-zA-Z_:][a-zA-Z0-9_:]*)'/g)].map((match) => match[1] ?? '');
  });
  const defaults = sourceFiles('node_modules/prom-client/lib/metrics', /\.js$/).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/= '((?:process|nodejs)_[a-z0-9_]+)'/g)].map(
      (match) => match[1] ?? '',
    ),
  );
  return new Set([...ours, ...defaults, ...PROMETHEUS_SERIES]);
}

/** The series a PromQL expression reads: what is left once labels, ranges, clauses and functions are gone. */
function seriesOf(expression: string): string[] {
  const bare = expression
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  return [...bare.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)\b(\s*\()?/g)]
    .filter(([, name, call]) => !call && name && !PROMQL_KEYWORDS.has(name) && !/^\d/.test(name))
    .map(([, name]) => name ?? '');
}

function undefinedSeries(expressions: string[]): string[] {
  const defined = definedMetrics();
  const used = new Set(expressions.flatMap(seriesOf));
  return [...used].filter(
    (series) => !defined.has(series) && !defined.has(series.replace(HISTOGRAM_SERIES, '')),
  );
}

/** Every `expr` of the dashboard's panels, and its variables' queries. */
function dashboardExpressions(): string[] {
  const dashboard: unknown = JSON.parse(readRepoFile('infra/grafana/vouch-dashboard.json'));
  const expressions: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'expr' && typeof item === 'string') expressions.push(item);
        else if (key === 'query' && typeof item === 'string' && item.startsWith('label_values(')) {
          expressions.push(item.replace(/^label_values\(([^,]+),.*$/, '$1'));
        } else visit(item);
      }
    }
  };
  visit(dashboard);
  return expressions;
}

function alertRules(): Array<Record<string, unknown>> {
  const [rules] = readYamlDocuments('infra/prometheus/alerts.yml');
  if (!isRecord(rules) || !Array.isArray(rules['groups'])) throw new Error('alerts.yml has no groups');
  return rules['groups']
    .filter(isRecord)
    .flatMap((group) => (Array.isArray(group['rules']) ? group['rules'].filter(isRecord) : []));
}

describe('Grafana dashboard', () => {
  it('charts only metrics the services export', () => {
    const expressions = dashboardExpressions();
    expect(expressions.length).toBeGreaterThan(10);
    expect(undefinedSeries(expressions)).toEqual([]);
  });

  it('reads the series of the event backbone and the emails, not only HTTP', () => {
    const used = new Set(dashboardExpressions().flatMap(seriesOf));
    for (const series of [
      'messaging_outbox_unpublished',
      'messaging_outbox_oldest_unpublished_age_seconds',
      'messaging_consumer_lag',
      'messaging_dead_letters_total',
      'notifications_deliveries_pending',
      'notifications_emails_sent_total',
      'notifications_emails_failed_total',
      'notifications_smtp_send_duration_seconds_bucket',
    ]) {
      expect(used).toContain(series);
    }
  });
});

describe('Prometheus alerts', () => {
  it('alert only on metrics the services export', () => {
    expect(undefinedSeries(alertRules().map((rule) => String(rule['expr'])))).toEqual([]);
  });

  it('have a severity, a summary and a section of docs/operations.md each', () => {
    const operations = readRepoFile('docs/operations.md');
    for (const rule of alertRules()) {
      const name = String(rule['alert']);
      expect({ [name]: rule['labels'] }).toEqual({
        [name]: { severity: expect.stringMatching(/^(critical|warning)$/) },
      });
      expect(rule['annotations']).toMatchObject({
        summary: expect.any(String),
        description: expect.any(String),
        runbook_url: `docs/operations.md#${name.toLowerCase()}`,
      });
      expect(operations).toMatch(new RegExp(`^#### ${name}$`, 'm'));
    }
  });
});
