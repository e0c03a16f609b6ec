import { z } from 'zod';

/**
 * One version of one integration event: its CloudEvents `type`, the topic it travels on and the
 * schema of its `data`, validated at runtime on the way in.
 */
export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly type: TType;
  /** Schema version of `data`; additive changes keep it, a breaking change is a new definition. */
  readonly version: number;
  readonly topic: string;
  /**
   * What happened, for consumers: the event's description in its JSON Schema and the AsyncAPI
   * document. Each field of `schema` has one too, as `.meta({ description })`.
   */
  readonly description: string;
  readonly schema: TSchema;
}

export function defineEvent<TType extends string, TSchema extends z.ZodType>(
  definition: EventDefinition<TType, TSchema>,
): EventDefinition<TType, TSchema> {
  return Object.freeze(definition);
}

/** The `data` of an event definition. */
export type EventData<TDefinition> =
  TDefinition extends EventDefinition<string, infer TSchema> ? z.infer<TSchema> : never;
