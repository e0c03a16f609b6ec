import {
  BadRequestException,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  ValidationPipe,
  type ArgumentMetadata,
  type ArgumentsHost,
  type ExceptionFilter,
  type ValidationError,
} from '@nestjs/common';
import type { OpenAPIObject, ResponseObject } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { isDatabaseTimeout } from '@vouch/persistence';
import { operationsOf } from './openapi-operations';

/** One invalid field of a request. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as every Vouch error response is shaped. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

/** How one domain error type is answered over HTTP. */
export interface ErrorMapping {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- error classes take any constructor arguments
  error: abstract new (...args: any[]) => Error;
  status: HttpStatus;
  /** Short, stable summary of the problem type; the error's message becomes the detail. */
  title: string;
  /** Extra headers for this answer, e.g. Retry-After. */
  headers?: (error: Error) => Record<string, string>;
}

const problemType = (status: number) => `https://httpstatuses.io/${status}`;

/** A request cut short by a database time limit may well succeed a moment later. */
const DATABASE_TIMEOUT_RETRY_AFTER_SECONDS = 1;

/** The 503 the filter answers when a database time limit (DATABASE_*_TIMEOUT_MS) cuts a request short. */
const DATABASE_TIMEOUT_RESPONSE: ResponseObject = {
  description:
    'the database did not answer in time (a time limit was reached): problem details; try again after Retry-After',
  headers: {
    'Retry-After': {
      required: true,
      description: 'seconds to wait before trying again',
      schema: { type: 'integer', example: DATABASE_TIMEOUT_RETRY_AFTER_SECONDS },
    },
  },
};

/**
 * Declares the database time limit's 503 on every operation of a service's OpenAPI document, as
 * one shared response: any operation that reads or writes the database can answer it.
 */
export function declareDatabaseTimeouts(document: OpenAPIObject): void {
  document.components = {
    ...document.components,
    responses: { ...document.components?.responses, DatabaseTimeout: DATABASE_TIMEOUT_RESPONSE },
  };
  for (const operation of operationsOf(document))
    operation.responses['503'] ??= { $ref: '#/components/responses/DatabaseTimeout' };
}

/** A 400 whose body lists each invalid field. */
export class InvalidFieldsException extends BadRequestException {
  constructor(readonly fieldErrors: FieldError[]) {
    super('the request has invalid fields');
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** The fields under `value` whose text holds U+0000, which PostgreSQL's text cannot store. */
function nulCharacterFields(value: unknown, field: string): FieldError[] {
  if (typeof value === 'string')
    return value.includes('\u0000')
      ? [{ field, message: `${field} must not contain the NUL character` }]
      : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    nulCharacterFields(inner, field ? `${field}.${key}` : key),
  );
}

/** A UTF-16 surrogate without its pair: text no client encodes on purpose, and that some validators throw on. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The fields under `value` whose text is not well-formed Unicode (a lone surrogate). */
function illFormedTextFields(value: unknown, field: string): FieldError[] {
  if (typeof value === 'string')
    return LONE_SURROGATE.test(value)
      ? [{ field, message: `${field} must be well-formed Unicode text` }]
      : [];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    illFormedTextFields(inner, field ? `${field}.${key}` : key),
  );
}

/**
 * Validates bodies, queries and parameters against their DTOs; unknown fields are rejected, not
 * ignored, and so is text with a NUL character, which would otherwise fail at the database as a 500.
 */
class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new InvalidFieldsException(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Before validation: class-validator's isEmail throws on a lone surrogate, which would be a 500.
    const illFormed = metadata.type === 'custom' ? [] : illFormedTextFields(value, metadata.data ?? '');
    if (illFormed.length > 0) throw new InvalidFieldsException(illFormed);
    const valid: unknown = await super.transform(value, metadata);
    if (metadata.type === 'custom') return valid;
    // `@Query('q')` or `@Param('id')` names its one field; a whole body or query names none.
    const nulFields = nulCharacterFields(valid, metadata.data ?? '');
    if (nulFields.length > 0) throw new InvalidFieldsException(nulFields);
    return valid;
  }
}

export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe();
}

/**
 * The one place errors become HTTP answers: domain errors by their mapping, Nest's HTTP exceptions
 * by their status, anything else as a 500 that is logged here and never shows a stack trace.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  constructor(private readonly mappings: ErrorMapping[]) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { problem, headers } = this.toProblem(exception);
    void reply
      .status(problem.status)
      .headers({ ...headers, 'content-type': 'application/problem+json' })
      .send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown): { problem: ProblemDetails; headers: Record<string, string> } {
    const expected = this.expectedAnswer(exception);
    if (expected) return expected;
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    if (isDatabaseTimeout(exception)) {
      // A statement cut by its session's time limits (DATABASE_*_TIMEOUT_MS): nothing wrong with
      // the request, which may well succeed once whatever held the database up is gone.
      return {
        problem: {
          type: problemType(503),
          title: 'Service unavailable',
          status: 503,
          detail: 'the database did not answer in time; try again',
        },
        headers: { 'Retry-After': String(DATABASE_TIMEOUT_RETRY_AFTER_SECONDS) },
      };
    }
    return {
      problem: {
        type: problemType(500),
        title: 'Internal server error',
        status: 500,
        detail: 'something went wrong on our side',
      },
      headers: {},
    };
  }

  /**
   * The answer to an error the service expects (a domain error, invalid input, Nest's HTTP
   * exceptions), as `catch` sends it; undefined for anything else, which is a fault (500).
   */
  expectedAnswer(
    exception: unknown,
  ): { problem: ProblemDetails; headers: Record<string, string> } | undefined {
    const mapping = this.mappings.find((candidate) => exception instanceof candidate.error);
    if (mapping && exception instanceof Error) {
      return {
        problem: {
          type: problemType(mapping.status),
          title: mapping.title,
          status: mapping.status,
          detail: exception.message,
        },
        headers: mapping.headers?.(exception) ?? {},
      };
    }
    if (exception instanceof InvalidFieldsException) {
      return {
        problem: {
          type: problemType(400),
          title: 'Invalid request',
          status: 400,
          detail: exception.message,
          errors: exception.fieldErrors,
        },
        headers: {},
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      const detail =
        typeof body === 'string'
          ? body
          : String((body as { message?: unknown }).message ?? exception.message);
      return {
        problem: { type: problemType(status), title: HttpStatus[status] ?? 'Error', status, detail },
        headers: {},
      };
    }
    return undefined;
  }
}
