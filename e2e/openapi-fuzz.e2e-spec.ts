import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Platform, SERVICE_NAMES, type Employee, type ServiceName } from '@vouch/testing';

/**
 * Every endpoint of every service, as its OpenAPI document (docs/openapi/<service>.json) describes
 * it, fed requests generated from that document: valid-ish ones and deliberately broken ones (wrong
 * types, huge or control-character or odd-unicode text, missing and extra fields, forged cursors),
 * with an employee's and an admin's valid tokens so most get past the guards. Bad input is the
 * caller's fault: never a 5xx, and every 4xx is problem details.
 */

const SEED = 20261206;
/** Requests per endpoint: enough to reach every kind of mistake below, few enough for CI. */
const RUNS_PER_ENDPOINT = 150;
const CONCURRENCY = 4;

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

interface Endpoint {
  service: ServiceName;
  method: string;
  path: string;
  operation: Operation;
  document: OpenApiDocument;
}

interface FuzzRequest {
  token: 'employee' | 'admin';
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  body?: { contentType: string; text: string };
}

interface Failure {
  endpoint: string;
  status: number;
  contentType: string | null;
  request: string;
  answer: string;
}

const METHODS = new Set(['get', 'put', 'post', 'patch', 'delete']);

function endpoints(): Endpoint[] {
  const directory = join(__dirname, '..', 'docs', 'openapi');
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => {
      const service = file.replace(/\.json$/, '') as ServiceName;
      if (!SERVICE_NAMES.includes(service)) return [];
      const document = JSON.parse(readFileSync(join(directory, file), 'utf8')) as OpenApiDocument;
      return Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([method]) => METHODS.has(method))
          .map(([method, operation]) => ({
            service,
            method: method.toUpperCase(),
            path,
            operation,
            document,
          })),
      );
    });
}

function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop() ?? '';
    return resolve(document, document.components?.schemas?.[name]);
  }
  if (schema.allOf?.length) {
    return schema.allOf.reduce<Schema>((merged, part) => {
      const inner = resolve(document, part);
      return {
        ...merged,
        ...inner,
        properties: { ...merged.properties, ...inner.properties },
        required: [...(merged.required ?? []), ...(inner.required ?? [])],
      };
    }, {});
  }
  return schema;
}

/** Text people do not type, and that has broken services before: controls, odd unicode, the huge. */
const awkwardText: fc.Arbitrary<string> = fc.oneof(
  fc
    .string({
      unit: fc.constantFrom(
        '\u0000',
        '\r',
        '\n',
        '\t',
        '\u0007',
        '\u001b',
        '\u007f',
        '\u0085',
        '\u2028',
        '\u2029',
      ),
      minLength: 1,
      maxLength: 5,
    })
    .map((controls) => `Ana${controls}Lima`),
  fc.constantFrom(
    '\u202eevil\u202c',
    '\u200b',
    'Zoë 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍💻',
    'e\u0301\u0301\u0301',
    '\ud800',
    '\udfff lone',
    '%00',
    "'; DROP TABLE employee; --",
    '{{constructor}}',
    '../../etc/passwd',
    ' ',
    '',
  ),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('x'.repeat(1_001), 'x'.repeat(3_001), 'x'.repeat(20_000), 'x'.repeat(120_000)),
);

/** A cursor the API never handed out: well-formed base64url around odd JSON, or nothing like one. */
const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.oneof(
        fc.jsonValue(),
        awkwardText,
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      ),
      fc.oneof(fc.uuid(), awkwardText, fc.jsonValue()),
    )
    .map((position) => Buffer.from(JSON.stringify(position)).toString('base64url')),
  fc.jsonValue().map((value) => Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url')),
  awkwardText,
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, '', 'true', [], {}, [null], {
    nested: { deeper: [] },
  }),
  fc.jsonValue({ maxDepth: 2 }),
  awkwardText,
);

function validValue(
  document: OpenApiDocument,
  raw: Schema | undefined,
  ids: string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants?.length)
    return fc.oneof(...variants.map((variant) => validValue(document, variant, ids, depth)));
  let value: fc.Arbitrary<unknown>;
  if (schema.enum?.length) value = fc.constantFrom(...schema.enum);
  else if (schema.type === 'string') value = validText(schema, ids);
  else if (schema.type === 'integer')
    value = fc.integer({ min: schema.minimum ?? -1_000, max: schema.maximum ?? 1_000 });
  else if (schema.type === 'number')
    value = fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
  else if (schema.type === 'boolean') value = fc.boolean();
  else if (schema.type === 'array')
    value =
      depth > 3
        ? fc.constant([])
        : fc.array(validValue(document, schema.items, ids, depth + 1), {
            maxLength: Math.min(schema.maxItems ?? 3, 3),
          });
  else if (schema.properties && depth <= 3) {
    const shape = Object.fromEntries(
      Object.entries(schema.properties).map(([key, inner]) => [
        key,
        /email/i.test(key) && resolve(document, inner).type === 'string'
          ? validText({ format: 'email' }, ids)
          : validValue(document, inner, ids, depth + 1),
      ]),
    );
    value = fc.record(shape, { requiredKeys: (schema.required ?? []).filter((key) => key in shape) });
  } else value = fc.oneof(fc.string({ maxLength: 10 }), fc.constant({}));
  return schema.nullable ? fc.option(value, { nil: null, freq: 5 }) : value;
}

