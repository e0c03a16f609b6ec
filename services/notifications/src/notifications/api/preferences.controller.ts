import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  async mine(@CurrentEmployee() employee: AuthenticatedEmployee): Promise<NotificationPreferencesView> {
    return this.get.execute(employee.id);
  }

  @Put()
  async replace(
    @CurrentEmployee() employee: AuthenticatedEmployee,
    @Body() body: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesView> {
    return this.update.execute(employee.id, body);
  }
}
