import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

/**
 * RFC 8058's one-click unsubscribe is a POST whose body (`List-Unsubscribe=One-Click`) mail
 * providers send as multipart/form-data, as the RFC prefers, or as a urlencoded form. The endpoint
 * reads only its token, from the query: a multipart body is read and dropped, not refused with a 415.
 */
@Injectable()
export class MultipartBodiesDropped implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter
      .getInstance<FastifyInstance>()
      .addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_request, _body, done) =>
        done(null, undefined),
      );
  }
}
