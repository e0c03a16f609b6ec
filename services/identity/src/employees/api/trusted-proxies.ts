import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

export const TRUSTED_PROXIES = Symbol('TRUSTED_PROXIES');

/**
 * Tells Express which proxies' X-Forwarded-For to believe, so `request.ip` is the client behind a
 * load balancer; with none listed, the header is ignored and a client cannot choose its address.
 */
@Injectable()
export class TrustedProxies implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(TRUSTED_PROXIES) private readonly proxies: string[],
  ) {}

  onModuleInit(): void {
    this.adapterHost.httpAdapter
      .getInstance<{ set(setting: string, value: unknown): void }>()
      .set('trust proxy', this.proxies.length > 0 ? this.proxies : false);
  }
}
