import { Injectable, Logger } from '@nestjs/common';
import { UnitOfWork } from '@vouch/messaging';
import type { ReportedErasurePart } from '../domain/erasure';
import { ErasureRepository } from '../infrastructure/erasure.repository';

export interface RecordErasureCompletionCommand {
  erasureId: string;
  service: ReportedErasurePart;
  completedAt: Date;
}

@Injectable()
export class RecordErasureCompletion {
  private readonly logger = new Logger(RecordErasureCompletion.name);

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly erasures: ErasureRepository,
  ) {}

  /** Marks a service's part of an erasure done; a report already recorded changes nothing. */
  execute(command: RecordErasureCompletionCommand): Promise<void> {
    return this.unitOfWork.run(async () => {
      const erasure = await this.erasures.lockById(command.erasureId);
      // Not one of ours (another identity's database behind the same topics): nothing to track.
      if (!erasure) {
        this.logger.warn(`${command.service} completed erasure ${command.erasureId}, which is unknown here`);
        return;
      }
      if (erasure.completePart(command.service, command.completedAt)) await this.erasures.save(erasure);
    });
  }
}
