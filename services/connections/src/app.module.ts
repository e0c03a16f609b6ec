import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@vouch/auth';
import {
  employeeReplicaMigrations,
  ReplicaDeactivatedEmployees,
  ReplicatedEmployee,
} from '@vouch/employee-replica';
import {
  IdempotencyKeys1797600000000,
  IdempotencyModule,
  ServicePlatformModule,
  type ServiceDescription,
} from '@vouch/platform';
import type { ConnectionsEnvironment } from './config';
import { connectionErrorMappings } from './connections/api/connection.error-mappings';
import { ConnectionsModule } from './connections/connections.module';
import { ConnectionRecord } from './connections/infrastructure/connection.entity';
import { CreateConnectionsSchema1764100000000 } from './migrations/1764100000000-create-connections-schema';

export const serviceDescription: ServiceDescription = {
  title: 'Vouch connections',
  description: 'Connection requests, connections between employees, and suggestions from the org chart.',
};

@Module({})
export class AppModule {
  static forRoot(environment: ConnectionsEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forRoot({
          name: 'connections',
          environment,
          entities: [ReplicatedEmployee, ConnectionRecord],
          migrations: [
            ...employeeReplicaMigrations,
            CreateConnectionsSchema1764100000000,
            IdempotencyKeys1797600000000,
          ],
          errors: connectionErrorMappings,
        }),
        AuthModule.forRoot(environment, { deactivatedEmployees: ReplicaDeactivatedEmployees }),
        IdempotencyModule.forRoot({ ttlHours: environment.IDEMPOTENCY_KEY_TTL_HOURS }),
        ConnectionsModule,
      ],
    };
  }
}
