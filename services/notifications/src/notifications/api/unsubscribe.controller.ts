import { Controller, Get, Header, Headers, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  cspStyleHash,
  htmlSecurityHeaders,
  pickLanguageFromHeader,
  type EmailLanguage,
} from '@vouch/platform';
import type { FastifyReply } from 'fastify';
import Handlebars from 'handlebars';
import { CheckUnsubscribeTokenUseCase, UnsubscribeUseCase } from '../application/unsubscribe.use-case';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../application/notifications.settings';
import type { UnsubscribeScope } from '../domain/email-category';
import { unsubscribePageMessages } from './unsubscribe-page-messages';

const HTML_PAGE = { 'text/html': { schema: { type: 'string' } } };
const INVALID_LINK = 'the link is invalid or has expired';

/** The page's one style, inline; its Content-Security-Policy allows exactly this text. */
const PAGE_STYLE = 'body{font-family:sans-serif;max-width:480px;margin:40px auto;padding:0 16px}';

const PAGE = Handlebars.compile(`<!doctype html>
<html lang="{{language}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{title}}</title><style>${PAGE_STYLE}</style></head>
<body>
<h1>{{heading}}</h1><p>{{text}}</p>
{{#if token}}<form method="post" action="?token={{token}}"><button type="submit">{{button}}</button></form>{{/if}}
</body></html>`);

/** The page, in the browser's language: asking (with the token, for the button) or done. */
function page(language: EmailLanguage, category: UnsubscribeScope, ask: { token: string } | null): string {
  const say = unsubscribePageMessages.in(language, 'UTC');
  const step = ask ? 'ask' : 'done';
  return PAGE({
    language,
    title: say('title'),
    heading: say(`${step}.heading`),
    text: say(`${step}.text`, { category: say(`category.${category}`) }),
    button: say('ask.button'),
    token: ask?.token,
  });
}

/** A missing or repeated `token` parameter is as invalid as a forged one. */
function asToken(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * Unsubscribe links, without login: the token is the authority. GET only shows the button, because
 * mail scanners follow GET links; POST (RFC 8058 one-click, or the button) unsubscribes.
 */
@ApiTags('unsubscribe')
@Controller('v1/unsubscribe')
export class UnsubscribeController {
  /** Set by this service on its own page: in Kubernetes, no gateway stands in front of it. */
  private readonly pageHeaders: Record<string, string>;
  private readonly defaultLanguage: EmailLanguage;

  constructor(
    private readonly check: CheckUnsubscribeTokenUseCase,
    private readonly unsubscribe: UnsubscribeUseCase,
    @Inject(NOTIFICATIONS_SETTINGS) settings: NotificationsSettings,
  ) {
    this.pageHeaders = htmlSecurityHeaders({
      publicUrl: settings.publicUrl,
      styleSources: [cspStyleHash(PAGE_STYLE)],
    });
    this.defaultLanguage = settings.emailLook.defaultLanguage;
  }

  /** The page's language, from the browser's Accept-Language, said in its headers too. */
  private languageFor(acceptLanguage: string | undefined, reply: FastifyReply): EmailLanguage {
    const language = pickLanguageFromHeader(acceptLanguage, this.defaultLanguage);
    reply.headers({ ...this.pageHeaders, 'Content-Language': language, Vary: 'Accept-Language' });
    return language;
  }

  @Get()
  @ApiQuery({ name: 'token', type: String })
  @ApiOkResponse({ description: 'a page with the button that unsubscribes', content: HTML_PAGE })
  @ApiForbiddenResponse({ description: INVALID_LINK })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  confirm(
    @Query('token') token: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    const language = this.languageFor(acceptLanguage, reply);
    const claim = this.check.execute({ token: asToken(token) });
    return page(language, claim.category, { token: asToken(token) });
  }

  @Post()
  @HttpCode(200)
  @ApiQuery({ name: 'token', type: String })
  @ApiOkResponse({ description: 'unsubscribed: a page that says so', content: HTML_PAGE })
  @ApiForbiddenResponse({ description: INVALID_LINK })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async oneClick(
    @Query('token') token: unknown,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const language = this.languageFor(acceptLanguage, reply);
    const claim = await this.unsubscribe.execute({ token: asToken(token) });
    return page(language, claim.category, null);
  }
}
