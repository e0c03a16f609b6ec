import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@vouch/auth';
import { employeeReplicaMigrations, ReplicaDeactivatedEmployees } from '@vouch/employee-replica';
import {
  IdempotencyKeys1797600000000,
  IdempotencyModule,
  ServicePlatformModule,
  type ServiceDescription,
} from '@vouch/platform';
import type { RecommendationsEnvironment } from './config';
import { CreateRecommendationsSchema1764100000000 } from './migrations/1764100000000-create-recommendations-schema';
import { VerificationSource1796900000000 } from './migrations/1796900000000-verification-source';
import { RecommendationTakedown1798100000000 } from './migrations/1798100000000-recommendation-takedown';
import { ReciprocalBothWays1798300000000 } from './migrations/1798300000000-reciprocal-both-ways';
import { recommendationErrorMappings } from './recommendations/api/recommendation.error-mappings';
import { recommendationEntities, RecommendationsModule } from './recommendations/recommendations.module';

export const serviceDescription: ServiceDescription = {
  title: 'Vouch recommendations',
  description:
    'Recommendations between connected colleagues, requests for them, and the balance of a profile.',
};

@Module({})
export class AppModule {
  static forRoot(environment: RecommendationsEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ServicePlatformModule.forRoot({
          name: 'recommendations',
          environment,
          entities: recommendationEntities,
          migrations: [
            ...employeeReplicaMigrations,
            CreateRecommendationsSchema1764100000000,
            VerificationSource1796900000000,
            RecommendationTakedown1798100000000,
            ReciprocalBothWays1798300000000,
            IdempotencyKeys1797600000000,
          ],
          errors: recommendationErrorMappings,
        }),
        AuthModule.forRoot(environment, { deactivatedEmployees: ReplicaDeactivatedEmployees }),
        IdempotencyModule.forRoot({ ttlHours: environment.IDEMPOTENCY_KEY_TTL_HOURS }),
        RecommendationsModule.forRoot(
          {
            limits: {
              maxPendingOut: environment.MAX_PENDING_REQUESTS_OUT,
              maxPendingIn: environment.MAX_PENDING_REQUESTS_IN,
            },
            requestLifetimeDays: environment.REQUEST_LIFETIME_DAYS,
            expirySweepIntervalMs: environment.EXPIRY_SWEEP_INTERVAL_MS,
            documentIssuer: {
              name: environment.DOCUMENT_ISSUER_NAME ?? new URL(environment.PUBLIC_URL).hostname,
              url: environment.PUBLIC_URL,
            },
          },
          {
            pem: environment.DOCUMENT_SIGNING_KEY,
            file: environment.DOCUMENT_SIGNING_KEY_FILE,
            previousPublicPems: environment.DOCUMENT_PREVIOUS_PUBLIC_KEYS,
          },
        ),
      ],
    };
  }
}
