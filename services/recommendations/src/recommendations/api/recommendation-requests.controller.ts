import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import type { Page, RecommendationRequestView } from '@vouch/contracts';
import { Idempotent } from '@vouch/platform';
import { AskForRecommendationUseCase } from '../application/ask-for-recommendation.use-case';
import { DeclineRequestUseCase } from '../application/decline-request.use-case';
import { ListRequestsUseCase } from '../application/list-requests.use-case';
import { WithdrawRequestUseCase } from '../application/withdraw-request.use-case';
import {
  AskForRecommendationDto,
  ListRequestsQuery,
  RecommendationRequestDto,
  RecommendationRequestPageDto,
} from './recommendation.dto';

const uuid = new ParseUUIDPipe();

const NOT_YOURS = 'no such request, or I am neither its requester nor its recipient';
const NOT_YOUR_PART = 'the other side of the request does this';
const NOT_NOW = 'the request is no longer pending';

@ApiTags('recommendation requests')
@Authenticated()
@Controller('v1/recommendation-requests')
export class RecommendationRequestsController {
  constructor(
    private readonly ask: AskForRecommendationUseCase,
    private readonly list: ListRequestsUseCase,
    private readonly decline: DeclineRequestUseCase,
    private readonly withdraw: WithdrawRequestUseCase,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: RecommendationRequestDto, description: 'asked; it waits for an answer' })
  @ApiBadRequestResponse({ description: 'invalid fields or Idempotency-Key, or a request to oneself' })
  @ApiForbiddenResponse({ description: 'not connected with the recipient, or one of us is not active' })
  @ApiNotFoundResponse({ description: 'no such employee' })
  @ApiConflictResponse({
    description:
      'already asked and still pending, or they already recommended me, or a request with this Idempotency-Key is still running',
  })
  @ApiTooManyRequestsResponse({ description: 'too many pending requests from me, or to the recipient' })
  @Idempotent()
  async create(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Body() body: AskForRecommendationDto,
  ): Promise<RecommendationRequestView> {
    return this.ask.execute({
      requesterId: employee.id,
      recipientId: body.recipientId,
      relationship: body.relationship,
      message: body.message,
    });
  }

  @Get()
  @ApiOkResponse({ type: RecommendationRequestPageDto, description: 'newest first' })
  async pending(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Query() query: ListRequestsQuery,
  ): Promise<Page<RecommendationRequestView>> {
    return this.list.execute({
      employeeId: employee.id,
      direction: query.direction,
      status: query.status,
      page: query,
    });
  }

  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: RecommendationRequestDto, description: 'declined (the recipient only)' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiForbiddenResponse({ description: NOT_YOUR_PART })
  @ApiConflictResponse({ description: NOT_NOW })
  async declineOne(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
  ): Promise<RecommendationRequestView> {
    return this.decline.execute({ recipientId: employee.id, requestId: id });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'withdrawn (the requester only)' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiForbiddenResponse({ description: NOT_YOUR_PART })
  @ApiConflictResponse({ description: NOT_NOW })
  async remove(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
  ): Promise<void> {
    await this.withdraw.execute({ requesterId: employee.id, requestId: id });
  }
}
