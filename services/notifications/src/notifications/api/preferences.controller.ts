import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import type { NotificationPreferencesView } from '@vouch/contracts';
import { GetPreferencesUseCase, UpdatePreferencesUseCase } from '../application/preferences.use-cases';
import { NotificationPreferencesDto } from './preferences.dto';

@ApiTags('notification preferences')
@Authenticated()
@Controller('v1/notification-preferences')
export class PreferencesController {
  constructor(
    private readonly get: GetPreferencesUseCase,
    private readonly update: UpdatePreferencesUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: NotificationPreferencesDto, description: 'every category on until changed' })
  async mine(@CurrentEmployee() employee: AuthenticatedEmployee): Promise<NotificationPreferencesView> {
    return this.get.execute({ employeeId: employee.id });
  }

  @Put()
  @ApiOkResponse({ type: NotificationPreferencesDto, description: 'saved, as now in force' })
  @ApiBadRequestResponse({ description: 'a field is missing or invalid' })
  async replace(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesView> {
    return this.update.execute({ employeeId: employee.id, wanted: body });
  }
}
