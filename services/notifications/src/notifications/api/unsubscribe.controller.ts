import { Controller, Get, Header, HttpCode, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { cspStyleHash, htmlSecurityHeaders } from '@vouch/platform';
import type { FastifyReply } from 'fastify';
import Handlebars from 'handlebars';
import { CheckUnsubscribeTokenUseCase, UnsubscribeUseCase } from '../application/unsubscribe.use-case';
import { NOTIFICATIONS_SETTINGS, type NotificationsSettings } from '../application/notifications.settings';
import type { UnsubscribeScope } from '../domain/email-category';

const CATEGORY_NAMES: Record<UnsubscribeScope, string> = {
  reciprocity: 'someone recommending you',
  recommendation_requests: 'requests for recommendations',
  recommendation_updates: 'news of your recommendations',
  connection_requests: 'connection requests',
  connection_updates: 'accepted connections',
  reminders: 'reminders of pending requests',
  all: 'anything from Vouch',
};

const HTML_PAGE = { 'text/html': { schema: { type: 'string' } } };
const INVALID_LINK = 'the link is invalid or has expired';

/** The page's one style, inline; its Content-Security-Policy allows exactly this text. */
const PAGE_STYLE = 'body{font-family:sans-serif;max-width:480px;margin:40px auto;padding:0 16px}';

const PAGE = Handlebars.compile(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vouch emails</title><style>${PAGE_STYLE}</style></head>
<body>
{{#if done}}<h1>You are unsubscribed</h1><p>You will get no more emails about {{category}}.</p>
{{else}}<h1>Unsubscribe?</h1><p>Stop emails about {{category}}.</p>
<form method="post" action="?token={{token}}"><button type="submit">Unsubscribe</button></form>{{/if}}
</body></html>`);

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

  constructor(
    private readonly check: CheckUnsubscribeTokenUseCase,
    private readonly unsubscribe: UnsubscribeUseCase,
    @Inject(NOTIFICATIONS_SETTINGS) settings: NotificationsSettings,
  ) {
    this.pageHeaders = htmlSecurityHeaders({
      publicUrl: settings.publicUrl,
      styleSources: [cspStyleHash(PAGE_STYLE)],
    });
  }

  @Get()
  @ApiQuery({ name: 'token', type: String })
  @ApiOkResponse({ description: 'a page with the button that unsubscribes', content: HTML_PAGE })
  @ApiForbiddenResponse({ description: INVALID_LINK })
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  confirm(@Query('token') token: unknown, @Res({ passthrough: true }) reply: FastifyReply): string {
    reply.headers(this.pageHeaders);
    const claim = this.check.execute({ token: asToken(token) });
    return PAGE({ done: false, category: CATEGORY_NAMES[claim.category], token: asToken(token) });
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
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    reply.headers(this.pageHeaders);
    const claim = await this.unsubscribe.execute({ token: asToken(token) });
    return PAGE({ done: true, category: CATEGORY_NAMES[claim.category] });
  }
}
