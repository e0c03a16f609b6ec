import { Injectable } from '@nestjs/common';
import { RequestChange } from './request-change';

export interface WithdrawRequest {
  requesterId: string;
  requestId: string;
}

/** The requester takes the request back. */
@Injectable()
export class WithdrawRequestUseCase {
  constructor(private readonly change: RequestChange) {}

  async execute({ requesterId, requestId }: WithdrawRequest): Promise<void> {
    await this.change.run(requesterId, requestId, 'requester', (request, now) =>
      request.withdraw(requesterId, now),
    );
  }
}
