import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminOnly } from '@vouch/auth';
import { GetCoverageUseCase } from '../application/get-coverage.use-case';
import type { Coverage } from '../domain/coverage';

@ApiTags('admin')
@AdminOnly()
@Controller('v1/admin/recommendations')
export class CoverageController {
  constructor(private readonly coverage: GetCoverageUseCase) {}

  @Get('coverage')
  async get(): Promise<Coverage> {
    return this.coverage.execute();
  }
}
