import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { logContext } from '@vouch/telemetry';

/**
 * Fields no log line may carry, wherever a request, a response or an error puts them: whatever
 * logs a request's headers (a library, an error's context) writes `[redacted]` instead.
 */
export const LOG_REDACTIONS = {
  paths: [
    'req.headers.authorization',
    'req.headers.cookie',
    'req.headers["set-cookie"]',
    'req.headers["x-api-key"]',
    'res.headers["set-cookie"]',
    'headers.authorization',
    'headers.cookie',
    'headers["set-cookie"]',
    '*.password',
    '*.token',
    '*.refreshToken',
    '*.accessToken',
    'password',
    'token',
  ],
  censor: '[redacted]',
};

/**
 * How a service logs: structured lines naming the service and, within a request or an event, the
 * trace, the request and the event (`logContext`). To stdout unless given a destination.
 */
export function createServiceLogger(service: string, level: string, destination?: DestinationStream): Logger {
  const options = { level, base: { service }, mixin: logContext, redact: LOG_REDACTIONS };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's own logging (and every `new Logger(context)`) through the service's logger. */
export class ServiceLogger implements LoggerService {
  constructor(readonly logger: Logger) {}

  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.write('trace', message, optionalParams);
  }

  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.write('debug', message, optionalParams);
  }

  log(message: unknown, ...optionalParams: unknown[]): void {
    this.write('info', message, optionalParams);
  }

  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.write('warn', message, optionalParams);
  }

  error(message: unknown, ...optionalParams: unknown[]): void {
    this.write('error', message, optionalParams);
  }

  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.write('fatal', message, optionalParams);
  }

  /**
   * Nest passes the logger's context last (`new Logger('Outbox').warn(…)` → `warn(message,
   * 'Outbox')`), and its exception handlers a stack before it (`error(message, stack, context)`).
   */
  private write(level: Level, message: unknown, optionalParams: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const params = [...optionalParams];
    if (params.length > 0) fields['context'] = params.pop();
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      this.logger[level]({ ...fields, ...message });
    } else {
      const [stack] = params;
      if (level === 'error' && typeof stack === 'string' && /\n\s*at /.test(stack)) {
        fields['err'] = Object.assign(new Error(String(message)), { stack });
      }
      this.logger[level](fields, String(message));
    }
  }
}
