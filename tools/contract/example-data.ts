import { randomUUID } from 'node:crypto';
import type { z } from 'zod';

type JsonSchema = z.core.JSONSchema._JSONSchema;

/**
 * A value valid against an event's JSON Schema, with every property present, optional ones too: for
 * tests that need an event of each type without knowing its fields. Throws on what it cannot make
 * up (a pattern of its own), rather than guess.
 */
export function exampleOf(schema: JsonSchema): unknown {
  if (typeof schema === 'boolean') return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const [first] = schema.anyOf ?? schema.oneOf ?? [];
  if (first !== undefined) return exampleOf(first);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [name, exampleOf(property)]),
      );
    case 'array':
      return schema.items === undefined || Array.isArray(schema.items) ? [] : [exampleOf(schema.items)];
    case 'boolean':
      return true;
    case 'integer':
    case 'number':
      return (
        schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0)
      );
    case 'null':
      return null;
    case 'string':
      return exampleString(schema);
    default:
      throw new Error(`no example for ${JSON.stringify(schema)}`);
  }
}

function exampleString(schema: z.core.JSONSchema.JSONSchema): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'date-time':
      return new Date().toISOString();
    case 'email':
      return `${randomUUID()}@example.com`;
    case undefined:
      if (schema.pattern) throw new Error(`no example for the pattern ${schema.pattern}`);
      return 'x'.repeat(Math.max(schema.minLength ?? 0, 1));
    default:
      throw new Error(`no example for the format ${schema.format}`);
  }
}
