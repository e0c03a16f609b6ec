import { Injectable } from '@nestjs/common';

/**
 * The time emails are planned at, asked of one provider: whether one waits for the morning depends
 * on the hour, which a test sets here rather than waiting for the night.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}
