import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import type { BalanceView, Page, ProfileRecommendationView, RecommendationView } from '@vouch/contracts';
import { PageQuery } from '@vouch/platform';
import { AcceptRecommendationUseCase } from '../application/accept-recommendation.use-case';
import { GetBalanceUseCase } from '../application/get-balance.use-case';
import { HideRecommendationUseCase } from '../application/hide-recommendation.use-case';
import {
  ListMyRecommendationsUseCase,
  ListProfileRecommendationsUseCase,
} from '../application/list-recommendations.use-case';
import { RequestRevisionUseCase } from '../application/request-revision.use-case';
import { ReviseRecommendationUseCase } from '../application/revise-recommendation.use-case';
import { WithdrawRecommendationUseCase } from '../application/withdraw-recommendation.use-case';
import { WriteRecommendationUseCase } from '../application/write-recommendation.use-case';
import { RequestRevisionDto, ReviseRecommendationDto, WriteRecommendationDto } from './recommendation.dto';
import { recommendationTextField } from './recommendation-text.field';

const uuid = new ParseUUIDPipe();

@ApiTags('recommendations')
@Authenticated()
@Controller('v1/recommendations')
export class RecommendationsController {
  constructor(
    private readonly write: WriteRecommendationUseCase,
    private readonly revise: ReviseRecommendationUseCase,
    private readonly accept: AcceptRecommendationUseCase,
    private readonly hide: HideRecommendationUseCase,
    private readonly requestRevision: RequestRevisionUseCase,
    private readonly withdraw: WithdrawRecommendationUseCase,
    private readonly list: ListMyRecommendationsUseCase,
    private readonly balance: GetBalanceUseCase,
  ) {}

  @Post()
  async create(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Body() body: WriteRecommendationDto,
  ): Promise<RecommendationView> {
    return this.write.execute(employee.id, {
      subjectId: body.subjectId,
      relationship: body.relationship,
      text: recommendationTextField(body.text),
      requestId: body.requestId,
    });
  }

  @Get('received')
  async received(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Query() page: PageQuery,
  ): Promise<Page<RecommendationView>> {
    return this.list.execute(employee.id, 'received', page);
  }

  @Get('given')
  async given(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Query() page: PageQuery,
  ): Promise<Page<RecommendationView>> {
    return this.list.execute(employee.id, 'given', page);
  }

  @Get('balance')
  async myBalance(@CurrentEmployee() employee: AuthenticatedEmployee): Promise<BalanceView> {
    return this.balance.execute(employee.id);
  }

  @Put(':id')
  async update(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
    @Body() body: ReviseRecommendationDto,
  ): Promise<RecommendationView> {
    return this.revise.execute(employee.id, id, {
      text: recommendationTextField(body.text),
      relationship: body.relationship,
    });
  }

  @Post(':id/accept')
  @HttpCode(200)
  async acceptOne(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
  ): Promise<RecommendationView> {
    return this.accept.execute(employee.id, id);
  }

  @Post(':id/hide')
  @HttpCode(200)
  async hideOne(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
  ): Promise<RecommendationView> {
    return this.hide.execute(employee.id, id);
  }

  @Post(':id/request-revision')
  @HttpCode(200)
  async askForRevision(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
    @Body() body: RequestRevisionDto,
  ): Promise<RecommendationView> {
    return this.requestRevision.execute(employee.id, id, body.message);
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

@ApiTags('recommendations')
@Authenticated()
@Controller('v1/employees/:employeeId/recommendations')
export class ProfileRecommendationsController {
  constructor(private readonly list: ListProfileRecommendationsUseCase) {}

  @Get()
  async ofEmployee(
    @Param('employeeId', uuid) employeeId: string,
    @Query() page: PageQuery,
  ): Promise<Page<ProfileRecommendationView>> {
    return this.list.execute(employeeId, page);
  }
}
