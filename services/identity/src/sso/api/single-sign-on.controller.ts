import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiFoundResponse, ApiNotFoundResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RequestLimiter } from '../../abuse/application/request-limiter';
import { CompleteSingleSignOn } from '../application/complete-single-sign-on.use-case';
import { StartSingleSignOn } from '../application/start-single-sign-on.use-case';
import { SSO_SETTINGS, type SsoSettings } from '../application/sso-settings';
import { clearedLoginCookie, LOGIN_COOKIE_NAME, loginCookieOf, loginKeyIn } from '../domain/login-cookie';
import { SsoRefusedError } from '../domain/sso.errors';

/**
 * Single sign-on with the company's OpenID Connect provider, in the browser: both answer redirects.
 * They exist only when OIDC_ISSUER is set.
 */
@ApiTags('auth')
@Controller('v1/auth/sso')
export class SingleSignOnController {
  private readonly logger = new Logger(SingleSignOnController.name);

  constructor(
    private readonly startSingleSignOn: StartSingleSignOn,
    private readonly completeSingleSignOn: CompleteSingleSignOn,
    @Inject(SSO_SETTINGS) private readonly settings: SsoSettings,
    private readonly limiter: RequestLimiter,
  ) {}

  private get secure(): boolean {
    return this.settings.redirectUri.startsWith('https:');
  }

  @Get('start')
  @ApiFoundResponse({
    description:
      `to the company's identity provider, with the ${LOGIN_COOKIE_NAME} cookie binding the sign-in to this ` +
      "browser; to the portal's `/signin?error=sso_failed` when the provider cannot be reached",
  })
  @ApiNotFoundResponse({ description: 'single sign-on is off (no OIDC_ISSUER)' })
  @ApiTooManyRequestsResponse({
    description: 'too many starts from the client address (LOGIN_MAX_ATTEMPTS_PER_ADDRESS); see Retry-After',
  })
  async start(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    reply.header('cache-control', 'no-store');
    await this.limiter.admitSingleSignOnStart(request.ip);
    try {
      const { authorizationUrl, loginKey } = await this.startSingleSignOn.execute();
      reply.header('set-cookie', loginCookieOf(loginKey, this.settings.loginTtlSeconds, this.secure));
      await reply.redirect(authorizationUrl.href, 302);
    } catch (error) {
      await this.refused(reply, error);
    }
  }

  @Get('callback')
  @ApiFoundResponse({
    description:
      "signed in: to the portal's `/sso-complete`, with the session's refresh cookie set (that page calls " +
      "`POST /v1/auth/refresh` for an access token); refused: to the portal's `/signin?error=<reason>`",
  })
  @ApiNotFoundResponse({ description: 'single sign-on is off (no OIDC_ISSUER)' })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    reply.header('cache-control', 'no-store');
    reply.header('set-cookie', clearedLoginCookie(this.secure));
    const separator = request.url.indexOf('?');
    try {
      await this.completeSingleSignOn.execute(
        {
          loginKey: loginKeyIn(request.headers.cookie),
          query: separator < 0 ? '' : request.url.slice(separator + 1),
        },
        reply,
      );
      await reply.redirect(`${this.settings.portalUrl}/sso-complete`, 302);
    } catch (error) {
      await this.refused(reply, error);
    }
  }

  private async refused(reply: FastifyReply, error: unknown): Promise<void> {
    if (!(error instanceof SsoRefusedError)) throw error;
    this.logger.warn(error.message);
    await reply.redirect(`${this.settings.portalUrl}/signin?error=${error.refusal}`, 302);
  }
}
