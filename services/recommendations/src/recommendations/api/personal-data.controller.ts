import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import type { RecommendationsExportView } from '@vouch/contracts';
import { ExportPersonalDataUseCase } from '../application/export-personal-data.use-case';
import { RecommendationsExportDto } from './personal-data.dto';

@ApiTags('personal data')
@Authenticated()
@Controller('v1/me/export')
export class PersonalDataController {
  constructor(private readonly exportPersonalData: ExportPersonalDataUseCase) {}

  @Get()
  // Personal data: no cache on the way keeps a copy.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Everything recommendations holds about me: what I gave and received, with their history, and my requests',
  })
  @ApiOkResponse({ type: RecommendationsExportDto })
  export(@CurrentEmployee() employee: AuthenticatedEmployee): Promise<RecommendationsExportView> {
    return this.exportPersonalData.execute({ employeeId: employee.id });
  }
}
