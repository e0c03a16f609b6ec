import { Module, type DynamicModule } from '@nestjs/common';
import { PersonalDataController } from './api/personal-data.controller';
import { ExportPersonalData } from './application/export-personal-data.use-case';
import { PersonalDataQueries } from './infrastructure/personal-data.queries';

/** The signed-in employee's own data, all of it, to take away (`GET /v1/me/export`). */
@Module({})
export class PersonalDataModule {
  static forRoot(employees: DynamicModule): DynamicModule {
    return {
      module: PersonalDataModule,
      imports: [employees],
      controllers: [PersonalDataController],
      providers: [PersonalDataQueries, ExportPersonalData],
    };
  }
}
