import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import type { NotificationsExportView } from '@vouch/contracts';
import { ExportPersonalDataUseCase } from '../application/export-personal-data.use-case';
import { NotificationsExportDto } from './personal-data.dto';

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
      'Everything notifications holds about me: my preferences, the emails to me, the reminders to come',
  })
  @ApiOkResponse({ type: NotificationsExportDto })
  export(@CurrentEmployee() employee: AuthenticatedEmployee): Promise<NotificationsExportView> {
    return this.exportPersonalData.execute({ employeeId: employee.id });
  }
}
