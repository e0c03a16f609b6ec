import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import type { ConnectionRequestView, Page } from '@vouch/contracts';
import { Idempotent } from '@vouch/platform';
import { AnswerConnectionRequest } from '../application/answer-connection-request.use-case';
import { ListConnectionRequests } from '../application/list-connection-requests.query';
import { RequestConnection } from '../application/request-connection.use-case';
import { WithdrawConnectionRequest } from '../application/withdraw-connection-request.use-case';
import {
  ConnectionRequestDto,
  ConnectionRequestPageDto,
  CreateConnectionRequestBody,
  ListConnectionRequestsParams,
} from './connection.dtos';

const NOT_YOURS = 'no such request, or it is not yours to act on: existence is private, so both answer 404';

@ApiTags('connection requests')
@Authenticated()
@Controller('v1/connection-requests')
export class ConnectionRequestsController {
  constructor(
    private readonly requestConnection: RequestConnection,
    private readonly answerRequest: AnswerConnectionRequest,
    private readonly withdrawRequest: WithdrawConnectionRequest,
    private readonly listRequests: ListConnectionRequests,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Ask an employee to connect; accepts their request if they asked first' })
  @ApiCreatedResponse({ type: ConnectionRequestDto, description: 'a new pending request' })
  @ApiOkResponse({ type: ConnectionRequestDto, description: 'they had asked me first: now connected' })
  @ApiBadRequestResponse({ description: 'invalid fields or Idempotency-Key, or a request to oneself' })
  @ApiForbiddenResponse({ description: 'the caller is not an active employee' })
  @ApiNotFoundResponse({ description: 'no active employee with this id' })
  @ApiConflictResponse({
    description:
      'already connected, or a request is already pending, or a request with this Idempotency-Key is still running',
  })
  @Idempotent()
  async create(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Body() body: CreateConnectionRequestBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ConnectionRequestView> {
    const result = await this.requestConnection.execute({
      requesterId: employee.id,
      addresseeId: body.toEmployeeId,
      message: body.message ?? null,
    });
    void reply.status(result.outcome === 'accepted' ? HttpStatus.OK : HttpStatus.CREATED);
    return result.request;
  }

  @Get()
  @ApiOperation({ summary: 'My pending requests, received (incoming) or sent (outgoing), newest first' })
  @ApiOkResponse({ type: ConnectionRequestPageDto })
  list(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Query() query: ListConnectionRequestsParams,
  ): Promise<Page<ConnectionRequestView>> {
    return this.listRequests.execute({
      employeeId: employee.id,
      direction: query.direction,
      limit: query.limit,
      cursor: query.cursor,
    });
  }

  @Post(':id/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Accept a request I received (the addressee only)' })
  @ApiOkResponse({ type: ConnectionRequestDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'the request is no longer pending' })
  accept(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ConnectionRequestView> {
    return this.answerRequest.execute({ requestId: id, employeeId: employee.id, answer: 'accept' });
  }

  @Post(':id/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Decline a request I received (the addressee only)' })
  @ApiOkResponse({ type: ConnectionRequestDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'the request is no longer pending' })
  decline(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ConnectionRequestView> {
    return this.answerRequest.execute({ requestId: id, employeeId: employee.id, answer: 'decline' });
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Withdraw a request I sent (the requester only)' })
  @ApiNoContentResponse({ description: 'withdrawn' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiConflictResponse({ description: 'the request is no longer pending' })
  withdraw(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    return this.withdrawRequest.execute({ requestId: id, employeeId: employee.id });
  }
}
