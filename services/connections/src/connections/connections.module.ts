import { Module } from '@nestjs/common';
import {
  EmployeeReplica,
  EmployeeReplicaHandlers,
  ReplicatedEmployeeRepository,
} from '@vouch/employee-replica';
import { ConnectionRequestsController } from './api/connection-requests.controller';
import { ConnectionsController } from './api/connections.controller';
import { EmployeeEventsHandlers } from './api/employee-events.handlers';
import { PersonalDataController } from './api/personal-data.controller';
import { AnswerConnectionRequest } from './application/answer-connection-request.use-case';
import { DeactivateEmployee } from './application/deactivate-employee.use-case';
import { EraseEmployee } from './application/erase-employee.use-case';
import { ExportPersonalData } from './application/export-personal-data.query';
import { ListConnectionRequests } from './application/list-connection-requests.query';
import { ListConnections } from './application/list-connections.query';
import { RemoveConnection } from './application/remove-connection.use-case';
import { RequestConnection } from './application/request-connection.use-case';
import { SuggestConnections } from './application/suggest-connections.query';
import { WithdrawConnectionRequest } from './application/withdraw-connection-request.use-case';
import { ConnectionQueries } from './infrastructure/connection.queries';
import { ConnectionRepository } from './infrastructure/connection.repository';
import { PersonalDataQueries } from './infrastructure/personal-data.queries';

/** Connection requests, connections and suggestions, over the employee replica they need. */
@Module({
  controllers: [
    ConnectionRequestsController,
    ConnectionsController,
    EmployeeEventsHandlers,
    EmployeeReplicaHandlers,
    PersonalDataController,
  ],
  providers: [
    ConnectionRepository,
    ConnectionQueries,
    ReplicatedEmployeeRepository,
    RequestConnection,
    AnswerConnectionRequest,
    WithdrawConnectionRequest,
    RemoveConnection,
    ListConnectionRequests,
    ListConnections,
    SuggestConnections,
    EmployeeReplica,
    DeactivateEmployee,
    EraseEmployee,
    PersonalDataQueries,
    ExportPersonalData,
  ],
})
export class ConnectionsModule {}