function validText(schema: Schema, ids: string[]): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof(fc.constantFrom(...ids), fc.uuid());
  if (schema.format === 'email') return fc.uuid().map((id) => `${id.slice(0, 8)}@acme.com`);
  if (schema.format === 'date-time')
    return fc
      .date({ noInvalidDate: true, min: new Date(0), max: new Date(4e12) })
      .map((d) => d.toISOString());
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 60));
  return fc.string({ minLength, maxLength });
}

/** A value of the schema, or one broken in one of the ways a careless or hostile client breaks it. */
function anyValue(document: OpenApiDocument, raw: Schema | undefined, ids: string[]): fc.Arbitrary<unknown> {
  const schema = resolve(document, raw);
  const valid = validValue(document, schema, ids);
  if (!schema.properties)
    return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: wrongType });
  const keys = Object.keys(schema.properties);
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    {
      // One field of the wrong type, or awkward text.
      weight: 3,
      arbitrary: fc
        .tuple(valid, fc.constantFrom(...keys), wrongType)
        .map(([object, key, value]) => ({ ...(object as object), [key]: value })),
    },
    {
      // A field left out.
      weight: 1,
      arbitrary: fc.tuple(valid, fc.constantFrom(...keys)).map(([object, key]) => {
        const copy = { ...(object as Record<string, unknown>) };
        delete copy[key];
        return copy;
      }),
    },
    {
      // A field nobody asked for.
      weight: 1,
      arbitrary: fc
        .tuple(
          valid,
          fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'roles'),
          fc.jsonValue({ maxDepth: 1 }),
        )
        .map(([object, key, value]) => ({ ...(object as object), [key]: value })),
    },
    { weight: 1, arbitrary: wrongType },
  );
}

function requestsFor(endpoint: Endpoint, ids: string[]): fc.Arbitrary<FuzzRequest> {
  const { document, operation } = endpoint;
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  const headerParameters = parameters.filter((parameter) => parameter.in === 'header');

  const pathArbitrary = fc
    .tuple(
      ...pathParameters.map(() =>
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...ids) },
          { weight: 1, arbitrary: fc.uuid() },
          { weight: 2, arbitrary: awkwardText },
        ),
      ),
    )
    .map((values) =>
      pathParameters.reduce(
        (path, parameter, index) => path.replace(`{${parameter.name}}`, percentEncoded(values[index] ?? '')),
        endpoint.path,
      ),
    );

  const queryArbitrary = fc
    .tuple(
      ...queryParameters.map((parameter) => {
        const valid =
          parameter.name === 'cursor'
            ? forgedCursor
            : validValue(document, parameter.schema, ids).map((value) => String(value));
        return fc.oneof(
          { weight: parameter.required ? 1 : 3, arbitrary: fc.constant(undefined) },
          { weight: 4, arbitrary: valid },
          { weight: 2, arbitrary: awkwardText },
          { weight: 1, arbitrary: fc.array(awkwardText, { minLength: 2, maxLength: 2 }) },
        );
      }),
    )
    .map((values) =>
      queryParameters.flatMap((parameter, index): Array<[string, string]> => {
        const value = values[index];
        if (value === undefined) return [];
        return (Array.isArray(value) ? value : [value]).map((one): [string, string] => [
          parameter.name,
          String(one),
        ]);
      }),
    );

  const headerArbitrary = fc
    .tuple(
      ...headerParameters.map(() =>
        fc.option(fc.constantFrom('XMLHttpRequest', 'fetch', ''), { nil: undefined }),
      ),
    )
    .map((values) =>
      Object.fromEntries(
        headerParameters.flatMap((parameter, index) =>
          values[index] === undefined ? [] : [[parameter.name, String(values[index])]],
        ),
      ),
    );

  const content = operation.requestBody?.content ?? {};
  const json = content['application/json'];
  const otherType = Object.keys(content).find((type) => type !== 'application/json');
  const bodyArbitrary: fc.Arbitrary<FuzzRequest['body']> = json
    ? fc.oneof(
        { weight: 8, arbitrary: anyValue(document, json.schema, ids).map((value) => jsonBody(value)) },
        {
          weight: 1,
          arbitrary: fc
            .constantFrom('{"unterminated":', '[1,2', 'null', '"text"', '{"a":1}{"b":2}')
            .map((text) => ({ contentType: 'application/json', text })),
        },
        { weight: 1, arbitrary: awkwardText.map((text) => ({ contentType: 'text/plain', text })) },
      )
    : otherType
      ? fc.oneof(
          {
            weight: 3,
            arbitrary: fc
              .array(fc.array(awkwardText, { minLength: 1, maxLength: 4 }), { maxLength: 4 })
              .map((rows) => ({
                contentType: otherType,
                text: ['email,name,title', ...rows.map((row) => row.join(','))].join('\n'),
              })),
          },
          { weight: 1, arbitrary: anyValue(document, undefined, ids).map((value) => jsonBody(value)) },
        )
      : fc.oneof(
          { weight: 4, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: wrongType.map((value) => jsonBody(value)) },
        );

  return fc.record({
    token: fc.constantFrom<'employee' | 'admin'>('employee', 'admin'),
    path: pathArbitrary,
    query: queryArbitrary,
    headers: headerArbitrary,
    body: bodyArbitrary,
  });
}

