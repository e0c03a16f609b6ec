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
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, HrOrAdmin, type AuthenticatedEmployee } from '@vouch/auth';
import type { BalanceView, Page, ProfileRecommendationView, RecommendationView } from '@vouch/contracts';
import { Idempotent, PageQuery } from '@vouch/platform';
import { AcceptRecommendationUseCase } from '../application/accept-recommendation.use-case';
import { GetBalanceUseCase } from '../application/get-balance.use-case';
import { GetRecommendationUseCase } from '../application/get-recommendation.use-case';
import { HideRecommendationUseCase } from '../application/hide-recommendation.use-case';
import {
  ListMyRecommendationsUseCase,
  ListProfileRecommendationsUseCase,
} from '../application/list-recommendations.use-case';
import { RequestRevisionUseCase } from '../application/request-revision.use-case';
import { ReviseRecommendationUseCase } from '../application/revise-recommendation.use-case';
import { TakeDownRecommendationUseCase } from '../application/take-down-recommendation.use-case';
import { WithdrawRecommendationUseCase } from '../application/withdraw-recommendation.use-case';
import { WriteRecommendationUseCase } from '../application/write-recommendation.use-case';
import {
  BalanceDto,
  ProfileRecommendationPageDto,
  RecommendationDto,
  RecommendationPageDto,
  RequestRevisionDto,
  ReviseRecommendationDto,
  TakeDownRecommendationDto,
  WriteRecommendationDto,
} from './recommendation.dto';
import { recommendationTextField } from './recommendation-text.field';

const uuid = new ParseUUIDPipe();

