import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { InvalidFieldsException } from '@vouch/platform';
import {
  EmailDomainNotAllowedError,
  EmailTakenError,
  EmployeeNotFoundError,
  InvalidProfileError,
  OrgChartCycleError,
  UnknownManagerError,
} from '../../employees/domain/employee.errors';
import {
  InvalidScimRequestError,
  ScimGroupNotFoundError,
  ScimUniquenessError,
  ScimUserNotFoundError,
  type ScimType,
} from '../domain/scim.errors';
import { ScimSchemas } from '../domain/scim-schemas';
import { ScimUnauthorizedError } from './scim-token.guard';

export const SCIM_CONTENT_TYPE = 'application/scim+json';

interface ScimErrorAnswer {
  status: number;
  scimType?: ScimType;
  detail: string;
}

/**
 * SCIM routes answer errors in SCIM's error schema (RFC 7644 §3.12), not problem+json: the
 * identity providers read `status` and `scimType`. Bad input is a 4xx, never a 500.
 */
@Catch()
export class ScimErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ScimErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const { status, scimType, detail } = this.answerOf(exception);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const headers: Record<string, string> = { 'content-type': SCIM_CONTENT_TYPE };
    if (status === 401) headers['www-authenticate'] = 'Bearer realm="scim"';
    void reply
      .status(status)
      .headers(headers)
      .send(JSON.stringify({ schemas: [ScimSchemas.error], status: String(status), scimType, detail }));
  }

  private answerOf(exception: unknown): ScimErrorAnswer {
    if (exception instanceof InvalidScimRequestError)
      return { status: 400, scimType: exception.scimType, detail: exception.message };
    if (exception instanceof ScimUniquenessError || exception instanceof EmailTakenError)
      return { status: 409, scimType: 'uniqueness', detail: exception.message };
    if (
      exception instanceof ScimUserNotFoundError ||
      exception instanceof ScimGroupNotFoundError ||
      exception instanceof EmployeeNotFoundError
    )
      return { status: 404, detail: exception.message };
    if (
      exception instanceof UnknownManagerError ||
      exception instanceof EmailDomainNotAllowedError ||
      exception instanceof OrgChartCycleError ||
      exception instanceof InvalidProfileError ||
      exception instanceof InvalidFieldsException
    )
      return { status: 400, scimType: 'invalidValue', detail: exception.message };
    if (exception instanceof ScimUnauthorizedError) return { status: 401, detail: exception.message };
    if (exception instanceof HttpException)
      return { status: exception.getStatus(), detail: exception.message };
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return { status: 500, detail: 'something went wrong on our side' };
  }
}