function jsonBody(value: unknown): FuzzRequest['body'] {
  return { contentType: 'application/json', text: JSON.stringify(value) ?? 'null' };
}

/** Every byte percent-encoded: lone surrogates and all, which encodeURIComponent refuses. */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

function queryString(query: Array<[string, string]>): string {
  if (query.length === 0) return '';
  return `?${query.map(([name, value]) => `${name}=${percentEncoded(value)}`).join('&')}`;
}

/** What the problem-details rule allows: 4xx as application/problem+json. */
function isProblem(contentType: string | null): boolean {
  return (contentType ?? '').split(';')[0]?.trim() === 'application/problem+json';
}

async function inBatches<T>(items: T[], size: number, each: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size)
    await Promise.all(items.slice(start, start + size).map(each));
}

describe('every endpoint, fuzzed from its OpenAPI document', () => {
  let platform: Platform;
  let employee: Employee;
  let admin: Employee;
  /** Ids the fuzzer may put in paths and bodies: real bystanders and unknown ones, never the callers. */
  let ids: string[];

  beforeAll(async () => {
    platform = await Platform.start('e2e_openapi_fuzz', SERVICE_NAMES);
    admin = await platform.admin();
    employee = await platform.register('Ana Lima');
    const bystanders = await Promise.all(
      ['Ben Okafor', 'Cy Park'].map((name) => platform.register(name, { manager: employee })),
    );
    await platform.connect(employee, bystanders[0] as Employee);
    ids = [...bystanders.map((bystander) => bystander.id), '00000000-0000-0000-0000-000000000000'];
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('never answers 5xx, and answers every 4xx as problem details, to requests made from each OpenAPI document', async () => {
    const all = endpoints();
    expect(new Set(all.map((endpoint) => endpoint.service))).toEqual(new Set(SERVICE_NAMES));
    const failures: Failure[] = [];
    let sent = 0;
    let pastTheGuards = 0;

    for (const [index, endpoint] of all.entries()) {
      const requests = fc.sample(requestsFor(endpoint, ids), {
        seed: SEED + index,
        numRuns: RUNS_PER_ENDPOINT,
      });
      await inBatches(requests, CONCURRENCY, async (request) => {
        // A real import may deactivate whoever its file leaves out, the callers included: only dry runs.
        const query =
          endpoint.path === '/v1/admin/people-import'
            ? [...request.query.filter(([name]) => name !== 'dryRun'), ['dryRun', 'true'] as [string, string]]
            : request.query;
        const url = `${platform.service(endpoint.service).baseUrl}${request.path}${queryString(query)}`;
        const token = request.token === 'admin' ? admin.token : employee.token;
        const body = endpoint.method === 'GET' ? undefined : request.body;
        const response = await fetch(url, {
          method: endpoint.method,
          headers: {
            authorization: `Bearer ${token}`,
            ...request.headers,
            ...(body ? { 'content-type': body.contentType } : {}),
          },
          body: body?.text,
          redirect: 'manual',
        });
        const text = await response.text();
        sent += 1;
        if (response.status !== 401 && response.status !== 403) pastTheGuards += 1;
        const contentType = response.headers.get('content-type');
        if (response.status >= 500 || (response.status >= 400 && !isProblem(contentType))) {
          failures.push({
            endpoint: `${endpoint.method} ${endpoint.service} ${endpoint.path}`,
            status: response.status,
            contentType,
            request: `${request.token} ${request.path}${queryString(query)} ${body?.contentType ?? ''} ${(body?.text ?? '').slice(0, 300)}`,
            answer: text.slice(0, 300),
          });
        }
      });
    }

    // One example per endpoint and status: the same fault repeats for many generated requests.
    const examples = Object.fromEntries(
      failures.map((failure) => [`${failure.endpoint} → ${failure.status}`, failure]),
    );
    expect(examples).toEqual({});
    expect(sent).toBe(all.length * RUNS_PER_ENDPOINT);
    expect(pastTheGuards / sent).toBeGreaterThan(0.5);
    // The callers are still who they were: the run proved nothing if it locked them out half-way.
    await platform.expectCall(200, 'identity', 'GET', '/v1/employees/me', { token: employee.token });
    await platform.expectCall(200, 'identity', 'GET', '/v1/admin/audit-log', { token: admin.token });
  });
});
