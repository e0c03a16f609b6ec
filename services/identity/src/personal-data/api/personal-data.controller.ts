import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import { ExportPersonalData } from '../application/export-personal-data.use-case';
import { IdentityExportDto } from './personal-data.dto';

@ApiTags('personal data')
@Authenticated()
@Controller('v1/me/export')
export class PersonalDataController {
  constructor(private readonly exportPersonalData: ExportPersonalData) {}

  @Get()
  // Personal data: no cache on the way keeps a copy.
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary:
      'Everything identity holds about me: my record, manager, roles, sign-in methods, sessions, invitations, account emails and audit entries',
  })
  @ApiOkResponse({ type: IdentityExportDto })
  async export(@CurrentEmployee() employee: AuthenticatedEmployee): Promise<IdentityExportDto> {
    return IdentityExportDto.from(
      await this.exportPersonalData.execute({ employeeId: employee.id, roles: employee.roles }),
    );
  }
}
