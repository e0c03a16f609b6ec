import { Controller, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LoginResponse } from '../../employees/api/employee.dto';
import { EndSession } from '../application/end-session.use-case';
import { RefreshSession } from '../application/refresh-session.use-case';
import { refreshTokenIn, REFRESH_COOKIE_NAME } from '../domain/session-cookie';
import { assertNotCrossSite } from './cross-site-check';

const csrfHeader = ApiHeader({
  name: 'X-Requested-With',
  required: true,
  description: 'any value: proves a script of the portal sent the request (CSRF)',
});

/** The session behind the refresh cookie: renewed silently by the portal, ended by signing out. */
@ApiTags('auth')
@Controller('v1/auth')
export class SessionsController {
  constructor(
    private readonly refreshSession: RefreshSession,
    private readonly endSession: EndSession,
  ) {}

  @Post('refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @csrfHeader
  @ApiOkResponse({
    type: LoginResponse,
    description: `a new access token; the ${REFRESH_COOKIE_NAME} cookie holds the session's next refresh token`,
  })
  @ApiUnauthorizedResponse({
    description:
      'no refresh cookie, or an unknown, expired, revoked or already used one (which ends its session)',
  })
  @ApiForbiddenResponse({ description: 'no X-Requested-With header, or a request from another site' })
  refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    assertNotCrossSite(request.headers);
    return this.refreshSession.execute(refreshTokenIn(request.headers.cookie), reply);
  }

  @Post('logout')
  @HttpCode(204)
  @csrfHeader
  @ApiNoContentResponse({ description: 'signed out: the session is revoked and its cookie removed' })
  @ApiForbiddenResponse({ description: 'no X-Requested-With header, or a request from another site' })
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    assertNotCrossSite(request.headers);
    await this.endSession.execute(refreshTokenIn(request.headers.cookie), reply);
  }
}
