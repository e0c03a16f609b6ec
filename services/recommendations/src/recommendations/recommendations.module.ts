import {
  EmployeeReplica,
  EmployeeReplicaHandlers,
  ReplicatedEmployee,
  ReplicatedEmployeeRepository,
} from '@vouch/employee-replica';
import { Module, type DynamicModule } from '@nestjs/common';
import { AcceptRecommendationUseCase } from './application/accept-recommendation.use-case';
import { AskForRecommendationUseCase } from './application/ask-for-recommendation.use-case';
import { CloseRequestsUseCase } from './application/close-requests.use-case';
import { DeclineRequestUseCase } from './application/decline-request.use-case';
import { ExportPersonalDataUseCase } from './application/export-personal-data.use-case';
import { ExpireDueRequestsUseCase } from './application/expire-due-requests.use-case';
import { GetBalanceUseCase } from './application/get-balance.use-case';
import { ExportTeamCoverageUseCase } from './application/export-team-coverage.use-case';
import { GetCoverageUseCase } from './application/get-coverage.use-case';
import { GetRecommendationSpreadUseCase } from './application/get-recommendation-spread.use-case';
import { GetRecommendationUseCase } from './application/get-recommendation.use-case';
import { HideRecommendationUseCase } from './application/hide-recommendation.use-case';
import { IssueRecommendationsDocumentUseCase } from './application/issue-recommendations-document.use-case';
import {
  ListMyRecommendationsUseCase,
  ListProfileRecommendationsUseCase,
} from './application/list-recommendations.use-case';
import { ListRequestsUseCase } from './application/list-requests.use-case';
import { ListTeamCoverageUseCase } from './application/list-team-coverage.use-case';
import { ListUncoveredEmployeesUseCase } from './application/list-uncovered-employees.use-case';
import { RecommendationChange } from './application/recommendation-change';
import {
  RECOMMENDATIONS_SETTINGS,
  type RecommendationsSettings,
} from './application/recommendations.settings';
import { RequestChange } from './application/request-change';
import { RequestRevisionUseCase } from './application/request-revision.use-case';
import { ReviseRecommendationUseCase } from './application/revise-recommendation.use-case';
import { EraseEmployeeUseCase } from './application/erase-employee.use-case';
import { TakeDownRecommendationUseCase } from './application/take-down-recommendation.use-case';
import { UpdateReplicaUseCase } from './application/update-replica.use-case';
import { WithdrawRecommendationUseCase } from './application/withdraw-recommendation.use-case';
import { WithdrawRequestUseCase } from './application/withdraw-request.use-case';
import { WriteRecommendationUseCase } from './application/write-recommendation.use-case';
import { CoverageController } from './api/coverage.controller';
import { PersonalDataController } from './api/personal-data.controller';
import {
  DocumentKeysController,
  RecommendationsDocumentController,
} from './api/portable-document.controller';
import { RecommendationRequestsController } from './api/recommendation-requests.controller';
import {
  ProfileRecommendationsController,
  RecommendationsController,
} from './api/recommendations.controller';
import { ReplicaEventHandlers } from './api/replica-events.handlers';
import { ConnectionEntity } from './infrastructure/connection.entity';
import { PersonalDataQueries } from './infrastructure/personal-data.queries';
import {
  documentSigningKeysProvider,
  type DocumentKeySource,
} from './infrastructure/document-signing-keys.provider';
import { RecommendationRequestEntity } from './infrastructure/recommendation-request.entity';
import { RecommendationRequestRepository } from './infrastructure/recommendation-request.repository';
import { RecommendationEntity } from './infrastructure/recommendation.entity';
import { RecommendationQueries } from './infrastructure/recommendation.queries';
import { RecommendationRepository } from './infrastructure/recommendation.repository';
import { ReplicaRepository } from './infrastructure/replica.repository';
import { RequestExpiryScheduler } from './infrastructure/request-expiry.scheduler';

export const recommendationEntities = [
  ReplicatedEmployee,
  ConnectionEntity,
  RecommendationEntity,
  RecommendationRequestEntity,
];

/** Recommendations, requests and the replica of employees and connections they are checked against. */
@Module({})
export class RecommendationsModule {
  static forRoot(settings: RecommendationsSettings, documentKeys: DocumentKeySource): DynamicModule {
    return {
      module: RecommendationsModule,
      controllers: [
        RecommendationsController,
        ProfileRecommendationsController,
        RecommendationRequestsController,
        CoverageController,
        RecommendationsDocumentController,
        DocumentKeysController,
        ReplicaEventHandlers,
        EmployeeReplicaHandlers,
        PersonalDataController,
      ],
      providers: [
        { provide: RECOMMENDATIONS_SETTINGS, useValue: settings },
        documentSigningKeysProvider(documentKeys),
        ReplicaRepository,
        EmployeeReplica,
        ReplicatedEmployeeRepository,
        RecommendationRepository,
        RecommendationRequestRepository,
        RecommendationQueries,
        RecommendationChange,
        RequestChange,
        CloseRequestsUseCase,
        UpdateReplicaUseCase,
        EraseEmployeeUseCase,
        WriteRecommendationUseCase,
        ReviseRecommendationUseCase,
        AcceptRecommendationUseCase,
        HideRecommendationUseCase,
        RequestRevisionUseCase,
        WithdrawRecommendationUseCase,
        TakeDownRecommendationUseCase,
        GetRecommendationUseCase,
        ListMyRecommendationsUseCase,
        ListProfileRecommendationsUseCase,
        AskForRecommendationUseCase,
        DeclineRequestUseCase,
        WithdrawRequestUseCase,
        ListRequestsUseCase,
        GetBalanceUseCase,
        GetCoverageUseCase,
        IssueRecommendationsDocumentUseCase,
        ListTeamCoverageUseCase,
        ListUncoveredEmployeesUseCase,
        GetRecommendationSpreadUseCase,
        ExportTeamCoverageUseCase,
        ExpireDueRequestsUseCase,
        RequestExpiryScheduler,
        PersonalDataQueries,
        ExportPersonalDataUseCase,
      ],
    };
  }
}
