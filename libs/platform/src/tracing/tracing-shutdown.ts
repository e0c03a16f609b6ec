import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { stopTracing } from '@vouch/telemetry';

/** Sends the spans still buffered before the process exits. */
@Injectable()
export class TracingShutdown implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }
}
