import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StartSession } from '../../sessions/application/start-session.use-case';
import { LogIn } from '../application/log-in.use-case';
import { LoginRequest, LoginResponse } from './employee.dto';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(
    private readonly logIn: LogIn,
    private readonly startSession: StartSession,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({
    type: LoginResponse,
    description: 'signed in: a session starts, its refresh token in the vouch_refresh cookie',
  })
  @ApiUnauthorizedResponse({ description: 'wrong email or password' })
  @ApiForbiddenResponse({
    description: 'the password is right but the email is not confirmed yet (`Email not confirmed`)',
  })
  @ApiNotFoundResponse({ description: 'password sign-in is off (AUTH_PASSWORD_ENABLED)' })
  @ApiTooManyRequestsResponse({ description: 'too many attempts; see Retry-After' })
  async login(
    @Body() body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const employee = await this.logIn.execute({
      email: body.email,
      password: body.password,
      address: request.ip,
    });
    return this.startSession.execute(employee, reply);
  }
}
