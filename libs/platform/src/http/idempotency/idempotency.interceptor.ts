import {
  applyDecorators,
  createParamDecorator,
  Inject,
  Injectable,
  UnauthorizedException,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import {
  ApiHeader,
  ApiUnprocessableEntityResponse,
  type HeaderObject,
  type OpenAPIObject,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { withAmbientTransaction } from '@vouch/persistence';
import { operationsOf } from '../openapi-operations';
import { InvalidFieldsException, ProblemDetailsFilter } from '../problem-details';
import {
  decideIdempotentRequest,
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKeyInFlightError,
  IdempotencyKeyReusedError,
  isRememberedStatus,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  parseIdempotencyKey,
  REMEMBERED_HEADERS,
  REPLAYED_HEADER,
  requestFingerprint,
  type RememberedAnswer,
} from './idempotency-key';
import { IdempotencyKeyStore, type IdempotencyKeyScope } from './idempotency-key.store';

/** How long a key is kept: IDEMPOTENCY_KEY_TTL_HOURS. */
export const IDEMPOTENCY_SETTINGS = Symbol('IDEMPOTENCY_SETTINGS');
export interface IdempotencySettings {
  ttlHours: number;
}

const transactionOfRequest = Symbol('idempotentTransaction');

interface IdempotentRequest extends FastifyRequest {
  employee?: { id: string };
  [transactionOfRequest]?: EntityManager;
}

/** Rolls back what the request wrote and keeps the lock, so its 4xx can be remembered. */
const SAVEPOINT = 'idempotent_request';

/**
 * `Idempotency-Key` on a route that creates something (draft-ietf-httpapi-idempotency-key-header).
 * Without the header the request runs as it always did. With one, the request runs in a
 * transaction that first claims the key (a transaction-scoped advisory lock: a concurrent request
 * with the same key gets 409 at once), and its answer is kept in that same transaction, with what
 * the request created: a crash before the commit leaves neither, and the retry runs again; after
 * it, both, and the retry gets the same answer (`Idempotent-Replayed: true`). The handler must do
 * its writes in that transaction: a unit of work joins it (it is the ambient transaction), or the
 * handler takes it from `@IdempotentTransaction()`.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: IdempotencyKeyStore,
    private readonly problems: ProblemDetailsFilter,
    @Inject(IDEMPOTENCY_SETTINGS) private readonly settings: IdempotencySettings,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const parsed = parseIdempotencyKey(request.headers['idempotency-key']);
    if (parsed.kind === 'absent') return next.handle();
    if (parsed.kind === 'invalid')
      throw new InvalidFieldsException([{ field: IDEMPOTENCY_KEY_HEADER, message: parsed.message }]);
    const employee = request.employee;
    if (!employee) throw new UnauthorizedException('a bearer access token is required');
    const scope: IdempotencyKeyScope = {
      employeeId: employee.id,
      route: `${request.method} ${request.routeOptions.url ?? request.url}`,
      key: parsed.key,
    };
    return from(this.handle(scope, requestFingerprint(request.body), request, reply, next));
  }

  private async handle(
    scope: IdempotencyKeyScope,
    fingerprint: string,
    request: IdempotentRequest,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const claimed = await this.store.claim(runner.manager, scope);
      const { used, now } = claimed
        ? await this.store.find(runner.manager, scope)
        : { used: null, now: new Date() };
      const decision = decideIdempotentRequest({ claimed, used, fingerprint, now });
      if (decision.kind === 'in-flight') throw new IdempotencyKeyInFlightError();
      if (decision.kind === 'reused') throw new IdempotencyKeyReusedError();
      if (decision.kind === 'replay') return replay(decision.answer, reply);
      return await this.run(runner, scope, fingerprint, request, reply, next);
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  private async run(
    runner: QueryRunner,
    scope: IdempotencyKeyScope,
    fingerprint: string,
    request: IdempotentRequest,
    reply: FastifyReply,
    next: CallHandler,
  ): Promise<unknown> {
    await runner.query(`SAVEPOINT ${SAVEPOINT}`);
    request[transactionOfRequest] = runner.manager;
    let body: unknown;
    try {
      // Ambient for the use cases' unit of work, and by the request for `@IdempotentTransaction()`.
      body = await withAmbientTransaction(runner.manager, () =>
        lastValueFrom(next.handle(), { defaultValue: undefined }),
      );
    } catch (error) {
      // Not kept if keeping it fails: the transaction rolls back, and a retry runs again.
      await this.rememberRefusal(runner, scope, fingerprint, error).catch(() => undefined);
      throw error;
    } finally {
      delete request[transactionOfRequest];
    }
    if (isRememberedStatus(reply.statusCode)) {
      const answer: RememberedAnswer = {
        status: reply.statusCode,
        headers: rememberedHeaders(reply, body),
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
      };
      await this.store.remember(runner.manager, scope, fingerprint, answer, this.ttlSeconds());
    }
    await runner.commitTransaction();
    return body;
  }

  /**
   * A client error is kept as the filter answers it, once what the request wrote is undone; a
   * fault (5xx) or a 429 is not, and the whole transaction rolls back: the key is free again.
   */
  private async rememberRefusal(
    runner: QueryRunner,
    scope: IdempotencyKeyScope,
    fingerprint: string,
    error: unknown,
  ): Promise<void> {
    const expected = this.problems.expectedAnswer(error);
    if (!expected || !isRememberedStatus(expected.problem.status)) return;
    await runner.query(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`);
    const answer: RememberedAnswer = {
      status: expected.problem.status,
      headers: { ...expected.headers, 'content-type': 'application/problem+json' },
      body: JSON.stringify(expected.problem),
    };
    await this.store.remember(runner.manager, scope, fingerprint, answer, this.ttlSeconds());
    await runner.commitTransaction();
  }

  private ttlSeconds(): number {
    return this.settings.ttlHours * 3600;
  }
}

function rememberedHeaders(reply: FastifyReply, body: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of REMEMBERED_HEADERS) {
    const value = reply.getHeader(name);
    if (value !== undefined) headers[name] = String(value);
  }
  // Set by Fastify only once it serialises the body, after this: as it will set it.
  if (!headers['content-type'] && body !== undefined && typeof body !== 'string')
    headers['content-type'] = 'application/json; charset=utf-8';
  return headers;
}

function replay(answer: RememberedAnswer, reply: FastifyReply): string | undefined {
  void reply.status(answer.status);
  for (const [name, value] of Object.entries(answer.headers)) void reply.header(name, value);
  void reply.header(REPLAYED_HEADER, 'true');
  return answer.body ?? undefined;
}

/**
 * The transaction an `@Idempotent()` route's writes must be made in when the request has a key
 * (undefined without one: the use case then opens its own), so its answer commits with them.
 */
export const IdempotentTransaction = createParamDecorator(
  (_data: unknown, context: ExecutionContext): EntityManager | undefined =>
    context.switchToHttp().getRequest<IdempotentRequest>()[transactionOfRequest],
);

/**
 * A route that creates something takes `Idempotency-Key`. After `@Authenticated()`: keys belong to
 * the signed-in employee. The route's own 400 and 409 descriptions should name the key's.
 */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description:
        'Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): a retry with the same key ' +
        'and body gets the first answer again, marked `Idempotent-Replayed: true`, and creates ' +
        'nothing more. A quoted string or a bare value, 1 to 255 visible ASCII characters (a UUID); ' +
        'kept per employee and route for IDEMPOTENCY_KEY_TTL_HOURS (24).',
      schema: { type: 'string', minLength: 1, maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
    }),
    ApiUnprocessableEntityResponse({
      description: 'the Idempotency-Key was used with another request body',
    }),
  );

/**
 * `Idempotent-Replayed` as the OpenAPI documents declare it on each answer that can carry it: in
 * place, not by reference, as the portal's generated types take a referenced header as always sent.
 */
const REPLAYED_HEADER_OBJECT: HeaderObject = {
  description:
    '`true` when this is the first answer again, replayed to a retry with the same Idempotency-Key and body; absent otherwise',
  schema: { type: 'string', enum: ['true'] },
};

/**
 * Whether a declared answer of an `@Idempotent()` route can be a replay: a status kept with a key,
 * but not one given before the request runs (401: authentication comes first) or instead of it
 * (422: the key was used with another body).
 */
const canBeReplayed = (status: number) => isRememberedStatus(status) && status !== 401 && status !== 422;

/**
 * Declares `Idempotent-Replayed` on the answers that can be replays of every operation that takes
 * Idempotency-Key. On the built document: a route's response decorators are applied after
 * `@Idempotent()`, which cannot add headers to them.
 */
export function declareIdempotentReplays(document: OpenAPIObject): void {
  const takingKeys = operationsOf(document).filter((operation) =>
    operation.parameters?.some(
      (parameter) =>
        'name' in parameter && parameter.in === 'header' && parameter.name === IDEMPOTENCY_KEY_HEADER,
    ),
  );
  for (const operation of takingKeys) {
    for (const [status, response] of Object.entries(operation.responses)) {
      if (!response || '$ref' in response || !canBeReplayed(Number(status))) continue;
      response.headers = { ...response.headers, [REPLAYED_HEADER]: REPLAYED_HEADER_OBJECT };
    }
  }
}
