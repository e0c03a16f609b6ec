import { Body, Controller, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EmployeeResponse, RegisterRequest } from '../../employees/api/employee.dto';
import { StartSession } from '../../sessions/application/start-session.use-case';
import { ConfirmEmail } from '../application/confirm-email.use-case';
import { RequestPasswordReset } from '../application/request-password-reset.use-case';
import { ResendEmailConfirmation } from '../application/resend-email-confirmation.use-case';
import { ResetPassword } from '../application/reset-password.use-case';
import { SignUp } from '../application/sign-up.use-case';
import {
  CheckYourEmailResponse,
  ConfirmEmailRequest,
  EmailConfirmedResponse,
  EmailRequest,
  ResetPasswordRequest,
} from './account.dto';
import { PasswordSignInGuard } from './password-sign-in.guard';

const CHECK_YOUR_EMAIL: CheckYourEmailResponse = {
  message: 'If the address can use Vouch, an email is on its way to it.',
};
const DISABLED = 'password sign-in is off (AUTH_PASSWORD_ENABLED): sign in with the company account';
const TOO_MANY_SIGN_UPS =
  'too many sign-ups from the client address, or from everyone this minute; see Retry-After (seconds)';
const TOO_MANY_EMAIL_REQUESTS =
  'too many such requests from the client address or for the email this hour; see Retry-After (seconds)';

/**
 * Password accounts: sign-up with a proven address, and "forgot password". Every answer that emails
 * someone is the same whether or not the address has an account.
 */
@ApiTags('auth')
@Controller('v1/auth')
@UseGuards(PasswordSignInGuard)
export class AccountsController {
  constructor(
    private readonly signUp: SignUp,
    private readonly confirmEmail: ConfirmEmail,
    private readonly resendConfirmation: ResendEmailConfirmation,
    private readonly requestPasswordReset: RequestPasswordReset,
    private readonly resetPassword: ResetPassword,
    private readonly startSession: StartSession,
  ) {}

  @Post('register')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: CheckYourEmailResponse,
    description:
      'a "Confirm your email" email is on its way, or, if the address has an account, an email telling its owner',
  })
  @ApiForbiddenResponse({ description: 'the email domain may not register' })
  @ApiNotFoundResponse({ description: DISABLED })
  @ApiTooManyRequestsResponse({ description: TOO_MANY_SIGN_UPS })
  async register(
    @Body() body: RegisterRequest,
    @Req() request: FastifyRequest,
  ): Promise<CheckYourEmailResponse> {
    await this.signUp.execute({ ...body, address: request.ip });
    return CHECK_YOUR_EMAIL;
  }

  @Post('email-confirmations')
  @HttpCode(200)
  @ApiOkResponse({
    type: EmailConfirmedResponse,
    description:
      'confirmed: the employee exists and is signed in, as by a login (a session starts, its refresh token in the vouch_refresh cookie)',
  })
  @ApiGoneResponse({ description: 'the link was used already, expired, or a newer one replaced it' })
  @ApiConflictResponse({ description: 'another link of the same address was used at the same moment' })
  @ApiNotFoundResponse({ description: DISABLED })
  async confirm(
    @Body() body: ConfirmEmailRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EmailConfirmedResponse> {
    const { employee, signedIn } = await this.confirmEmail.execute(body);
    // The link proved the address: ADMIN_EMAILS may make them an admin at each refresh too.
    const { accessToken, expiresIn } = await this.startSession.execute(signedIn, reply, {
      emailProven: true,
    });
    return { employee: EmployeeResponse.from(employee), accessToken, expiresIn };
  }

  @Post('email-confirmations/resend')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: CheckYourEmailResponse,
    description:
      'a new "Confirm your email" email if the address has a sign-up waiting; the same answer if not',
  })
  @ApiNotFoundResponse({ description: DISABLED })
  @ApiTooManyRequestsResponse({ description: TOO_MANY_EMAIL_REQUESTS })
  async resend(@Body() body: EmailRequest, @Req() request: FastifyRequest): Promise<CheckYourEmailResponse> {
    await this.resendConfirmation.execute({ email: body.email, address: request.ip });
    return CHECK_YOUR_EMAIL;
  }

  @Post('password-resets')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: CheckYourEmailResponse,
    description: 'a "Reset your password" email if the address has an account; the same answer if not',
  })
  @ApiNotFoundResponse({ description: DISABLED })
  @ApiTooManyRequestsResponse({ description: TOO_MANY_EMAIL_REQUESTS })
  async forgotPassword(
    @Body() body: EmailRequest,
    @Req() request: FastifyRequest,
  ): Promise<CheckYourEmailResponse> {
    await this.requestPasswordReset.execute({ email: body.email, address: request.ip });
    return CHECK_YOUR_EMAIL;
  }

  @Post('password-resets/confirm')
  @HttpCode(204)
  @ApiNoContentResponse({
    description: 'the password is changed, and every session (refresh token) of the employee ended',
  })
  @ApiGoneResponse({ description: 'the link was used already, expired, or a newer one replaced it' })
  @ApiNotFoundResponse({ description: DISABLED })
  async reset(@Body() body: ResetPasswordRequest): Promise<void> {
    await this.resetPassword.execute(body);
  }
}
