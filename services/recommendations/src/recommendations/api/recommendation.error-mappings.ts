import { HttpStatus } from '@nestjs/common';
import type { ErrorMapping } from '@vouch/platform';
import {
  InactiveEmployeeError,
  NotConnectedError,
  SelfRecommendationError,
  UnknownEmployeeError,
} from '../domain/participation';
import {
  DuplicateRecommendationError,
  DuplicateRequestError,
  InvalidRecommendationTextError,
  InvalidTakedownReasonError,
  NotYourRecommendationError,
  NotYourRequestError,
  RecommendationNotFoundError,
  RecommendationStateError,
  RequestNotFoundError,
} from '../domain/recommendation.errors';
import { RequestStateError, TooManyPendingRequestsError } from '../domain/recommendation-request';
import { UnknownManagerError } from '../domain/org-coverage';

/** How the recommendations context's domain errors are answered over HTTP: the one place. */
export const recommendationErrorMappings: ErrorMapping[] = [
  {
    error: InvalidRecommendationTextError,
    status: HttpStatus.BAD_REQUEST,
    title: 'Invalid recommendation text',
  },
  { error: InvalidTakedownReasonError, status: HttpStatus.BAD_REQUEST, title: 'Invalid takedown reason' },
  { error: SelfRecommendationError, status: HttpStatus.BAD_REQUEST, title: 'Not yourself' },
  { error: UnknownEmployeeError, status: HttpStatus.NOT_FOUND, title: 'Unknown employee' },
  { error: UnknownManagerError, status: HttpStatus.NOT_FOUND, title: 'Unknown manager' },
  { error: InactiveEmployeeError, status: HttpStatus.FORBIDDEN, title: 'Employee not active' },
  { error: NotConnectedError, status: HttpStatus.FORBIDDEN, title: 'Not connected' },
  { error: DuplicateRecommendationError, status: HttpStatus.CONFLICT, title: 'Already recommended' },
  { error: DuplicateRequestError, status: HttpStatus.CONFLICT, title: 'Request not needed' },
  {
    error: TooManyPendingRequestsError,
    status: HttpStatus.TOO_MANY_REQUESTS,
    title: 'Too many pending requests',
  },
  { error: RecommendationNotFoundError, status: HttpStatus.NOT_FOUND, title: 'Recommendation not found' },
  { error: RequestNotFoundError, status: HttpStatus.NOT_FOUND, title: 'Request not found' },
  { error: NotYourRecommendationError, status: HttpStatus.FORBIDDEN, title: 'Not yours to change' },
  { error: NotYourRequestError, status: HttpStatus.FORBIDDEN, title: 'Not yours to change' },
  { error: RecommendationStateError, status: HttpStatus.CONFLICT, title: 'Recommendation state' },
  { error: RequestStateError, status: HttpStatus.CONFLICT, title: 'Request state' },
];
