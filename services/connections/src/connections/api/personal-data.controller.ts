import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import type { ConnectionsExportView } from '@vouch/contracts';
import { ExportPersonalData } from '../application/export-personal-data.query';
import { ConnectionsExportDto } from './personal-data.dto';

@ApiTags('personal data')
@Authenticated()
@Controller('v1/me/export')
export class PersonalDataController {
  constructor(private readonly exportPersonalData: ExportPersonalData) {}

  @Get()
  // Personal data: no cache on the way keeps a copy.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Everything connections holds about me: my connections and the requests I sent or received',
  })
  @ApiOkResponse({ type: ConnectionsExportDto })
  export(@CurrentEmployee() employee: AuthenticatedEmployee): Promise<ConnectionsExportView> {
    return this.exportPersonalData.execute({ employeeId: employee.id });
  }
}
