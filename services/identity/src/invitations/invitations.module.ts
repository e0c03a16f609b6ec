import { Logger, Module, type DynamicModule } from '@nestjs/common';
import { invitationSecretOf } from '@vouch/auth';
import type { IdentityEnvironment } from '../config';
import { AcceptInvitation } from './application/accept-invitation.use-case';
import { INVITATION_SETTINGS, type InvitationSettings } from './application/invitation-settings';
import { InviteEmployees } from './application/invite-employees.use-case';
import { ResendInvitation } from './application/resend-invitation.use-case';
import { InvitationAcceptanceController, InvitationsController } from './api/invitations.controller';
import { InvitationRepository } from './infrastructure/invitation.repository';

/**
 * Invitations to set up one's sign-in, for people imported or provisioned without a password: an
 * admin (re)sends one, an import invites its new people (`InviteEmployees`), the link sets the
 * password.
 */
@Module({})
export class InvitationsModule {
  static forRoot(environment: IdentityEnvironment, employees: DynamicModule): DynamicModule {
    const { secret, generated } = invitationSecretOf(environment);
    if (generated)
      new Logger('invitations').warn(
        'INVITATION_SECRET is not set: invitation links are verified with a secret made for this process, ' +
          'so only links made with the same secret (none from notifications, unless it shares it) work',
      );
    const settings: InvitationSettings = { ttlDays: environment.INVITATION_TTL_DAYS, secret };
    return {
      module: InvitationsModule,
      imports: [employees],
      controllers: [InvitationsController, InvitationAcceptanceController],
      providers: [
        { provide: INVITATION_SETTINGS, useValue: settings },
        InvitationRepository,
        InviteEmployees,
        ResendInvitation,
        AcceptInvitation,
      ],
      // The CSV import invites the people it creates, in its own transaction.
      exports: [InviteEmployees],
    };
  }
}
