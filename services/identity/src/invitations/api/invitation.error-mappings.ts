import { HttpStatus } from '@nestjs/common';
import type { ErrorMapping } from '@vouch/platform';
import {
  InvalidInvitationError,
  InvitationAlreadyAcceptedError,
  InvitationExpiredError,
  InviteeDeactivatedError,
  PasswordAlreadySetError,
} from '../domain/invitation.errors';

/** How invitations' domain errors are answered over HTTP. */
export const invitationErrorMappings: ErrorMapping[] = [
  { error: InvalidInvitationError, status: HttpStatus.UNAUTHORIZED, title: 'Invalid invitation' },
  { error: InvitationExpiredError, status: HttpStatus.GONE, title: 'Invitation expired' },
  { error: InvitationAlreadyAcceptedError, status: HttpStatus.CONFLICT, title: 'Invitation already used' },
  { error: PasswordAlreadySetError, status: HttpStatus.CONFLICT, title: 'Password already set' },
  { error: InviteeDeactivatedError, status: HttpStatus.CONFLICT, title: 'Employee deactivated' },
];
