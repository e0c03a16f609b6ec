import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { HrOrAdmin } from '@vouch/auth';
import { ExportTeamCoverageUseCase } from '../application/export-team-coverage.use-case';
import { GetCoverageUseCase } from '../application/get-coverage.use-case';
import { GetRecommendationSpreadUseCase } from '../application/get-recommendation-spread.use-case';
import type { NumberedPage } from '../application/load-org-coverage';
import { ListTeamCoverageUseCase, type TeamCoveragePage } from '../application/list-team-coverage.use-case';
import { ListUncoveredEmployeesUseCase } from '../application/list-uncovered-employees.use-case';
import type { Coverage } from '../domain/coverage';
import type { SpreadBucket, UncoveredEmployee } from '../domain/org-coverage';
import {
  CoveragePageQuery,
  CoverageScopeQuery,
  RecommendationSpreadDto,
  TeamCoveragePageDto,
  UncoveredEmployeePageDto,
} from './coverage.dto';
import { CoverageDto } from './recommendation.dto';

@ApiTags('admin')
@HrOrAdmin()
@Controller('v1/admin/recommendations')
export class CoverageController {
  constructor(
    private readonly coverage: GetCoverageUseCase,
    private readonly teams: ListTeamCoverageUseCase,
    private readonly uncovered: ListUncoveredEmployeesUseCase,
    private readonly spread: GetRecommendationSpreadUseCase,
    private readonly csvExport: ExportTeamCoverageUseCase,
  ) {}

  @Get('coverage')
  @ApiOkResponse({ type: CoverageDto })
  async get(): Promise<Coverage> {
    return this.coverage.execute();
  }

  @Get('coverage/teams')
  @ApiOkResponse({ type: TeamCoveragePageDto })
  async listTeams(@Query() query: CoveragePageQuery): Promise<TeamCoveragePage> {
    return this.teams.execute(query);
  }

  @Get('coverage/teams.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="team-coverage.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string' }, description: 'every team in the scope, from the top down' })
  async exportTeams(@Query() query: CoverageScopeQuery): Promise<string> {
    return this.csvExport.execute(query);
  }

  @Get('coverage/without-recommendation')
  @ApiOkResponse({ type: UncoveredEmployeePageDto })
  async listUncovered(@Query() query: CoveragePageQuery): Promise<NumberedPage<UncoveredEmployee>> {
    return this.uncovered.execute(query);
  }

  @Get('coverage/spread')
  @ApiOkResponse({ type: RecommendationSpreadDto })
  async getSpread(@Query() query: CoverageScopeQuery): Promise<{ buckets: SpreadBucket[] }> {
    return this.spread.execute(query);
  }
}
