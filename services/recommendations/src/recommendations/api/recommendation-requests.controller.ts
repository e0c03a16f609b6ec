import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import type { Page, RecommendationRequestView } from '@vouch/contracts';
import { AskForRecommendationUseCase } from '../application/ask-for-recommendation.use-case';
import { DeclineRequestUseCase } from '../application/decline-request.use-case';
import { ListRequestsUseCase } from '../application/list-requests.use-case';
import { WithdrawRequestUseCase } from '../application/withdraw-request.use-case';
import { AskForRecommendationDto, ListRequestsQuery } from './recommendation.dto';

const uuid = new ParseUUIDPipe();

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
  async create(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Body() body: AskForRecommendationDto,
  ): Promise<RecommendationRequestView> {
    return this.ask.execute(employee.id, body);
  }

  @Get()
  async pending(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Query() query: ListRequestsQuery,
  ): Promise<Page<RecommendationRequestView>> {
    return this.list.execute(employee.id, query.direction, query.status, query);
  }

  @Post(':id/decline')
  @HttpCode(200)
  async declineOne(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
  ): Promise<RecommendationRequestView> {
    return this.decline.execute(employee.id, id);
  }

  @Delete(':id')
  @HttpCode(204)
  async remove(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
  ): Promise<void> {
    await this.withdraw.execute(employee.id, id);
  }
}
