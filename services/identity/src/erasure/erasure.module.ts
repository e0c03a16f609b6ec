import { Module, type DynamicModule } from '@nestjs/common';
import { ErasureEventsHandlers } from './api/erasure-events.handlers';
import { ErasuresController } from './api/erasures.controller';
import { EraseEmployee } from './application/erase-employee.use-case';
import { GetErasure } from './application/get-erasure.use-case';
import { ListErasures } from './application/list-erasures.use-case';
import { RecordErasureCompletion } from './application/record-erasure-completion.use-case';
import { ErasureRepository } from './infrastructure/erasure.repository';
import { IdentityPersonalData } from './infrastructure/identity-personal-data';

/**
 * Erasing a person at their request (`POST /v1/admin/employees/:id/erasure`): identity's own data
 * at once, the other services' on EmployeeErased, whose reports it gathers into the progress.
 */
@Module({})
export class ErasureModule {
  static forRoot(employees: DynamicModule): DynamicModule {
    return {
      module: ErasureModule,
      imports: [employees],
      controllers: [ErasuresController, ErasureEventsHandlers],
      providers: [
        ErasureRepository,
        IdentityPersonalData,
        EraseEmployee,
        RecordErasureCompletion,
        GetErasure,
        ListErasures,
      ],
    };
  }
}
