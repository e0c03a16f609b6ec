import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AdminOnly, CurrentEmployee, type AuthenticatedEmployee } from '@vouch/auth';
import { LoginResponse } from '../../employees/api/employee.dto';
import { StartSession } from '../../sessions/application/start-session.use-case';
import { AcceptInvitation } from '../application/accept-invitation.use-case';
import { ResendInvitation } from '../application/resend-invitation.use-case';
import { AcceptInvitationRequest, InvitationResponse } from './invitation.dto';

@ApiTags('invitations')
@Controller('v1/admin/employees')
export class InvitationsController {
  constructor(private readonly resendInvitation: ResendInvitation) {}

  @Post(':id/invitation')
  @HttpCode(202)
  @AdminOnly()
  @ApiAcceptedResponse({
    type: InvitationResponse,
    description: 'a new invitation, replacing any earlier one; its email is on its way',
  })
  @ApiNotFoundResponse({ description: 'no such employee' })
  @ApiConflictResponse({ description: 'the employee has a password already, or is deactivated' })
  async resend(
    @CurrentEmployee() admin: AuthenticatedEmployee,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<InvitationResponse> {
    return InvitationResponse.from(
      await this.resendInvitation.execute({ employeeId: id, actor: { type: 'admin', id: admin.id } }),
    );
  }
}

@ApiTags('auth')
@Controller('v1/auth/invitations')
export class InvitationAcceptanceController {
  constructor(
    private readonly acceptInvitation: AcceptInvitation,
    private readonly startSession: StartSession,
  ) {}

  @Post('accept')
  @HttpCode(200)
  @ApiOkResponse({
    type: LoginResponse,
    description: 'the password is set: signed in, as by a login (a session starts, its cookie set)',
  })
  @ApiUnauthorizedResponse({ description: 'the link is not valid: a wrong token or an unknown invitation' })
  @ApiForbiddenResponse({ description: 'the employee is deactivated' })
  @ApiConflictResponse({ description: 'the link was used already, or the employee has a password' })
  @ApiGoneResponse({ description: 'the invitation expired, or a newer one replaced it' })
  async accept(
    @Body() body: AcceptInvitationRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const employee = await this.acceptInvitation.execute({
      invitationId: body.invitationId,
      token: body.token,
      password: body.password,
    });
    return this.startSession.execute(employee, reply, { emailProven: true });
  }
}
