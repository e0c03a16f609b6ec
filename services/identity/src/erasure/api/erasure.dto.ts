import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength, Matches } from 'class-validator';
import type { Erasure } from '../domain/erasure';

export class EraseEmployeeRequest {
  @ApiProperty({
    minLength: 1,
    maxLength: 500,
    description:
      'the request this erasure answers (a ticket or reference), kept in the audit log: no personal data',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason!: string;
}

export class ErasurePartResponse {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the service finished its part; null while it has not',
  })
  completedAt!: string | null;
}

export class ErasurePartsResponse {
  @ApiProperty({ type: ErasurePartResponse, description: 'done in the request itself' })
  identity!: ErasurePartResponse;

  @ApiProperty({ type: ErasurePartResponse })
  connections!: ErasurePartResponse;

  @ApiProperty({ type: ErasurePartResponse })
  recommendations!: ErasurePartResponse;

  @ApiProperty({ type: ErasurePartResponse })
  notifications!: ErasurePartResponse;
}

export class ErasureResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid', description: 'the erased employee' })
  employeeId!: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ format: 'uuid', description: 'the admin who erased them' })
  requestedBy!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: ErasurePartsResponse, description: "each service's part of the erasure" })
  services!: ErasurePartsResponse;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the last service finished; null while one has not',
  })
  completedAt!: string | null;

  static from(erasure: Erasure): ErasureResponse {
    const state = erasure.snapshot();
    const part = (at: Date | null) => ({ completedAt: at?.toISOString() ?? null });
    return {
      id: state.id,
      employeeId: state.employeeId,
      requestedAt: state.requestedAt.toISOString(),
      requestedBy: state.requestedBy,
      reason: state.reason,
      services: {
        identity: part(state.parts.identity),
        connections: part(state.parts.connections),
        recommendations: part(state.parts.recommendations),
        notifications: part(state.parts.notifications),
      },
      completedAt: state.completedAt?.toISOString() ?? null,
    };
  }
}

export class ErasurePageResponse {
  @ApiProperty({ type: [ErasureResponse] })
  items!: ErasureResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'pass as ?cursor= for the next page' })
  nextCursor!: string | null;
}
