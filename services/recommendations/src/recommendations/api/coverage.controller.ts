import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HrOrAdmin } from '@vouch/auth';
import { GetCoverageUseCase } from '../application/get-coverage.use-case';
import type { Coverage } from '../domain/coverage';
import { CoverageDto } from './recommendation.dto';

@ApiTags('admin')
@HrOrAdmin()
@Controller('v1/admin/recommendations')
export class CoverageController {
  constructor(private readonly coverage: GetCoverageUseCase) {}

  @Get('coverage')
  @ApiOkResponse({ type: CoverageDto })
  async get(): Promise<Coverage> {
    return this.coverage.execute();
  }
}
