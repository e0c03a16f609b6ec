import { Module, type DynamicModule } from '@nestjs/common';
import { RecommendationEventsHandlers } from './api/recommendation-events.handlers';
import { RecordTakedown } from './application/record-takedown.use-case';

/**
 * What other services tell of actions about people that the audit log records (a recommendation
 * taken down). Apart from AuditModule, which the employees' use cases write through: these need
 * the employees' roles, to say whether an admin or HR acted.
 */
@Module({})
export class AuditEventsModule {
  static forRoot(employees: DynamicModule): DynamicModule {
    return {
      module: AuditEventsModule,
      imports: [employees],
      controllers: [RecommendationEventsHandlers],
      providers: [RecordTakedown],
    };
  }
}
