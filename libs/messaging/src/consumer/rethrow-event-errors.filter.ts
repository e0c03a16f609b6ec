import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest turns an error thrown by an event handler into a generic `{status: 'error'}` object. The
 * consumer host needs the error itself to tell permanent from transient failures, so the
 * microservice side of each service hands it through unchanged.
 */
@Catch()
export class RethrowEventErrors implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