const NOT_YOURS = 'no such recommendation, or I am neither its author nor its subject';
const NOT_YOUR_PART = 'the other side of the recommendation does this';
const NOT_NOW = 'not allowed in its current status';

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
    private readonly takeDown: TakeDownRecommendationUseCase,
    private readonly getOne: GetRecommendationUseCase,
  ) {}

  @Post()
  @ApiCreatedResponse({
    type: RecommendationDto,
    description: 'written; it waits for the subject to accept it',
  })
  @ApiBadRequestResponse({
    description: 'invalid fields, text or Idempotency-Key, or a recommendation of oneself',
  })
  @ApiForbiddenResponse({ description: 'not connected with the subject, or one of us is not active' })
  @ApiNotFoundResponse({ description: 'no such employee, or no such request from them to me' })
  @ApiConflictResponse({
    description:
      'I already recommended this colleague, or a request with this Idempotency-Key is still running',
  })
  @Idempotent()
  async create(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Body() body: WriteRecommendationDto,
  ): Promise<RecommendationView> {
    return this.write.execute({
      authorId: employee.id,
      subjectId: body.subjectId,
      relationship: body.relationship,
      text: recommendationTextField(body.text),
      requestId: body.requestId,
    });
  }

  @Get('received')
  @ApiOkResponse({ type: RecommendationPageDto, description: 'about me, in any status, newest first' })
  async received(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Query() page: PageQuery,
  ): Promise<Page<RecommendationView>> {
    return this.list.execute({ employeeId: employee.id, side: 'received', page });
  }

  @Get('given')
  @ApiOkResponse({ type: RecommendationPageDto, description: 'by me, in any status, newest first' })
  async given(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Query() page: PageQuery,
  ): Promise<Page<RecommendationView>> {
    return this.list.execute({ employeeId: employee.id, side: 'given', page });
  }

  @Get('balance')
  @ApiOkResponse({ type: BalanceDto })
  async myBalance(@CurrentEmployee() employee: AuthenticatedEmployee): Promise<BalanceView> {
    return this.balance.execute({ employeeId: employee.id });
  }

  @Get(':id')
  @ApiOkResponse({
    type: RecommendationDto,
    description: 'mine (as author or subject), or any one, with its takedown, for HR and admins',
  })
  @ApiNotFoundResponse({
    description: 'no such recommendation, or I am neither its author nor its subject, or it was taken down',
  })
  async one(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
  ): Promise<RecommendationView> {
    return this.getOne.execute({
      employeeId: employee.id,
      auditor: employee.roles.includes('hr') || employee.roles.includes('admin'),
      recommendationId: id,
    });
  }

  @Put(':id')
  @ApiOkResponse({ type: RecommendationDto, description: 'revised: the new text is added to its revisions' })
  @ApiBadRequestResponse({ description: 'invalid fields or text' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiForbiddenResponse({ description: NOT_YOUR_PART })
  @ApiConflictResponse({ description: NOT_NOW })
  async update(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
    @Body() body: ReviseRecommendationDto,
  ): Promise<RecommendationView> {
    return this.revise.execute({
      authorId: employee.id,
      recommendationId: id,
      text: recommendationTextField(body.text),
      relationship: body.relationship,
    });
  }

  @Post(':id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: RecommendationDto, description: 'accepted: it shows on my profile' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiForbiddenResponse({ description: NOT_YOUR_PART })
  @ApiConflictResponse({ description: NOT_NOW })
  async acceptOne(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
  ): Promise<RecommendationView> {
    return this.accept.execute({ subjectId: employee.id, recommendationId: id });
  }

  @Post(':id/hide')
  @HttpCode(200)
  @ApiOkResponse({ type: RecommendationDto, description: 'hidden: it stays off my profile' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiForbiddenResponse({ description: NOT_YOUR_PART })
  @ApiConflictResponse({ description: NOT_NOW })
  async hideOne(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
  ): Promise<RecommendationView> {
    return this.hide.execute({ subjectId: employee.id, recommendationId: id });
  }

  @Post(':id/request-revision')
  @HttpCode(200)
  @ApiOkResponse({ type: RecommendationDto, description: 'the author is asked to revise it' })
  @ApiBadRequestResponse({ description: 'the message is missing or too long' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiForbiddenResponse({ description: NOT_YOUR_PART })
  @ApiConflictResponse({ description: NOT_NOW })
  async askForRevision(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
    @Body() body: RequestRevisionDto,
  ): Promise<RecommendationView> {
    return this.requestRevision.execute({
      subjectId: employee.id,
      recommendationId: id,
      message: body.message,
    });
  }

  @Post(':id/takedown')
  @HttpCode(200)
  @HrOrAdmin()
  @ApiOkResponse({
    type: RecommendationDto,
    description: 'taken down: kept for the audit, shown nowhere else; its author and subject are emailed',
  })
  @ApiBadRequestResponse({ description: 'the reason is missing or longer than 500 characters' })
  @ApiNotFoundResponse({ description: 'no such recommendation' })
  @ApiConflictResponse({ description: 'already taken down, or withdrawn' })
  async takeDownOne(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
    @Body() body: TakeDownRecommendationDto,
  ): Promise<RecommendationView> {
    return this.takeDown.execute({ takenDownBy: employee.id, recommendationId: id, reason: body.reason });
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'withdrawn, for good' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  @ApiForbiddenResponse({ description: NOT_YOUR_PART })
  @ApiConflictResponse({ description: NOT_NOW })
  async remove(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Param('id', uuid) id: string,
  ): Promise<void> {
    await this.withdraw.execute({ authorId: employee.id, recommendationId: id });
  }
}

@ApiTags('recommendations')
@Authenticated()
@Controller('v1/employees/:employeeId/recommendations')
export class ProfileRecommendationsController {
  constructor(private readonly list: ListProfileRecommendationsUseCase) {}

  @Get()
  @ApiOkResponse({ type: ProfileRecommendationPageDto, description: 'accepted ones only, newest first' })
  @ApiNotFoundResponse({ description: 'no such employee' })
  async ofEmployee(
    @Param('employeeId', uuid) employeeId: string,
    @Query() page: PageQuery,
  ): Promise<Page<ProfileRecommendationView>> {
    return this.list.execute({ subjectId: employeeId, page });
  }
}
