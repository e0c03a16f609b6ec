import { Injectable } from '@nestjs/common';
import type { Erasure } from '../domain/erasure';
import { ErasureNotFoundError } from '../domain/erasure.errors';
import { ErasureRepository } from '../infrastructure/erasure.repository';

@Injectable()
export class GetErasure {
  constructor(private readonly erasures: ErasureRepository) {}

  async execute(erasureId: string): Promise<Erasure> {
    const erasure = await this.erasures.findById(erasureId);
    if (!erasure) throw new ErasureNotFoundError(erasureId);
    return erasure;
  }
}
