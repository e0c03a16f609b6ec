import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { errorCodes, type FastifyInstance, type FastifyRequest } from 'fastify';
import { AdminGuard, AuthenticatedGuard } from '@vouch/auth';

export const PEOPLE_IMPORT_PATH = 'v1/admin/people-import';
export const CSV_CONTENT_TYPE = 'text/csv';

/** A people file of 5,000 people is about 1 MiB; ten times that leaves room without inviting abuse. */
export const PEOPLE_FILE_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * The people import's body is a CSV file, larger than the 100 KiB every other body is held to.
 * Only its route reads text/csv, with its own limit: anywhere else the media type stays a 415,
 * refused before a byte of the body is read. Only an admin's: Fastify reads a body before Nest's
 * guards run, so the route's own guards (AdminOnly) are run here first, and anyone else gets their
 * 401 or 403 without a byte of the up to 10 MiB read.
 */
@Injectable()
export class CsvBodies implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly authenticated: AuthenticatedGuard,
    private readonly admin: AdminGuard,
  ) {}

  private async authorise(request: FastifyRequest): Promise<void> {
    const context = new ExecutionContextHost([request]);
    await this.authenticated.canActivate(context);
    this.admin.canActivate(context);
  }

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addContentTypeParser(CSV_CONTENT_TYPE, (request: FastifyRequest, payload, done) => {
      if (request.routeOptions.url !== `/${PEOPLE_IMPORT_PATH}`) {
        done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(CSV_CONTENT_TYPE), undefined);
        return;
      }
      this.authorise(request).then(
        () => this.read(request, payload, done),
        (error: unknown) => done(error instanceof Error ? error : new Error(String(error)), undefined),
      );
    });
  }

  private read(
    request: FastifyRequest,
    payload: NodeJS.ReadableStream,
    done: (error: Error | null, body?: unknown) => void,
  ): void {
    if (Number(request.headers['content-length']) > PEOPLE_FILE_LIMIT_BYTES) {
      done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), undefined);
      return;
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let failed = false;
    payload.on('data', (chunk: Buffer) => {
      if (failed) return;
      received += chunk.length;
      if (received > PEOPLE_FILE_LIMIT_BYTES) {
        failed = true;
        done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE(), undefined);
        return;
      }
      chunks.push(chunk);
    });
    payload.on('error', (error) => {
      if (failed) return;
      failed = true;
      done(error, undefined);
    });
    payload.on('end', () => {
      if (!failed) done(null, Buffer.concat(chunks).toString('utf8'));
    });
  }
}
